/*
 * Mobile numbers (and, for the audit trail, email addresses) inside free text, masked. One
 * rule for everything that shows or stores text to someone who may not see personal data:
 * the kit's masking for analysts and partners, and the gateway's record of mutation arguments.
 */

const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[\s-]?)?(1\d{2})[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;
const EMAIL_IN_TEXT = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** "call 13807191234" -> "call 138****1234". */
export function maskMobilesInText(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (_match, head: string, _middle: string, tail: string) => `${head}****${tail}`);
}

/** Mobiles as above, and "wanglei@example.cn" -> "w***@example.cn". */
export function maskPersonalText(text: string): string {
  return maskMobilesInText(text).replace(EMAIL_IN_TEXT, (_match, first: string, domain: string) => `${first}***${domain}`);
}
