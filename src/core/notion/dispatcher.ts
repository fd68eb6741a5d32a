// One keep-alive connection pool per API origin, shared by every client in the process.
import { Pool } from 'undici';

const pools = new Map<string, Pool>();

/** Connections per origin: a few parallel part uploads plus reads; pacing keeps requests few anyway. */
const CONNECTIONS_PER_ORIGIN = 6;

export function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool || pool.closed || pool.destroyed) {
    pool = new Pool(origin, {
      connections: CONNECTIONS_PER_ORIGIN,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      // Off: the client enforces its own per-request timeout (reset by upload progress for sends).
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    pools.set(origin, pool);
  }
  return pool;
}

/** Closes every pool (extension deactivation, end of a test run). */
export async function closeAllPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}
