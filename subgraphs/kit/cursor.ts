import { badInput } from "../../common/errorCodes";

/** Position of an entry in newest-first order: (at, id) descending. */
export interface Cursor {
  at: string;
  id: string;
}

/** The one cursor encoding (timeline pages, the audit trail): opaque base64url of [at, id]. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");
}

/** Decodes a cursor or answers BAD_USER_INPUT on `after`; `hint` says what to pass instead. */
export function decodeCursor(raw: string, hint = "is not a timeline cursor; pass an entry's cursor or pageInfo.endCursor"): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // fall through to the coded error
  }
  throw badInput(`"${raw.slice(0, 80)}" ${hint}`, { argument: "after" });
}
