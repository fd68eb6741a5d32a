// The one-line answer to Refresh Status: how many uploads were read and what changed
// ("Refreshed 4 uploads: 1 no longer attached, 1 expired").
import type { UploadRecord } from '../core/history/types';
import { plural } from '../ui/format';

/** `before` and `after` are the same uploads, in the same order, before and after the refresh. */
export function refreshSummary(before: readonly UploadRecord[], after: readonly UploadRecord[]): string {
  let gone = 0;
  let fewer = 0;
  const states = new Map<string, number>();
  after.forEach((r, i) => {
    const was = before.find((b) => b.key === r.key) ?? before[i];
    if (r.state === 'attached' && was && r.attachments.length < was.attachments.length) {
      if (r.attachments.length === 0) gone++;
      else fewer++;
    } else if (was && r.state !== was.state) {
      states.set(r.state, (states.get(r.state) ?? 0) + 1);
    }
  });
  const parts = [
    ...(gone ? [`${gone} no longer attached`] : []),
    ...(fewer ? [`${fewer} attached in fewer places`] : []),
    ...[...states].map(([state, n]) => `${n} ${state === 'attached' ? 'now attached' : state}`),
  ];
  const what = after.length === 1 ? `"${after[0].filename}"` : plural(after.length, 'upload');
  if (after.length === 1) return `Refreshed ${what}: ${describeOne(after[0])}.`;
  return `Refreshed ${what}: ${parts.length ? parts.join(', ') : 'no change'}.`;
}

function describeOne(r: UploadRecord): string {
  if (r.state !== 'attached') return r.state;
  const n = r.attachments.length;
  return n === 0 ? 'no longer attached' : `attached · ${plural(n, 'place')}`;
}
