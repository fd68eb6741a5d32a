// Which failures of an idempotent request (a part send, a read) are worth another try.

/** HTTP status of a NotionError (or anything carrying `status`). */
export function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || (err as { name?: string } | null)?.name === 'AbortError';
}

/** 409 (storage conflict), 429, 5xx, and transport failures (no status: reset, dropped socket). */
export function isTransient(err: unknown): boolean {
  const status = statusOf(err);
  if (status === undefined) return !(err instanceof RangeError) && (err as { name?: string } | null)?.name !== 'AbortError';
  return status === 409 || status === 429 || status >= 500;
}

/** A failure after which the server may or may not have applied a write. */
export function isAmbiguous(err: unknown): boolean {
  if ((err as { mayHaveApplied?: unknown } | null)?.mayHaveApplied === true) return true;
  const status = statusOf(err);
  return status === undefined || status >= 500;
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
