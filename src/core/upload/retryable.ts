// Small helpers for failures: status of an error, aborts, and an abortable wait.
import { isAmbiguous } from '../notion/retry';

/** HTTP status of a NotionError (or anything carrying `status`). */
export function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || (err as { name?: string } | null)?.name === 'AbortError';
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `work`'s result, or the signal's reason as soon as it fires (the work itself goes on). */
export function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A write that may or may not have happened: no answer, a 5xx, or a failure marked
 * mayHaveApplied. Whoever tries again must look at the target before writing.
 */
export function isUnknownOutcome(err: unknown): boolean {
  return (err as { mayHaveApplied?: unknown } | null)?.mayHaveApplied === true || isAmbiguous(err);
}
