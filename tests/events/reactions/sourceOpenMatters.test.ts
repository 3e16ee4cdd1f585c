/**
 * The relay attaches the owner's open matters in the source to every event it publishes
 * (kit/events/sourceState.ts), and customers.source-open-matters keeps the latest per
 * (source, owner) for the survey check. Against real databases: the maker's seeded history
 * and a real mutation, relayed by the kit's relayOnce into a capturing transport, applied
 * through consumeOnce. A later state wins; an older one (a redelivery, a replayed dead letter)
 * changes nothing; events without state and the customers subgraph's own are ignored.
 */
import { aftersalesSubgraph } from "../../../subgraphs/aftersales/subgraph";
import type { DB as CustomersDB } from "../../../subgraphs/customers/db/tables";
import { SOURCE_OPEN_MATTERS_CONSUMER } from "../../../subgraphs/customers/reactions/sourceOpenMatters";
import { customersSubgraph } from "../../../subgraphs/customers/subgraph";
import type { EventTransport } from "../../../subgraphs/kit/events/eventTransport";
import { relayOnce } from "../../../subgraphs/kit/events/outboxRelay";
import type { DomainEvent } from "../../../subgraphs/kit/events/reaction";
import { relaySourceState } from "../../../subgraphs/kit/events/relaySourceState";
import { describeEachDatabase } from "../../helpers/databases";
import { deliverEvents } from "../../helpers/deliverOutbox";
import { startTestSubgraph, type TestSubgraph } from "../../helpers/subgraphHarness";
import type { Caller } from "../../../common/caller";

const JIANGCHENG: Caller = { subject: "rep-jiangcheng-wu", name: "吴倩 Wu Qian", role: "rep", organization: "jiangcheng" };
const RESOLVE = `mutation S($number: String!, $note: String!, $key: String!) { resolveCaseByCustomer(caseNumber: $number, note: $note, idempotencyKey: $key) { number status } }`;
const CASE = "CS-HT-0505";

/** A transport that keeps what it is given (the relay's side of the contract only). */
function capturingTransport(): EventTransport & { published: DomainEvent[] } {
  const published: DomainEvent[] = [];
  return { published, async publish(events: DomainEvent[]) { published.push(...events); } } as unknown as EventTransport & { published: DomainEvent[] };
}

describeEachDatabase("reaction customers.source-open-matters, fed by the relay's source state", (target) => {
  let aftersales: TestSubgraph<any>;
  let customers: TestSubgraph<CustomersDB>;
  let owner: string;
  beforeAll(async () => {
    [aftersales, customers] = await Promise.all([startTestSubgraph(aftersalesSubgraph, target, { events: false }), startTestSubgraph(customersSubgraph, target, { events: false })]);
    owner = (await aftersales.running.database.db.selectFrom("service_cases").select("owner_id").where("number", "=", CASE).executeTakeFirstOrThrow()).owner_id;
  });
  afterAll(async () => {
    await Promise.all([aftersales?.stop(), customers?.stop()]);
  });

  const people = () => ({ db: customers.running.database.db, reactions: (customersSubgraph.reactions ?? []).filter((r) => r.consumer === SOURCE_OPEN_MATTERS_CONSUMER) });
  const relay = async () => {
    const transport = capturingTransport();
    const reader = relaySourceState(aftersalesSubgraph, aftersales.running.database.db);
    while ((await relayOnce(aftersales.running.database.db, "aftersales", transport, 100, reader)) > 0);
    return transport.published;
  };
  const kept = async () => {
    const row = await customers.running.database.db.selectFrom("source_open_matters").selectAll().where("source", "=", "aftersales").where("owner_id", "=", owner).executeTakeFirst();
    return row ? { ...row, matters: JSON.parse(row.matters) as { kind: string; id: string; status: string }[] } : null;
  };

  let seeded: DomainEvent[];
  it("seeded history goes out with the owner's open matters, and is kept", async () => {
    seeded = await relay();
    const ofOwner = seeded.filter((e) => e.ownerId === owner);
    expect(ofOwner.length).toBeGreaterThan(0);
    for (const event of ofOwner) {
      expect(event.history).toBe(true);
      expect(event.sourceState?.openMatters).toContainEqual({ kind: "SERVICE_CASE", id: CASE, status: expect.any(String) });
    }
    // Every event has a state (this source has a contribution), for every owner in the batch.
    expect(seeded.every((e) => Array.isArray(e.sourceState?.openMatters))).toBe(true);
    expect(await deliverEvents(seeded, people())).toBe(seeded.length);
    expect((await kept())?.matters).toContainEqual(expect.objectContaining({ kind: "SERVICE_CASE", id: CASE }));
  });

  it("a resolution's events carry the emptier state, which replaces it", async () => {
    const answer = await aftersales.query(RESOLVE, { number: CASE, note: "customer re-paired the remote himself", key: "som-1" }, JIANGCHENG);
    expect(answer.body.errors).toBeUndefined();
    const after = await relay();
    expect(after.length).toBeGreaterThan(0);
    expect(await deliverEvents(after, people())).toBe(after.length);
    const state = await kept();
    expect(state?.matters.map((m) => m.id)).not.toContain(CASE);
    expect(state?.event_id).toBe(after.filter((e) => e.ownerId === owner).at(-1)!.id);
  });

  it("an older state delivered late changes nothing; events without state and our own are ignored", async () => {
    const before = await kept();
    const stale = seeded.filter((e) => e.ownerId === owner)[0];
    expect(await deliverEvents([{ ...stale, id: `${stale.id}-late` }], people())).toBe(1);
    expect(await kept()).toEqual(before);
    await deliverEvents([{ ...stale, id: `${stale.id}-nostate`, sourceState: null }], people());
    expect(await kept()).toEqual(before);
    await deliverEvents([{ ...stale, id: `${stale.id}-self`, source: "customers", sourceState: { asOf: new Date().toISOString(), openMatters: [] } }], people());
    const own = await customers.running.database.db.selectFrom("source_open_matters").select("source").where("source", "=", "customers").execute();
    expect(own).toEqual([]);
  });
});
