// A retry that succeeds under a new history key (the service started the file over) leaves
// the old attempt's "failed" row behind, inviting a second Retry and a duplicate block.
// These helpers find the attempt a failure left and drop it once the retry has succeeded.
import type { UploadHistory } from './core/history/uploadHistory';
import type { UploadRecord } from './core/history/types';

const DEAD: ReadonlySet<UploadRecord['state']> = new Set(['failed', 'cancelled', 'expired']);

/** Keys of the records each source had before a run: what the run adds is new. */
export function snapshotSources(history: UploadHistory, sources: readonly string[]): Map<string, Set<string>> {
  return new Map(sources.map((s) => [s, new Set(history.findBySource(s).map((r) => r.key))]));
}

/** Records a run left for `source` that ended failed or cancelled (not there in `before`). */
export function failedAttempts(history: UploadHistory, source: string, before: ReadonlySet<string> | undefined): string[] {
  return history.findBySource(source).filter((r) => !before?.has(r.key) && DEAD.has(r.state)).map((r) => r.key);
}

/**
 * Removes the earlier attempts `oldKeys` now that `newKey` succeeded (never `newKey` itself,
 * never one still running, never one that holds attachments). Returns how many went.
 */
export function dropSuperseded(history: UploadHistory, oldKeys: readonly string[], newKey: string | undefined, isRunning: (key: string) => boolean): number {
  let n = 0;
  for (const k of oldKeys) {
    const r = history.get(k);
    if (!r || k === newKey || isRunning(k) || !DEAD.has(r.state) || r.attachments.length > 0) continue;
    if (history.remove(k)) n++;
  }
  return n;
}
