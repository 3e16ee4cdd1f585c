/*
 * One request per root field of the supergraph, on the seeded story data (docs/STORY_DATA.md):
 * the authorization-matrix and audit tests drive every one of them. A root field without a
 * fixture here fails those tests, so a new field cannot land untested.
 */
import { deadLetterFieldNames } from "../../subgraphs/kit";
import { supergraphRootFields } from "./rootFields";

export interface RootFieldFixture {
  document: string;
  variables?: Record<string, unknown>;
  /** The person whose data the answer holds (for a rep); null for reference data or an answer that holds none. */
  person: string | null;
  /** Organizations whose partners (and reps) the relation rule admits: the maker, the contractor, the brand. */
  owningOrgs: string[];
  /** A partner of this organization is outside the relation. */
  otherOrg: string;
  /** Text that must not appear in the data an outside partner gets (the record's own id). */
  marker: string;
}

let keys = 0;
/** A fresh idempotency key per request, so no answer is a replay of an earlier one. */
export const key = (label: string) => `fixture-${label}-${process.pid}-${Date.now()}-${++keys}`;

export const QUERY_FIXTURES: Record<string, () => RootFieldFixture> = {
  device: () => ({ document: `{ device(serial: "AL-EH60-88001") { serial model } }`, person: "C-S1", owningOrgs: ["aolan"], otherOrg: "huawei", marker: "AL-EH60-88001" }),
  knownIssues: () => ({ document: `{ knownIssues(model: "HT-B860") { model symptom } }`, person: null, owningOrgs: ["hengtong"], otherOrg: "aolan", marker: "HT-B860" }),
  makerCustomer: () => ({ document: `{ makerCustomer(id: "MR-AOLAN-5001") { id } }`, person: "C-S1", owningOrgs: ["aolan"], otherOrg: "huawei", marker: "MR-AOLAN-5001" }),
  serviceCase: () => ({ document: `{ serviceCase(number: "CS-AL-0001") { number status } }`, person: "C-S1", owningOrgs: ["aolan"], otherOrg: "huawei", marker: "CS-AL-0001" }),
  nearestServiceCenter: () => ({ document: `{ nearestServiceCenter(maker: "aolan", city: "武汉") { id name } }`, person: null, owningOrgs: ["aolan"], otherOrg: "huawei", marker: "\u0000" }),
  visit: () => ({ document: `{ visit(id: "VIS-0001") { id status } }`, person: "C-S1", owningOrgs: ["aolan"], otherOrg: "huawei", marker: "VIS-0001" }),
  auditTrail: () => ({ document: `{ auditTrail(customerId: "C-S1", first: 5) { entries { id } } }`, person: null, owningOrgs: [], otherOrg: "huawei", marker: "\u0000" }),
  serviceHistory: () => ({ document: `{ serviceHistory(first: 5) { events { id type personKey } endCursor } }`, person: null, owningOrgs: [], otherOrg: "huawei", marker: "\u0000" }),
  serviceMetrics: () => ({ document: `{ serviceMetrics(groupBy: ORGANIZATION) { group mattersOpened } }`, person: null, owningOrgs: [], otherOrg: "huawei", marker: "\u0000" }),
  billingAccount: () => ({ document: `{ billingAccount(number: "BA-1001") { number balanceYuan } }`, person: "C-S1", owningOrgs: ["unicom"], otherOrg: "aolan", marker: "BA-1001" }),
  billingDispute: () => ({ document: `query($id: String!) { billingDispute(id: $id) { id status } }`, variables: { id: DISPUTE_ID.value }, person: "C-S1", owningOrgs: ["unicom"], otherOrg: "aolan", marker: DISPUTE_ID.value }),
  billingLine: () => ({ document: `{ billingLine(number: "13807191234") { number } }`, person: "C-S1", owningOrgs: ["unicom"], otherOrg: "aolan", marker: "13807191234" }),
  invoice: () => ({ document: `{ invoice(number: "INV-1001-0024") { number totalYuan } }`, person: "C-S1", owningOrgs: ["unicom"], otherOrg: "aolan", marker: "INV-1001-0024" }),
  outage: () => ({ document: `{ outage(id: "OUT-4001") { id status } }`, person: null, owningOrgs: ["unicom"], otherOrg: "aolan", marker: "OUT-4001" }),
  findCustomers: () => ({ document: `{ findCustomers(identifier: "RT-0001") { result { candidates { customer { id name } } } } }`, person: "C-S1", owningOrgs: ["aolan"], otherOrg: "huawei", marker: "C-S1" }),
  customer: () => ({ document: `{ customer(id: "C-S1") { id name } }`, person: "C-S1", owningOrgs: ["aolan"], otherOrg: "huawei", marker: "\u0000" }),
  customersByPhone: () => ({ document: `{ customersByPhone(phone: "13807191234") { id name } }`, person: "C-S1", owningOrgs: ["aolan"], otherOrg: "huawei", marker: "\u0000" }),
  fieldJob: () => ({ document: `{ fieldJob(id: "FJ-KX-0001") { id technicianPhone } }`, person: "C-S1", owningOrgs: ["kuaixiu", "aolan"], otherOrg: "huawei", marker: "FJ-KX-0001" }),
  order: () => ({ document: `{ order(number: "YG-20261102-0001") { number status } }`, person: "C-S1", owningOrgs: ["aolan", "yougou"], otherOrg: "huawei", marker: "YG-20261102-0001" }),
  retailerCustomer: () => ({ document: `{ retailerCustomer(id: "RC-1001") { id orders(first: 5) { number } } }`, person: "C-S1", owningOrgs: ["aolan", "yougou"], otherOrg: "huawei", marker: "YG-20261102-0001" }),
  returnRequest: () => ({ document: `{ returnRequest(number: "RT-0001") { number status } }`, person: "C-S1", owningOrgs: ["aolan", "yougou"], otherOrg: "huawei", marker: "RT-0001" }),
  store: () => ({ document: `{ store(id: "ST-NJ-XJK") { id name } }`, person: null, owningOrgs: ["yougou"], otherOrg: "huawei", marker: "\u0000" }),
  valueAddedServiceOrder: () => ({ document: `{ valueAddedServiceOrder(number: "VAS-20261101-0606") { number } }`, person: "C-S6", owningOrgs: ["lenovo", "yougou"], otherOrg: "aolan", marker: "VAS-20261101-0606" }),
  valueAddedServiceCatalog: () => ({ document: `{ valueAddedServiceCatalog { code } }`, person: null, owningOrgs: ["yougou"], otherOrg: "huawei", marker: "\u0000" }),
  // Null unless the caller itself verified the login: then it is the caller's own verification record.
  verificationStatus: () => ({ document: `{ verificationStatus(loginId: "u-lina") { loginId verifiedUntil } }`, person: null, owningOrgs: ["platform"], otherOrg: "aolan", marker: "u-lina" }),
  securityLogin: () => ({ document: `{ securityLogin(id: "u-lina") { id status isLocked } }`, person: "C-S2", owningOrgs: ["platform"], otherOrg: "aolan", marker: "u-lina" }),
};

