import { badInput } from "../../../common/errorCodes";

export interface AuditCursor {
  at: string;
  id: string;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");
}

export function decodeAuditCursor(raw: string): AuditCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // fall through to the coded error
  }
  throw badInput(`"${raw.slice(0, 80)}" is not an audit trail cursor; pass a page's endCursor`, { argument: "after" });
}
