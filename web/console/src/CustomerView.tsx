import { useCallback, useEffect, useState } from "react";
import { ConsoleCustomerDocument, type ConsoleCustomerQuery } from "../../../client/generated/graphql";
import { ErrorList } from "./ErrorList";
import { request, type GraphError } from "./graphqlClient";
import { LogContactForm } from "./LogContactForm";
import { MatterCard } from "./MatterCard";
import { MissingSources } from "./MissingSources";
import { SecurityPanel } from "./SecurityPanel";
import { TimelinePanel } from "./TimelinePanel";

type Customer = NonNullable<ConsoleCustomerQuery["customer"]>;

const PAGE = 20;

/** The 360 view of one customer: read this first, who handles each open matter, the actions, the timeline. */
export function CustomerView({ customerId, token }: { customerId: string; token: string }) {
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [errors, setErrors] = useState<GraphError[]>([]);
  const [loading, setLoading] = useState(true);
  // Bumped after every confirmed action so the matters and the timeline show what changed.
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  // Counts answers received: the timeline starts over from each new first page (not at the
  // bump, which comes before the new answer).
  const [answers, setAnswers] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    void request(ConsoleCustomerDocument, { id: customerId, first: PAGE }, token).then((answer) => {
      if (!current) return;
      setLoading(false);
      setErrors(answer.errors);
      setCustomer(answer.data?.customer ?? null);
      setAnswers((n) => n + 1);
    });
    return () => {
      current = false;
    };
  }, [customerId, token, version]);

  if (!customer) return loading ? <p className="loading">Loading {customerId}…</p> : <ErrorList errors={errors} title={`Could not load ${customerId}:`} />;
  const overview = customer.overview.result;
  const matters = overview.openMatters;
  const unavailable = errors.filter((e) => e.code === "SUBGRAPH_UNAVAILABLE" && e.serviceName).map((e) => e.serviceName!);
  return (
    <main className="customer" data-testid="customer" data-customer-id={customer.id}>
      <h2>
        <span className="name">{customer.name}</span> {customer.nameLatin && <span className="latin">{customer.nameLatin}</span>}{" "}
        <small>
          {customer.id} · {customer.city}
          {customer.cityLatin ? ` ${customer.cityLatin}` : ""} · {customer.phones.map((p) => `${p.number} (${p.label})`).join(", ")}
        </small>
      </h2>
      <MissingSources sources={[...matters.missingSources, ...overview.timeline.missingSources, ...unavailable]} />
      <ErrorList errors={errors.filter((e) => e.code !== "SUBGRAPH_UNAVAILABLE")} />

      <section className="before-you-call" data-testid="before-you-call">
        <h3>Before you call</h3>
        {customer.beforeYouCall.length === 0 ? (
          <p>No recent contact by any party.</p>
        ) : (
          <ul>
            {customer.beforeYouCall.map((line) => (
              <li key={line.party}>{line.headline}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="matters" data-testid="matters">
        <h3>
          Open matters: {matters.count}
          {matters.overdueCount > 0 && <span className="overdue"> · {matters.overdueCount} overdue</span>}
        </h3>
        <p className={`survey ${matters.surveyEligibility.eligible ? "eligible" : "not-eligible"}`} data-testid="survey">
          Satisfaction survey: {matters.surveyEligibility.eligible ? "may be sent" : `not now (${matters.surveyEligibility.reasons.join("; ")})`}
        </p>
        {matters.matters.map((matter) => (
          <MatterCard key={matter.id} matter={matter} token={token} onChanged={refresh} />
        ))}
      </section>

      <SecurityPanel logins={customer.securityLogins} token={token} />
      <LogContactForm customerId={customer.id} token={token} onChanged={refresh} />
      <TimelinePanel key={answers} customerId={customer.id} token={token} firstPage={overview.timeline} pageSize={PAGE} />
    </main>
  );
}
