// When a failed request is repeated, and how long to wait first.
import { NotionError, NotionNetworkError } from './errors';

export interface RetryOptions {
  /** Attempts per operation, the first included (default 5). */
  maxAttempts?: number;
  /** Total time spent waiting between attempts, per operation (default 60 s). */
  maxTotalWaitMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 5, maxTotalWaitMs: 60_000 };

/**
 * How safe an operation is to repeat after an ambiguous failure (5xx, dropped connection):
 * - `read`: no effect on the server (GET, search).
 * - `idempotent`: repeating gives the same result (PATCH page/block with the same body,
 *   sending the same part again).
 * - `unsafe`: repeating could duplicate work (create upload, append children): only the
 *   answers that say the request was not processed (429, 529) are retried.
 */
export type RetryClass = 'read' | 'idempotent' | 'unsafe';

/** Connection errors raised before the request could reach the server: safe to repeat for any operation. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** False only for connection errors that prove the request never left this machine. */
export function reachedServer(causeCode: string | undefined): boolean {
  return !NOT_SENT_CODES.has(causeCode ?? '');
}

/** 429 and 529 mean "not processed, come back later" on every method. */
export function isThrottle(e: unknown): e is NotionError {
  return e instanceof NotionError && (e.status === 429 || e.status === 529);
}

/** A failure after which the server may or may not have applied the request. */
export function isAmbiguous(e: unknown): boolean {
  if (e instanceof NotionNetworkError) return e.kind === 'timeout' || reachedServer(e.causeCode);
  return e instanceof NotionError && e.status >= 500 && e.status !== 529;
}

export function shouldRetry(e: unknown, cls: RetryClass, opts: { retryConflict?: boolean } = {}): boolean {
  if (isThrottle(e)) return true;
  if (e instanceof NotionNetworkError && !isAmbiguous(e)) return true;
  if (opts.retryConflict && e instanceof NotionError && e.status === 409) return true;
  return cls !== 'unsafe' && isAmbiguous(e);
}

/** Delay before attempt `attempt + 1`: Retry-After when given, else exponential backoff with jitter. */
export function retryDelayMs(e: unknown, attempt: number, random: () => number = Math.random): number {
  if (e instanceof NotionError && e.retryAfterSeconds !== undefined) return e.retryAfterSeconds * 1000;
  const base = Math.min(500 * 2 ** (attempt - 1), 8000);
  return base / 2 + random() * (base / 2);
}
