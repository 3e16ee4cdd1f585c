import type { Caller } from "../common/caller";
import { BoundedCache } from "../common/boundedCache";
import { signInternalToken, type InternalSigner } from "../common/internalToken";

/** Reuse a signed caller token while it has more than this left (tokens live 60 s). */
const REUSE_WHILE_SECONDS_LEFT = 30;
const MAX_ENTRIES = 10_000;

/**
 * The gateway signs the caller into a token for every subgraph fetch; a 360 query makes
 * about ten fetches for one caller, so signing once per caller and subgraph per half-minute
 * instead of once per fetch takes signing work off the hot path. A token's audience is one
 * subgraph (a token leaked by one subgraph opens no other), so entries are per caller AND
 * audience. Bounded: the oldest entries go first.
 */
export class CallerTokenCache {
  private readonly entries = new BoundedCache<Promise<string>>(MAX_ENTRIES);

  constructor(private readonly signer: InternalSigner) {}

  /** `audience`: the subgraph's name in the supergraph. */
  token(caller: Caller, audience: string): Promise<string> {
    const key = `${audience}\u0000${caller.subject}\u0000${caller.role}\u0000${caller.organization}\u0000${caller.name}`;
    const now = Date.now();
    const cached = this.entries.get(key, now);
    if (cached) return cached;
    const token = signInternalToken(caller, this.signer, audience);
    this.entries.set(key, token, now + (60 - REUSE_WHILE_SECONDS_LEFT) * 1000);
    token.catch(() => this.entries.delete(key));
    return token;
  }
}

const caches = new WeakMap<InternalSigner, CallerTokenCache>();

/** One cache per signing key, shared by every subgraph's data source and the audit writer. */
export function tokenCacheFor(signer: InternalSigner): CallerTokenCache {
  let cache = caches.get(signer);
  if (!cache) caches.set(signer, (cache = new CallerTokenCache(signer)));
  return cache;
}
