import { decodeCursor, encodeCursor, type Cursor } from "../../kit";

/** The audit trail pages with the kit's cursor encoding. */
export type AuditCursor = Cursor;

export const encodeAuditCursor = encodeCursor;

export function decodeAuditCursor(raw: string): AuditCursor {
  return decodeCursor(raw, "is not an audit trail cursor; pass a page's endCursor");
}
