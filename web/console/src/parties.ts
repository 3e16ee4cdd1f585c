/** Who is behind each source subgraph, for banners a rep reads ("the makers' after-sales did not answer"). */
const PARTIES: Record<string, string> = {
  customers: "the customers core (identity links, contact log)",
  orders: "the retailer (orders, returns)",
  aftersales: "the makers' after-sales (cases, visits, technicians)",
  billing: "billing (accounts, invoices, outages)",
  security: "security (logins, lockouts, notifications)",
  fieldservice: "the field-service contractor",
  audit: "the audit trail",
};

export function partyOf(source: string): string {
  return PARTIES[source] ?? source;
}
