import { BoundedCache } from "../../common/boundedCache";
import type { Caller } from "../../common/caller";

/** A verified token is trusted again without signature work for at most this long (and never past its exp). */
const MAX_REUSE_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Client tokens already verified, by their exact text. A rep's tool sends the same JWT on
 * every request; ES256 verification is a public-key operation that profiling showed on every
 * 360 answer. The same string verified a moment ago verifies the same way again: the
 * signature, issuer, audience and algorithm checks are all functions of the string and the
 * key. What can change is time (exp, nbf), so an entry is used only before the token's exp
 * and for at most MAX_REUSE_MS, which also bounds how long a rotated-out JWKS key keeps
 * working. Bounded: the oldest entries go first.
 */
export class VerifiedTokenCache {
  private readonly entries = new BoundedCache<Caller>(MAX_ENTRIES);

  /** A fresh copy of the caller (a request may not change what the next one sees), or undefined. */
  get(token: string, now = Date.now()): Caller | undefined {
    const caller = this.entries.get(token, now);
    return caller && { ...caller };
  }

  /** Remembers a verified token until min(exp, now + MAX_REUSE_MS). `expSeconds` is the JWT exp claim. */
  set(token: string, caller: Caller, expSeconds: number | undefined, now = Date.now()): void {
    const until = Math.min(expSeconds === undefined ? now : expSeconds * 1000, now + MAX_REUSE_MS);
    if (until <= now) return;
    this.entries.set(token, { ...caller }, until);
  }
}
