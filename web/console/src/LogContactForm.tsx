import { useState } from "react";
import { LogContactDocument } from "../../../client/generated/graphql";
import { ConfirmAction } from "./ConfirmAction";
import { idempotencyKey, request } from "./graphqlClient";

const CHANNELS = ["PHONE", "SMS", "APP", "EMAIL", "VISIT"];
const OUTCOMES = ["REACHED", "NO_ANSWER", "BUSY", "TOLD_RESOLVED", "CALLBACK_PROMISED"];

/** Log this call (or attempt) in the shared contact log, so the next party reads it before dialing. */
export function LogContactForm({ customerId, token, onChanged }: { customerId: string; token: string; onChanged: () => void }) {
  const [party, setParty] = useState("");
  const [channel, setChannel] = useState("PHONE");
  const [direction, setDirection] = useState("INBOUND");
  const [outcome, setOutcome] = useState("REACHED");
  const [note, setNote] = useState("");
  return (
    <section className="log-contact" data-testid="log-contact">
      <h3>Log this contact</h3>
      <ConfirmAction
        testId="log-contact-action"
        label="Log a contact…"
        confirmLabel="Log it"
        question={<>Record a contact with {customerId} in the shared contact log (every party sees it before calling).</>}
        run={async () => {
          const input = { customerId, party, channel, direction, outcome, note: note || null };
          const answer = await request(LogContactDocument, { input, idempotencyKey: idempotencyKey("log-contact") }, token);
          if (!answer.errors.length) onChanged();
          const logged = answer.data?.logContact;
          return { errors: answer.errors, done: logged ? `Logged: ${logged.party} ${logged.outcome}.` : undefined };
        }}
      >
        <div className="fields">
          <label>
            Party <input value={party} onChange={(e) => setParty(e.target.value)} placeholder="your organization, e.g. yougou" />
          </label>
          <label>
            Channel{" "}
            <select value={channel} onChange={(e) => setChannel(e.target.value)}>
              {CHANNELS.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label>
            Direction{" "}
            <select value={direction} onChange={(e) => setDirection(e.target.value)}>
              <option value="INBOUND">INBOUND (customer called)</option>
              <option value="OUTBOUND">OUTBOUND (we called)</option>
            </select>
          </label>
          <label>
            Outcome{" "}
            <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              {OUTCOMES.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </label>
          <label>
            Note <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
        </div>
      </ConfirmAction>
    </section>
  );
}