/** Filled by the test's setup: a dispute opened through the graph (the seed has none). */
export const DISPUTE_ID = { value: "BD-unknown" };

export const MUTATION_FIXTURES: Record<string, () => RootFieldFixture> = {
  resolveCaseByCustomer: () => ({
    document: `mutation($k: String!) { resolveCaseByCustomer(caseNumber: "CS-HT-0505", note: "fixed it herself", idempotencyKey: $k) { number status } }`,
    variables: { k: key("resolve") },
    person: "C-S5",
    owningOrgs: ["hengtong"],
    otherOrg: "huawei",
    marker: "CS-HT-0505",
  }),
  cancelVisit: () => ({
    document: `mutation($k: String!) { cancelVisit(visitId: "VIS-0001", reason: "resolved by the customer", idempotencyKey: $k) { id status } }`,
    variables: { k: key("cancel") },
    person: "C-S1",
    owningOrgs: ["aolan"],
    otherOrg: "huawei",
    marker: "VIS-0001",
  }),
  rescheduleVisit: () => ({
    document: `mutation($k: String!, $s: String!, $e: String!) { rescheduleVisit(visitId: "VIS-0001", windowStart: $s, windowEnd: $e, idempotencyKey: $k) { id status } }`,
    variables: { k: key("reschedule"), s: new Date(Date.now() + 3 * 86_400_000).toISOString(), e: new Date(Date.now() + 3 * 86_400_000 + 4 * 3_600_000).toISOString() },
    person: "C-S1",
    owningOrgs: ["aolan"],
    otherOrg: "huawei",
    marker: "VIS-0001",
  }),
  openBillingDispute: () => ({
    document: `mutation($k: String!) { openBillingDispute(accountNumber: "BA-1001", invoiceNumber: "INV-1001-0024", reason: "charged twice", idempotencyKey: $k) { id status } }`,
    variables: { k: key("dispute") },
    person: "C-S1",
    owningOrgs: ["unicom"],
    otherOrg: "aolan",
    marker: "BA-1001",
  }),
  logContact: () => ({
    document: `mutation($k: String!, $input: ContactLogInput!) { logContact(idempotencyKey: $k, input: $input) { id } }`,
    variables: { k: key("contact"), input: { customerId: "C-S1", party: "aolan", channel: "PHONE", direction: "OUTBOUND", outcome: "REACHED", note: "called 13807191234 back" } },
    person: "C-S1",
    owningOrgs: ["aolan"],
    otherOrg: "huawei",
    marker: "\u0000",
  }),
  updateFieldJobEta: () => ({
    document: `mutation($k: String!, $eta: String!) { updateFieldJobEta(jobId: "FJ-KX-0001", eta: $eta, idempotencyKey: $k) { id eta } }`,
    variables: { k: key("eta"), eta: new Date(Date.now() + 86_400_000).toISOString() },
    person: "C-S1",
    owningOrgs: ["kuaixiu", "aolan"],
    otherOrg: "huawei",
    marker: "FJ-KX-0001",
  }),
  cancelFieldJob: () => ({
    document: `mutation($k: String!) { cancelFieldJob(jobId: "FJ-KX-0505", reason: "customer fixed it", idempotencyKey: $k) { id status } }`,
    variables: { k: key("canceljob") },
    person: "C-S5",
    owningOrgs: ["kuaixiu", "hengtong"],
    otherOrg: "huawei",
    marker: "FJ-KX-0505",
  }),
  orderValueAddedService: () => ({
    document: `mutation($k: String!) { orderValueAddedService(caseNumber: "CS-LNV-0606", customerId: "RC-1006", serviceCode: "ONSITE_2H", idempotencyKey: $k) { number } }`,
    variables: { k: key("vas") },
    person: "C-S6",
    owningOrgs: ["yougou", "lenovo"],
    otherOrg: "aolan",
    marker: "CS-LNV-0606",
  }),
  startIdentityVerification: () => ({
    document: `mutation($k: String!) { startIdentityVerification(loginId: "u-zhoujie", idempotencyKey: $k) { id loginId } }`,
    variables: { k: key("verify") },
    person: "C-S6",
    owningOrgs: ["platform"],
    otherOrg: "aolan",
    marker: "u-zhoujie",
  }),
  confirmIdentityVerification: () => ({
    document: `mutation { confirmIdentityVerification(challengeId: "VC-unknown", code: "000000") { loginId } }`,
    person: null,
    owningOrgs: ["platform"],
    otherOrg: "aolan",
    marker: "\u0000",
  }),
  unlockLogin: () => ({
    document: `mutation($k: String!) { unlockLogin(loginId: "u-lina", idempotencyKey: $k) { id isLocked } }`,
    variables: { k: key("unlock") },
    person: "C-S2",
    owningOrgs: ["platform"],
    otherOrg: "aolan",
    marker: "u-lina",
  }),
  // Issue 14, hand-over workflows (docs/STATE_MACHINES.md): on Huawei's S7 cases. Each either
  // changes what no other fixture reads, or meets a state it cannot change (CONFLICT, still served).
  openServiceCaseFromReturn: () => ({
    document: `mutation($k: String!) { openServiceCaseFromReturn(returnNumber: "RT-70080", serial: "HW-MB13-7007002", summary: "screen flickers", idempotencyKey: $k) { number returnNumber } }`,
    variables: { k: key("open-from-return") },
    person: "C-S7",
    owningOrgs: ["huawei", "yougou"],
    otherOrg: "aolan",
    marker: "RT-70080",
  }),
  assignCase: () => ({
    document: `mutation($k: String!) { assignCase(caseNumber: "CS-HW-0708", assigneeName: "张敏 Zhang Min", idempotencyKey: $k) { number handler { name } } }`,
    variables: { k: key("assign") },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0708",
  }),
  escalateCase: () => ({
    document: `mutation($k: String!) { escalateCase(caseNumber: "CS-HW-0708", reason: "touch fault not in the L1 list", idempotencyKey: $k) { number tier } }`,
    variables: { k: key("escalate") },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0708",
  }),
  takeOverCase: () => ({
    document: `mutation($k: String!) { takeOverCase(caseNumber: "CS-HW-0708", idempotencyKey: $k) { number handler { name } } }`,
    variables: { k: key("take-over") },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0708",
  }),
  changeCasePriority: () => ({
    document: `mutation($k: String!) { changeCasePriority(caseNumber: "CS-HW-0708", priority: "NORMAL", reason: "unchanged", idempotencyKey: $k) { number priority } }`,
    variables: { k: key("priority") },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0708",
  }),
  transferCase: () => ({
    document: `mutation($k: String!) { transferCase(caseNumber: "CS-HW-0708", toOrganization: "huawei", reason: "already there", idempotencyKey: $k) { number owningOrganization } }`,
    variables: { k: key("transfer") },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0708",
  }),
  createEngineeringTask: () => ({
    document: `mutation($k: String!, $due: String!) { createEngineeringTask(caseNumber: "CS-HW-0708", title: "Check the touch controller", priority: "NORMAL", assigneeName: "刘伟 Liu Wei", dueAt: $due, idempotencyKey: $k) { id status } }`,
    variables: { k: key("task"), due: new Date(Date.now() + 2 * 86_400_000).toISOString() },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0708",
  }),
  completeEngineeringTask: () => ({
    document: `mutation($k: String!) { completeEngineeringTask(taskId: "ENG-0707", result: "again", idempotencyKey: $k) { id status } }`,
    variables: { k: key("task-done") },
    person: "C-S7",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "ENG-0707",
  }),
  makeCallbackPromise: () => ({
    document: `mutation($k: String!, $due: String!) { makeCallbackPromise(caseNumber: "CS-HW-0708", purpose: "Call when the replacement is delivered", dueAt: $due, idempotencyKey: $k) { id status } }`,
    variables: { k: key("promise"), due: new Date(Date.now() + 86_400_000).toISOString() },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0708",
  }),
  keepCallbackPromise: () => ({
    document: `mutation($k: String!) { keepCallbackPromise(callbackId: "CB-0707", outcome: "again", idempotencyKey: $k) { id status } }`,
    variables: { k: key("keep") },
    person: "C-S7",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CB-0707",
  }),
  breakCallbackPromise: () => ({
    document: `mutation($k: String!) { breakCallbackPromise(callbackId: "CB-0707", reason: "again", idempotencyKey: $k) { id status } }`,
    variables: { k: key("break") },
    person: "C-S7",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CB-0707",
  }),
  addCaseNote: () => ({
    document: `mutation($k: String!) { addCaseNote(caseNumber: "CS-HW-0708", text: "Customer prefers SMS", visibility: "SHARED", idempotencyKey: $k) { id visibility } }`,
    variables: { k: key("note") },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0708",
  }),
  // Issue 14 part B: complaints and surveys (customers), arrangements and replacements (aftersales), store refunds (orders).
  fileComplaint: () => ({
    document: `mutation($k: String!, $due: String!) { fileComplaint(customerId: "C-S3C", againstOrganization: "unicom", summary: "outage unexplained", ownerName: "Complaints desk", dueAt: $due, idempotencyKey: $k) { id status } }`,
    variables: { k: key("file-complaint"), due: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    person: "C-S3C",
    owningOrgs: ["unicom"],
    otherOrg: "aolan",
    marker: "\u0000",
  }),
  escalateComplaint: () => ({
    document: `mutation($k: String!) { escalateComplaint(complaintId: "CMP-4001", reason: "no reply", idempotencyKey: $k) { id status } }`,
    variables: { k: key("escalate-complaint") },
    person: "C-S4",
    owningOrgs: ["unicom"],
    otherOrg: "aolan",
    marker: "CMP-4001",
  }),
  answerComplaint: () => ({
    document: `mutation($k: String!) { answerComplaint(complaintId: "CMP-4001", answer: "the outage was a cable cut", idempotencyKey: $k) { id status } }`,
    variables: { k: key("answer-complaint") },
    person: "C-S4",
    owningOrgs: ["unicom"],
    otherOrg: "aolan",
    marker: "CMP-4001",
  }),
  closeComplaint: () => ({
    document: `mutation($k: String!) { closeComplaint(complaintId: "CMP-4001", idempotencyKey: $k) { id status } }`,
    variables: { k: key("close-complaint") },
    person: "C-S4",
    owningOrgs: ["unicom"],
    otherOrg: "aolan",
    marker: "CMP-4001",
  }),
  recordSurveySent: () => ({
    document: `mutation($k: String!) { recordSurveySent(customerId: "C-S3C", idempotencyKey: $k) { id status } }`,
    variables: { k: key("survey-sent") },
    person: "C-S3C",
    owningOrgs: ["unicom"],
    otherOrg: "aolan",
    marker: "\u0000",
  }),
  recordSurveyAnswer: () => ({
    document: `mutation($k: String!) { recordSurveyAnswer(surveyId: "SV-4001", score: 2, idempotencyKey: $k) { id status } }`,
    variables: { k: key("survey-answer") },
    person: "C-S4",
    owningOrgs: ["xinghai"],
    otherOrg: "aolan",
    marker: "SV-4001",
  }),
  arrangeServiceCenterVisit: () => ({
    document: `mutation($k: String!, $at: String!) { arrangeServiceCenterVisit(caseNumber: "CS-HW-0707", kind: "RETURN_CERTIFICATE", scheduledFor: $at, returnRequestNumber: "RT-0707", idempotencyKey: $k) { id status } }`,
    variables: { k: key("arrange"), at: new Date(Date.now() + 86_400_000).toISOString() },
    person: "C-S7",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0707",
  }),
  sendServiceCenterSms: () => ({
    document: `mutation($k: String!) { sendServiceCenterSms(arrangementId: "ARR-0707", phone: "15800007777", idempotencyKey: $k) { id smsTo } }`,
    variables: { k: key("sms") },
    person: "C-S7",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "ARR-0707",
  }),
  issueReturnCertificate: () => ({
    document: `mutation($k: String!) { issueReturnCertificate(arrangementId: "ARR-0707", finding: "ARM build cannot run the bank client", idempotencyKey: $k) { id certificateNumber } }`,
    variables: { k: key("certificate") },
    person: "C-S7",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "ARR-0707",
  }),
  shipAdvanceReplacement: () => ({
    document: `mutation($k: String!, $t: String!) { shipAdvanceReplacement(caseNumber: "CS-HW-0708", productName: "P60 Pro replacement", carrier: "SF Express", trackingNumber: $t, idempotencyKey: $k) { id trackingNumber } }`,
    variables: { k: key("ship"), t: `SF${Date.now()}${++keys}` },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "CS-HW-0708",
  }),
  markReplacementReturned: () => ({
    document: `mutation($k: String!) { markReplacementReturned(replacementId: "RPL-0708", idempotencyKey: $k) { id status } }`,
    variables: { k: key("returned") },
    person: "C-S7F",
    owningOrgs: ["huawei"],
    otherOrg: "aolan",
    marker: "RPL-0708",
  }),
  refundReturnAtStore: () => ({
    document: `mutation($k: String!) { refundReturnAtStore(returnNumber: "RT-0707", certificateNumber: "RC-HUAWEI-20261202-A1B2C3", caseNumber: "CS-HW-0707", idempotencyKey: $k) { number status } }`,
    variables: { k: key("refund") },
    person: "C-S7",
    owningOrgs: ["yougou"],
    otherOrg: "aolan",
    marker: "RT-0707",
  }),
};

/** A serial no seed has, fresh per request (registerDevice refuses a serial registered before). */
const freshSerial = () => `AL-EH60-FX${process.pid}${Date.now() % 1_000_000}${++keys}`;
const inTwoDays = (hours: number) => new Date(Date.now() + 2 * 86_400_000 + hours * 3_600_000).toISOString();

// Issue 13 item 5: creating new customers' records through the graph (tests/e2e/createCustomers.test.ts).
Object.assign(MUTATION_FIXTURES, {
  recordOrder: () => ({
    document: `mutation($k: String!) { recordOrder(input: { buyer: { name: "测试买家 Fixture Buyer", mobile: "139 0000 0001", city: "武汉", address: "武汉市洪山区测试路 1 号" }, lines: [{ sku: "AL-EH60" }], idempotencyKey: $k }) { customerId order { number status } } }`,
    variables: { k: key("record-order") },
    person: null,
    owningOrgs: ["yougou"],
    otherOrg: "aolan",
    marker: "\u0000",
  }),
  // The seeded S1 order's line already has RT-0001 open: an allowed caller is served with
  // CONFLICT (one open request per line), a refused one gets FORBIDDEN before that check.
  fileReturnRequest: () => ({
    document: `mutation($k: String!) { fileReturnRequest(input: { orderNumber: "YG-20261102-0001", lineNo: 1, type: REPAIR, reason: "fixture: leaks again", idempotencyKey: $k }) { number status } }`,
    variables: { k: key("file-return") },
    person: null,
    owningOrgs: ["yougou"],
    otherOrg: "aolan",
    marker: "YG-20261102-0001",
  }),
  registerDevice: () => {
    const serial = freshSerial();
    return {
      document: `mutation($k: String!, $s: String!) { registerDevice(input: { maker: "aolan", model: "AL-EH60", serial: $s, owner: { name: "测试车主 Fixture Owner", mobile: "139 0000 0002", city: "武汉" }, idempotencyKey: $k }) { makerCustomerId device { serial } } }`,
      variables: { k: key("register-device"), s: serial },
      person: null,
      owningOrgs: ["aolan"],
      otherOrg: "huawei",
      marker: serial,
    };
  },
  openServiceCase: () => ({
    document: `mutation($k: String!, $s: String!, $e: String!) { openServiceCase(input: { serial: "AL-EH60-88001", summary: "fixture: inlet drips again", visit: { windowStart: $s, windowEnd: $e, technicianId: "TEC-AL-0001" }, idempotencyKey: $k }) { serviceCase { number status } visit { id } } }`,
    variables: { k: key("open-case"), s: inTwoDays(0), e: inTwoDays(4) },
    person: "C-S1",
    owningOrgs: ["aolan"],
    otherOrg: "huawei",
    marker: "AL-EH60-88001",
  }),
} satisfies Record<string, () => RootFieldFixture>);

// Issue 13 item 4: the identity graph's supervisor fields (tests/identity/identityGraph.test.ts). Unknown persons: NOT_FOUND when served.
Object.assign(QUERY_FIXTURES, {
  identityCandidates: () => ({ document: `{ identityCandidates(first: 5) { entries { id rule } hasMore } }`, person: null, owningOrgs: [], otherOrg: "huawei", marker: "\u0000" }),
} satisfies Record<string, () => RootFieldFixture>);
Object.assign(MUTATION_FIXTURES, {
  linkIdentity: () => ({
    document: `mutation($k: String!) { linkIdentity(personId: "C-FIXTURE-NONE", system: "orders", identityId: "RC-FIXTURE-NONE", reason: "fixture", idempotencyKey: $k) { id } }`,
    variables: { k: key("link-identity") },
    person: null,
    owningOrgs: [],
    otherOrg: "huawei",
    marker: "\u0000",
  }),
  unlinkIdentity: () => ({
    document: `mutation($k: String!) { unlinkIdentity(personId: "C-FIXTURE-NONE", system: "orders", identityId: "RC-FIXTURE-NONE", reason: "fixture", idempotencyKey: $k) { id } }`,
    variables: { k: key("unlink-identity") },
    person: null,
    owningOrgs: [],
    otherOrg: "huawei",
    marker: "\u0000",
  }),
  mergePersons: () => ({
    document: `mutation($k: String!) { mergePersons(keepId: "C-FIXTURE-NONE", mergeId: "C-FIXTURE-NONE2", reason: "fixture", idempotencyKey: $k) { id } }`,
    variables: { k: key("merge-persons") },
    person: null,
    owningOrgs: [],
    otherOrg: "huawei",
    marker: "\u0000",
  }),
} satisfies Record<string, () => RootFieldFixture>);

/** A mobile no seed has, fresh per request (registerLogin holds one login per mobile). */
const freshMobile = () => `166${String((process.pid * 7919 + Date.now() + ++keys) % 100_000_000).padStart(8, "0")}`;

// Issue 13 item 4: the carriers' and the platform's own customer records (tests/identity/identitySources.test.ts).
Object.assign(MUTATION_FIXTURES, {
  // Only unicom's or jiangcheng's own staff open accounts: every matrix caller is outside (rep yougou, supervisor platform, partners, analyst).
  openBillingAccount: () => ({
    document: `mutation($k: String!, $m: String!) { openBillingAccount(input: { holder: { name: "测试用户 Fixture Subscriber", mobile: $m, city: "武汉" }, plan: "UNI-IND-39", idempotencyKey: $k }) { account { number } line { number } } }`,
    variables: { k: key("open-billing-account"), m: freshMobile() },
    person: null,
    owningOrgs: ["unicom"],
    otherOrg: "aolan",
    marker: "BA-N",
  }),
  // The platform's own staff: the matrix's platform supervisor is served (a fresh mobile, so a new login).
  registerLogin: () => ({
    document: `mutation($k: String!, $m: String!) { registerLogin(input: { displayName: "测试用户 Fixture Login", mobile: $m, idempotencyKey: $k }) { id status } }`,
    variables: { k: key("register-login"), m: freshMobile() },
    person: null,
    owningOrgs: ["platform"],
    otherOrg: "aolan",
    marker: "u-n",
  }),
} satisfies Record<string, () => RootFieldFixture>);

// Issue 13: each subgraph with reactions has the kit's supervisor-only dead-letter fields
// (kit/events/deadLetterFields.ts), found in the composed supergraph. No dead letter exists in
// the seeded graph: the list answers an empty page, a replay of an unknown id NOT_FOUND.
for (const field of supergraphRootFields()) {
  const names = deadLetterFieldNames(field.subgraph);
  if (field.rootType === "Query" && field.field === names.list) {
    QUERY_FIXTURES[field.field] = () => ({ document: `{ ${names.list}(first: 5) { entries { id eventType payload } hasMore endCursor } }`, person: null, owningOrgs: [], otherOrg: "huawei", marker: "\u0000" });
  } else if (field.rootType === "Mutation" && field.field === names.replay) {
    MUTATION_FIXTURES[field.field] = () => ({ document: `mutation { ${names.replay}(id: "DL-FIXTURE-NONE") { applied deadLetter { id } } }`, person: null, owningOrgs: [], otherOrg: "huawei", marker: "\u0000" });
  }
}
