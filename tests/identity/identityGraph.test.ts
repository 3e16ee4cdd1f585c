/**
 * Issue 13 item 4: the identity graph built from events, through the gateway. A person new to
 * every system (created with the retailer's and the maker's own mutations) becomes one person
 * with both identities within seconds; a shared home phone gives candidates, not a merge; a
 * different mobile is a different person; supervisors merge and unlink (audited), others are refused.
 */
import { startGraph, type CallerClaims, type Graph } from "../helpers/graphHarness";
import { describeEachDatabase } from "../helpers/databases";
import { AOLAN_PARTNER, createPersonThroughGraph } from "../helpers/newPerson";
import { PEOPLE } from "../helpers/people";
import { codesOf, key } from "../stories/storyKit";

const SUPERVISOR: CallerClaims = { role: "supervisor", org: "platform", sub: "sup-identity", name: "王敏 Wang Min (platform supervisor)" };
const REP: CallerClaims = { role: "rep", org: "yougou", sub: "rep-identity", name: "陈晓 Chen Xiao" };

const FIND = `query($id: String!) { findCustomers(identifier: $id) { result { candidates { customer { id name identities { system externalId } } } } } }`;
const PERSON = `query($id: ID!) { customer(id: $id) { id identities { system externalId } retailerAccounts { id orders(first: 5) { number } } timeline(first: 50) { result { entries { source kind subjectId summary actor { name role organization } } } } } }`;

let mobiles = 0;
/** A mobile no seed has (139 + pid + counter). */
function freshMobile(): string {
  return `139${String(process.pid % 10000).padStart(4, "0")}${String((Date.now() + ++mobiles) % 10000).padStart(4, "0")}`;
}

async function candidatesFor(graph: Graph, identifier: string): Promise<any[]> {
  const { body } = await graph.query(FIND, { id: identifier }, { caller: REP });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.findCustomers.result.candidates.map((candidate: any) => candidate.customer);
}

