// Request pacing: Notion allows an average of 3 requests per second per integration, with
// bursts. One limiter per token and API origin, shared by every client of that token, keeps a
// batch of uploads under the limit instead of running into 429s.
import { createHash } from 'node:crypto';
import { NotionAbortError } from './errors';

export interface LimiterOptions {
  /** Average requests per second (default 3). */
  perSecond?: number;
  /** Requests that may go at once after a quiet period (default 5). */
  burst?: number;
}

export const DEFAULT_LIMITER: Required<LimiterOptions> = { perSecond: 3, burst: 5 };

/**
 * A token bucket in its GCRA form: each request reserves the next slot in order, so waiters
 * are served first come, first served without a timer per tick.
 */
export class RateLimiter {
  readonly perSecond: number;
  readonly burst: number;
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  /** Theoretical arrival time of the next request when the bucket is exactly full. */
  private tat = 0;

  constructor(opts: LimiterOptions = {}, private readonly now: () => number = () => performance.now()) {
    this.perSecond = opts.perSecond ?? DEFAULT_LIMITER.perSecond;
    this.burst = opts.burst ?? DEFAULT_LIMITER.burst;
    if (!(this.perSecond > 0) || !Number.isFinite(this.perSecond)) {
      throw new Error(`limiter.perSecond must be a positive number, got ${opts.perSecond}`);
    }
    if (!Number.isInteger(this.burst) || this.burst < 1) {
      throw new Error(`limiter.burst must be a whole number ≥ 1, got ${opts.burst}`);
    }
    this.intervalMs = 1000 / this.perSecond;
    this.toleranceMs = (this.burst - 1) * this.intervalMs;
  }

  /** Reserves a slot; milliseconds until it may be used. */
  reserve(): number {
    const now = this.now();
    const allowedAt = Math.max(now, this.tat - this.toleranceMs);
    this.tat = Math.max(this.tat, now) + this.intervalMs;
    const wait = allowedAt - now;
    return wait < 1e-6 ? 0 : wait; // float noise from tat − tolerance is not a wait
  }

  /** Waits for a slot; rejects with NotionAbortError if `signal` fires first. */
  async acquire(signal: AbortSignal | undefined, method: string, path: string): Promise<void> {
    if (signal?.aborted) throw new NotionAbortError(method, path);
    const waitMs = this.reserve();
    if (waitMs <= 0) return;
    try {
      await sleep(waitMs, signal, method, path);
    } catch (e) {
      // A cancelled waiter sends nothing: its turn goes back, so the next upload after a
      // cancelled batch does not wait behind requests that never went.
      this.release();
      throw e;
    }
  }

  /** Gives back one reserved slot (its request was never sent). */
  private release(): void {
    this.tat = Math.max(this.now(), this.tat - this.intervalMs);
  }

  /** After a 429: nothing goes for `ms`, and requests resume one interval apart (no burst). */
  pause(ms: number): void {
    this.tat = Math.max(this.tat, this.now() + ms + this.toleranceMs);
  }
}

/** Resolves after `ms`, or rejects with NotionAbortError as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, method: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new NotionAbortError(method, path));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new NotionAbortError(method, path));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const shared = new Map<string, RateLimiter>();

/**
 * The limiter shared by all clients of `token` on `origin` with the same settings. The key
 * holds a hash of the token, never the token itself.
 */
export function sharedLimiter(token: string, origin: string, opts: LimiterOptions = {}): RateLimiter {
  const perSecond = opts.perSecond ?? DEFAULT_LIMITER.perSecond;
  const burst = opts.burst ?? DEFAULT_LIMITER.burst;
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const key = `${tokenHash}|${origin}|${perSecond}|${burst}`;
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = new RateLimiter({ perSecond, burst });
    shared.set(key, limiter);
  }
  return limiter;
}
