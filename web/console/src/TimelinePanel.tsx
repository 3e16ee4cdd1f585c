import { useState } from "react";
import { ConsoleTimelineDocument, type ConsoleTimelinePageFragment } from "../../../client/generated/graphql";
import { ErrorList } from "./ErrorList";
import { request, type GraphError } from "./graphqlClient";
import { MissingSources } from "./MissingSources";
import { Time } from "./Time";

type Entry = ConsoleTimelinePageFragment["entries"][number];

/** The subject an entry is about, as its owning subgraph tells it (shown when the rep expands the entry). */
function Subject({ entry }: { entry: Entry }) {
  const s = entry.subject;
  if (!s) return <p className="subject">No further detail for {entry.subjectType} {entry.subjectId}.</p>;
  const fields: Array<[string, string | null | undefined]> = (() => {
    switch (s.__typename) {
      case "Visit":
        return [["visit", s.id], ["status", s.status], ["technician", s.technician ? `${s.technician.name} ${s.technician.phone}` : null]];
      case "ServiceCase":
        return [["case", s.number], ["status", s.status], ["tier", s.tier], ["summary", s.summary]];
      case "Order":
        return [["order", s.number], ["status", s.status], ["total", `¥${s.totalYuan}`]];
      case "ReturnRequest":
        return [["return", s.returnNumber], ["status", s.returnStatus], ["next step", s.nextStep]];
      case "ValueAddedServiceOrder":
        return [["service order", s.serviceOrderNumber], ["service", s.service], ["status", s.serviceStatus]];
      case "Device":
        return [["serial", s.serial], ["model", s.model], ["product", s.productName]];
      case "BillingAccount":
        return [["account", s.accountNumber], ["status", s.accountStatus], ["balance", `¥${s.balanceYuan}`]];
      case "Invoice":
        return [["invoice", s.number], ["status", s.status], ["total", `¥${s.totalYuan}`]];
      case "BillingDispute":
        return [["dispute", s.id], ["status", s.disputeStatus], ["reason", s.reason]];
      case "Outage":
        return [["outage", s.id], ["status", s.outageStatus], ["area", s.area], ["cause", s.cause]];
      case "SecurityLogin":
        return [["login", s.id], ["status", s.loginStatus], ["locked", s.isLocked ? "yes" : "no"]];
    }
  })();
  return (
    <dl className="subject" data-testid="subject">
      {fields
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      {s.__typename === "Visit" && (
        <div>
          <dt>window</dt>
          <dd>
            <Time iso={s.windowStart} /> – <Time iso={s.windowEnd} />
          </dd>
        </div>
      )}
    </dl>
  );
}

function EntryRow({ entry }: { entry: Entry }) {
  const [open, setOpen] = useState(false);
  return (
    <li className={`entry source-${entry.source}`} data-testid="timeline-entry" data-kind={entry.kind} data-subject={entry.subjectId}>
      <Time iso={entry.at} /> <span className="source">{entry.source}</span> <span className="kind">{entry.kind}</span> {entry.summary}
      {entry.actor && (
        <span className="actor">
          {" "}
          — {entry.actor.name} ({entry.actor.organization})
        </span>
      )}{" "}
      <button type="button" className="link" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? "▾" : "▸"} {entry.subjectType} {entry.subjectId}
      </button>
      {open && <Subject entry={entry} />}
    </li>
  );
}

/**
 * The merged timeline: the first page comes with the 360 view; filters and "older" ask the
 * gateway for the page they need (cursor paging, newest first).
 */
export function TimelinePanel(props: { customerId: string; token: string; firstPage: ConsoleTimelinePageFragment; pageSize: number }) {
  const [entries, setEntries] = useState<Entry[]>(props.firstPage.entries);
  const [pageInfo, setPageInfo] = useState(props.firstPage.pageInfo);
  const [missing, setMissing] = useState<string[]>(props.firstPage.missingSources);
  const [sources, setSources] = useState<string[]>([]);
  const [kind, setKind] = useState("");
  const [errors, setErrors] = useState<GraphError[]>([]);
  const [busy, setBusy] = useState(false);
  const allSources = props.firstPage.sources;
  // Kinds seen so far, offered as suggestions for the kind filter.
  const [knownKinds] = useState(() => new Set<string>());
  for (const e of entries) knownKinds.add(e.kind);

  async function load(after: string | null, filters: { sources: string[]; kind: string }) {
    setBusy(true);
    const answer = await request(
      ConsoleTimelineDocument,
      {
        id: props.customerId,
        first: props.pageSize,
        after,
        sources: filters.sources.length ? filters.sources : null,
        kinds: filters.kind.trim() ? filters.kind.split(",").map((k) => k.trim()).filter(Boolean) : null,
      },
      props.token,
    );
    setBusy(false);
    setErrors(answer.errors);
    const page = answer.data?.customer?.timeline.result;
    if (!page) return;
    setEntries((current) => (after ? [...current, ...page.entries] : page.entries));
    setPageInfo(page.pageInfo);
    setMissing(page.missingSources);
  }

  function toggleSource(source: string) {
    const next = sources.includes(source) ? sources.filter((s) => s !== source) : [...sources, source];
    setSources(next);
    void load(null, { sources: next, kind });
  }

  return (
    <section className="timeline" data-testid="timeline">
      <h3>Timeline</h3>
      <div className="filters">
        Sources:{" "}
        {allSources.map((source) => (
          <label key={source}>
            <input type="checkbox" checked={sources.includes(source)} onChange={() => toggleSource(source)} data-testid={`source-${source}`} /> {source}
          </label>
        ))}{" "}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void load(null, { sources, kind });
          }}
        >
          <label>
            Kinds <input list="timeline-kinds" value={kind} onChange={(e) => setKind(e.target.value)} placeholder="e.g. VISIT_CANCELLED" data-testid="kind-filter" />
          </label>
          <datalist id="timeline-kinds">
            {[...knownKinds].sort().map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>{" "}
          <button type="submit" disabled={busy}>
            Filter
          </button>
        </form>
      </div>
      <MissingSources sources={missing} />
      <ErrorList errors={errors} />
      {entries.length === 0 && <p>No entries{sources.length || kind ? " match these filters" : ""}.</p>}
      <ol className="entries">
        {entries.map((entry) => (
          <EntryRow key={entry.id} entry={entry} />
        ))}
      </ol>
      {pageInfo.hasNextPage && (
        <button type="button" disabled={busy} onClick={() => load(pageInfo.endCursor ?? null, { sources, kind })} data-testid="older">
          Older entries
        </button>
      )}
    </section>
  );
}