/** Polls findCustomers until `done` holds (the reaction runs asynchronously after the mutation commits). */
async function pollFind(graph: Graph, identifier: string, done: (persons: any[]) => boolean, timeoutMs: number): Promise<{ persons: any[]; ms: number }> {
  const started = Date.now();
  for (;;) {
    const persons = await candidatesFor(graph, identifier);
    if (done(persons)) return { persons, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`findCustomers(${identifier}) after ${timeoutMs} ms: ${JSON.stringify(persons)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const systems = (person: any) => person.identities.map((identity: any) => `${identity.system}:${identity.externalId}`).sort();

describeEachDatabase("the identity graph built from events", (target) => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph(target);
  }, 180_000);
  // stop() drops the graph's schemas, the shared event log's <prefix>events among them.
  afterAll(() => graph?.stop());

  let first: { mobile: string; personId: string; retailerId: string; makerId: string; orderNumber: string; caseNumber: string };

  it("links a brand-new person's retailer and maker identities to one person within 5 s", async () => {
    const mobile = freshMobile();
    const made = await createPersonThroughGraph(graph, { name: "新客户 New Buyer", mobile: `+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`, city: "武汉", address: "武汉市洪山区新路 1 号" });
    const wanted = [`aftersales:${made.makerRegistrationId}`, `orders:${made.retailerCustomerId}`].sort();
    const { persons, ms } = await pollFind(graph, mobile, (found) => found.length === 1 && wanted.every((id) => systems(found[0]).includes(id)), 5_000);
    expect(ms).toBeLessThan(5_000);
    expect(persons).toHaveLength(1);
    expect(systems(persons[0])).toEqual(wanted);
    first = { mobile, personId: persons[0].id, retailerId: made.retailerCustomerId, makerId: made.makerRegistrationId, orderNumber: made.orderNumber, caseNumber: made.caseNumber };

    // Their 360 shows both parties' records: the retailer's order and the maker's case.
    const { body } = await graph.query(PERSON, { id: first.personId }, { caller: REP });
    expect(body.errors).toBeUndefined();
    expect(body.data.customer.retailerAccounts.flatMap((account: any) => account.orders.map((order: any) => order.number))).toContain(made.orderNumber);
    const subjects = body.data.customer.timeline.result.entries.map((entry: any) => `${entry.source}:${entry.subjectId}`);
    expect(subjects).toEqual(expect.arrayContaining([`orders:${made.orderNumber}`, `aftersales:${made.caseNumber}`]));
    // customersByPhone agrees.
    const byPhone = await graph.query(`query($p: String!) { customersByPhone(phone: $p) { id } }`, { p: mobile }, { caller: REP });
    expect(byPhone.body.data.customersByPhone.map((person: any) => person.id)).toEqual([first.personId]);
  });

  it("keeps a second new person with a different mobile separate", async () => {
    const mobile = freshMobile();
    const made = await createPersonThroughGraph(graph, { name: "另一位 Other Buyer", mobile, city: "南京", address: "南京市玄武区新路 2 号" });
    const { persons } = await pollFind(graph, mobile, (found) => found.length === 1 && systems(found[0]).length === 2, 5_000);
    expect(persons[0].id).not.toBe(first.personId);
    expect(systems(persons[0])).toEqual([`aftersales:${made.makerRegistrationId}`, `orders:${made.retailerCustomerId}`].sort());
    expect((await candidatesFor(graph, first.mobile)).map((person) => person.id)).toEqual([first.personId]);
  });

  it("turns a shared home phone into candidates for review, not a merge", async () => {
    // 027-8765-4321 is the Zhang household's landline (C-S3 and C-S3P in the seed).
    const email = `household-${process.pid}-${Date.now()}@example.cn`;
    const made = await createPersonThroughGraph(graph, { name: "张小明 Zhang Xiaoming", mobile: "027-8765-4321", email, city: "武汉", address: "武汉市江汉区建设大道 568 号" });
    // The two new identities join each other by their email, never the household by the phone.
    const { persons } = await pollFind(graph, email, (found) => found.length === 1 && systems(found[0]).length === 2, 5_000);
    const newId = persons[0].id;
    expect(["C-S3", "C-S3P"]).not.toContain(newId);
    expect(systems(persons[0])).toEqual([`aftersales:${made.makerRegistrationId}`, `orders:${made.retailerCustomerId}`].sort());
    for (const seeded of ["C-S3", "C-S3P"]) {
      const { body } = await graph.query(PERSON, { id: seeded }, { caller: REP });
      expect(systems(body.data.customer)).not.toContain(`orders:${made.retailerCustomerId}`);
    }
    const { body } = await graph.query(`{ identityCandidates(first: 100) { entries { system identityId personId candidatePersonId rule eventId status } hasMore } }`, {}, { caller: SUPERVISOR });
    expect(body.errors).toBeUndefined();
    const mine = body.data.identityCandidates.entries.filter((entry: any) => entry.personId === newId);
    // Whichever identity arrived first made the new person and its candidates; the other joined it by email.
    expect(mine.map((entry: any) => `${entry.candidatePersonId}:${entry.rule}`).sort()).toEqual(["C-S3:SHARED_PHONE", "C-S3P:SHARED_PHONE"]);
    expect(new Set(mine.map((entry: any) => entry.identityId)).size).toBe(1);
    expect([made.retailerCustomerId, made.makerRegistrationId]).toContain(mine[0].identityId);
    expect(mine.every((entry: any) => entry.status === "OPEN" && entry.eventId.length > 0)).toBe(true);
    // Non-supervisors do not see the review list.
    const refused = await graph.query(`{ identityCandidates(first: 5) { hasMore } }`, {}, { caller: REP });
    expect(codesOf(refused.body)).toContain("FORBIDDEN");
  });

  it("lets a supervisor merge and undo it by unlinking; refuses others and conflicting merges", async () => {
    const mobile = freshMobile();
    // A person the graph cannot know is the first one: another mobile, and only a maker registration.
    const serial = `AL-EH60-ID${process.pid}${Date.now() % 1_000_000}`;
    const registered = await graph.query(
      `mutation($input: RegisterDeviceInput!) { registerDevice(input: $input) { makerCustomerId } }`,
      { input: { maker: "aolan", model: "AL-EH60", serial, owner: { name: "新客户 New Buyer", mobile, city: "武汉" }, idempotencyKey: key("id-register") } },
      { caller: AOLAN_PARTNER },
    );
    expect(registered.body.errors).toBeUndefined();
    const secondMaker = registered.body.data.registerDevice.makerCustomerId;
    const { persons } = await pollFind(graph, mobile, (found) => found.length === 1, 5_000);
    const otherId = persons[0].id;
    expect(otherId).not.toBe(first.personId);

    const merge = `mutation($keep: String!, $merge: String!, $k: String!) { mergePersons(keepId: $keep, mergeId: $merge, reason: "same buyer, confirmed on the phone", idempotencyKey: $k) { id } }`;
    for (const caller of [REP, PEOPLE.aolanRep ?? REP, { role: "analyst", org: "platform", sub: "analyst-1" } as CallerClaims]) {
      const denied = await graph.query(merge, { keep: first.personId, merge: otherId, k: key("merge-denied") }, { caller });
      expect(codesOf(denied.body)).toContain("FORBIDDEN");
    }
    // Both hold an aolan registration: two different maker identities of one system are not merged blindly.
    const clash = await graph.query(merge, { keep: first.personId, merge: otherId, k: key("merge-clash") }, { caller: SUPERVISOR });
    expect(codesOf(clash.body)).toEqual(["CONFLICT"]);
    expect(clash.body.errors[0].extensions.reason).toBe("CONFLICTING_IDENTITIES");

    // Move the first person's maker identity away (unlink: a person of its own), then the merge is allowed.
    const unlink = `mutation($p: String!, $s: String!, $i: String!, $k: String!) { unlinkIdentity(personId: $p, system: $s, identityId: $i, reason: "registration entered for the wrong person", idempotencyKey: $k) { id } }`;
    const split = await graph.query(unlink, { p: first.personId, s: "aftersales", i: first.makerId, k: key("split") }, { caller: SUPERVISOR });
    expect(split.body.errors).toBeUndefined();
    expect(split.body.data.unlinkIdentity.id).not.toBe(first.personId);

    const mergeKey = key("merge-ok");
    const merged = await graph.query(merge, { keep: first.personId, merge: otherId, k: mergeKey }, { caller: SUPERVISOR });
    expect(merged.body.errors).toBeUndefined();
    expect(merged.body.data.mergePersons.id).toBe(first.personId);
    // Idempotent: the same key replays the answer.
    const replay = await graph.query(merge, { keep: first.personId, merge: otherId, k: mergeKey }, { caller: SUPERVISOR });
    expect(replay.body).toEqual(merged.body);

    // Views: the second mobile now finds the kept person, with the moved identity; the merged one is gone from lookups.
    const after = await candidatesFor(graph, mobile);
    expect(after.map((person) => person.id)).toEqual([first.personId]);
    expect(systems(after[0])).toContain(`aftersales:${secondMaker}`);
    const { body: kept } = await graph.query(PERSON, { id: first.personId }, { caller: SUPERVISOR });
    const mergedEntry = kept.data.customer.timeline.result.entries.find((entry: any) => entry.kind === "PERSONS_MERGED");
    expect(mergedEntry).toMatchObject({ actor: { role: "supervisor", organization: "platform" } });
    expect(mergedEntry.summary).toContain(otherId);

    // Undo per identity: unlinking the moved identity returns it to the merged person, who is found again.
    const undone = await graph.query(unlink, { p: first.personId, s: "aftersales", i: secondMaker, k: key("undo") }, { caller: SUPERVISOR });
    expect(undone.body.errors).toBeUndefined();
    expect(undone.body.data.unlinkIdentity.id).toBe(otherId);
    const { body: restored } = await graph.query(PERSON, { id: otherId }, { caller: SUPERVISOR });
    expect(systems(restored.data.customer)).toEqual([`aftersales:${secondMaker}`]);
    const { body: keptAfter } = await graph.query(PERSON, { id: first.personId }, { caller: SUPERVISOR });
    expect(systems(keptAfter.data.customer)).toEqual([`orders:${first.retailerId}`]);
    expect((await candidatesFor(graph, mobile)).map((person) => person.id).sort()).toEqual([first.personId, otherId].sort());
  });
});
