import { useState } from "react";
import { ConsoleFindDocument, type ConsoleFindQuery } from "../../../client/generated/graphql";
import { CustomerView } from "./CustomerView";
import { ErrorList } from "./ErrorList";
import { request, type GraphError } from "./graphqlClient";
import { MissingSources } from "./MissingSources";

type Lookup = ConsoleFindQuery["findCustomers"]["result"];

const TOKEN_KEY = "c360.console.token";

/**
 * The rep console: paste a token, search by whatever the caller gives, choose the customer
 * when several match, then the 360 view. The token stays in this browser tab's session storage.
 */
export function App() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? "");
  const [identifier, setIdentifier] = useState("");
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [errors, setErrors] = useState<GraphError[]>([]);
  const [busy, setBusy] = useState(false);
  const [customerId, setCustomerId] = useState<string | null>(null);

  async function search(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setCustomerId(null);
    const answer = await request(ConsoleFindDocument, { identifier }, token);
    setBusy(false);
    setErrors(answer.errors);
    const result = answer.data?.findCustomers.result ?? null;
    setLookup(result);
    // One match: straight to the 360 view; several (a shared home phone): the rep chooses.
    if (result?.candidates.length === 1) setCustomerId(result.candidates[0].customer.id);
  }

  return (
    <div className="console">
      <header>
        <h1>Customer 360 · rep console</h1>
        <label className="token">
          Token{" "}
          <input
            type="password"
            value={token}
            placeholder="paste: npm run -s token -- --role rep --org yougou"
            data-testid="token"
            onChange={(e) => {
              setToken(e.target.value);
              sessionStorage.setItem(TOKEN_KEY, e.target.value);
            }}
          />
        </label>
        <span className="clock-note">Times are Beijing time (UTC+8); hover a time for UTC.</span>
      </header>

      <form className="search" onSubmit={search}>
        <input
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
          placeholder="Phone (any format), order, case, serial, account, login or email"
          data-testid="identifier"
          autoFocus
        />
        <button type="submit" disabled={busy || !identifier.trim()}>
          {busy ? "Searching…" : "Find"}
        </button>
      </form>

      <ErrorList errors={errors} />
      {lookup && <MissingSources sources={lookup.missingSources} />}
      {lookup && lookup.candidates.length !== 1 && (
        <section className="candidates" data-testid="candidates">
          {lookup.candidates.length === 0 && <p>No customer matches {lookup.kind} “{lookup.normalized}”.</p>}
          {lookup.candidates.length > 1 && (
            <p>
              {lookup.candidates.length} customers match {lookup.kind} “{lookup.normalized}”: choose who is calling.
            </p>
          )}
          {lookup.candidates.length > 1 && (
            <ul>
              {lookup.candidates.map(({ customer, matchedBy }) => (
                <li key={customer.id}>
                  <button type="button" className={customer.id === customerId ? "chosen" : ""} onClick={() => setCustomerId(customer.id)} data-testid={`candidate-${customer.id}`}>
                    <span className="name">{customer.name}</span> {customer.nameLatin && <span className="latin">{customer.nameLatin}</span>} · {customer.city}
                    {customer.cityLatin ? ` ${customer.cityLatin}` : ""} · matched by {matchedBy.join(", ")}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {customerId && <CustomerView key={customerId} customerId={customerId} token={token} />}
    </div>
  );
}
