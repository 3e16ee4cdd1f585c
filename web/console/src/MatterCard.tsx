import { useState } from "react";
import { CancelVisitDocument, ResolvedByCustomerDocument, type ConsoleMatterFragment } from "../../../client/generated/graphql";
import { ConfirmAction } from "./ConfirmAction";
import { idempotencyKey, request } from "./graphqlClient";
import { Time } from "./Time";

function Handler({ handler }: { handler: NonNullable<ConsoleMatterFragment["handler"]> }) {
  return (
    <dl className="handler" data-testid="handler">
      <dt>Handled by</dt>
      <dd className="name">{handler.name}</dd>
      {handler.team && (
        <>
          <dt>Team</dt>
          <dd>{handler.team}</dd>
        </>
      )}
      <dt>Organization</dt>
      <dd>
        {handler.organization}
        {handler.tier ? ` · tier ${handler.tier}` : ""}
      </dd>
      {handler.phone && (
        <>
          <dt>Phone</dt>
          <dd>{handler.phone}</dd>
        </>
      )}
      {handler.hours && (
        <>
          <dt>Hours</dt>
          <dd>{handler.hours}</dd>
        </>
      )}
      <dt>Since</dt>
      <dd>
        <Time iso={handler.since} />
      </dd>
    </dl>
  );
}

/** One open matter: status, handler, promises (overdue in words), hand-offs, and the actions that apply to it. */
export function MatterCard({ matter, token, onChanged }: { matter: ConsoleMatterFragment; token: string; onChanged: () => void }) {
  const [reason, setReason] = useState("resolved by the customer");
  const [note, setNote] = useState("");
  return (
    <article className={`matter ${matter.overdue ? "is-overdue" : ""}`} data-testid={`matter-${matter.subjectId}`} data-kind={matter.kind}>
      <h4>
        {matter.title} <span className="status">{matter.status}</span>
        {matter.overdue && <span className="overdue"> overdue</span>}
      </h4>
      <p className="meta">
        {matter.source} · {matter.kind} {matter.priority ? `· ${matter.priority}` : ""} · opened <Time iso={matter.openedAt} /> · due <Time iso={matter.dueAt} />
      </p>
      {matter.handler ? <Handler handler={matter.handler} /> : <p className="no-handler">No one is handling this right now.</p>}
      {matter.promises.length > 0 && (
        <div className="promises">
          <h5>Promises</h5>
          <ul>
            {matter.promises.map((p) => (
              <li key={p.id} className={p.overdue ? "overdue" : ""}>
                {p.description} — {p.madeBy ? `${p.madeBy.name}, ` : ""}due <Time iso={p.dueAt} /> · {p.status}
                {p.overdue && p.overdueText && <strong className="overdue-text"> {p.overdueText}</strong>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {matter.handoffs.length > 0 && (
        <div className="handoffs">
          <h5>Hand-offs</h5>
          <ol>
            {matter.handoffs.map((h, i) => (
              <li key={i}>
                <Time iso={h.at} />: {h.from ? `${h.from.name}${h.from.tier ? ` (${h.from.tier})` : ""}` : "new"} → {h.to.name}
                {h.to.tier ? ` (${h.to.tier})` : ""}
                {h.reason ? ` — ${h.reason}` : ""}
              </li>
            ))}
          </ol>
        </div>
      )}
      {matter.kind === "VISIT" && (
        <ConfirmAction
          testId={`cancel-visit-${matter.subjectId}`}
          label="Cancel this visit…"
          confirmLabel="Yes, cancel the visit"
          question={<>Cancel visit {matter.subjectId}? The maker and the technician see it cancelled; this cannot be undone here.</>}
          run={async () => {
            const answer = await request(CancelVisitDocument, { visitId: matter.subjectId, reason, idempotencyKey: idempotencyKey("cancel-visit") }, token);
            if (!answer.errors.length) onChanged();
            const visit = answer.data?.cancelVisit;
            return { errors: answer.errors, done: visit ? `Visit ${visit.id} is ${visit.status} (${visit.cancelReason}).` : undefined };
          }}
        >
          <label>
            Reason <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="cancel-reason" />
          </label>
        </ConfirmAction>
      )}
      {matter.kind === "SERVICE_CASE" && (
        <ConfirmAction
          testId={`resolve-case-${matter.subjectId}`}
          label="Customer says it is resolved…"
          confirmLabel="Yes, close it for every party"
          question={<>Record that the customer resolved {matter.subjectId}? Its visits, callbacks, tasks and promises close for every party.</>}
          run={async () => {
            const answer = await request(ResolvedByCustomerDocument, { caseNumber: matter.subjectId, note, idempotencyKey: idempotencyKey("resolve-case") }, token);
            if (!answer.errors.length) onChanged();
            const resolved = answer.data?.resolveCaseByCustomer;
            return { errors: answer.errors, done: resolved ? `Case ${resolved.number} is ${resolved.status}.` : undefined };
          }}
        >
          <label>
            What the customer said <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. re-paired the remote himself" />
          </label>
        </ConfirmAction>
      )}
    </article>
  );
}
