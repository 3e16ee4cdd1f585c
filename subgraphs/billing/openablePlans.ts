/*
 * The plans a carrier's desk may open a new subscriber's account on, and what kind of line
 * each gives. Family bundles and corporate settlements are contracts of their own (several
 * lines, rules, an admin) and are not opened at the desk; their member and included plans
 * (UNI-FAM-MEMBER, UNI-BB-300M-FAM) only exist inside them.
 */
export type OpenableLineKind = "MOBILE" | "BROADBAND" | "CABLE_TV";

export const OPENABLE_PLANS: Record<string, { provider: string; kind: OpenableLineKind }> = {
  "UNI-IND-39": { provider: "unicom", kind: "MOBILE" },
  "UNI-IND-59": { provider: "unicom", kind: "MOBILE" },
  "UNI-BB-100M": { provider: "unicom", kind: "BROADBAND" },
  "JC-HD-BASIC": { provider: "jiangcheng", kind: "CABLE_TV" },
};

/** The operator id of a non-mobile line opened with account `accountNumber` (BA-N12345678 -> UNI-BB-N12345678). */
export function operatorLineId(provider: string, kind: OpenableLineKind, accountNumber: string): string {
  const suffix = accountNumber.replace(/^BA-/, "");
  if (kind === "CABLE_TV") return `JC-TV-${suffix}`;
  return `${provider === "unicom" ? "UNI" : provider.toUpperCase()}-BB-${suffix}`;
}
