// The one-line answer to Refresh Status: how many uploads were read and what changed
// ("Refreshed 4 uploads: 1 no longer attached, 1 expired").
// No vscode import (@vscode/l10n words it): tested in the node tier.
import type { UploadRecord } from '../core/history/types';
import * as l10n from '@vscode/l10n';

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
    ...(gone ? [l10n.t('{0} no longer attached', gone)] : []),
    ...(fewer ? [l10n.t('{0} attached in fewer places', fewer)] : []),
    ...[...states].map(([state, n]) => state === 'attached' ? l10n.t('{0} now attached', n) : l10n.t('{0} {1}', n, stateWord(state))),
  ];
  if (after.length === 1) return l10n.t('Refreshed "{0}": {1}.', after[0].filename, describeOne(after[0]));
  return l10n.t('Refreshed {0} uploads: {1}.', after.length, parts.length ? parts.join(', ') : l10n.t('no change'));
}

/** A row's state as a word ("expired", "failed"…), as the Uploads view shows it. */
function stateWord(state: string): string {
  switch (state) {
    case 'pending': return l10n.t('pending');
    case 'uploading': return l10n.t('uploading');
    case 'failed': return l10n.t('failed');
    case 'cancelled': return l10n.t('cancelled');
    case 'expired': return l10n.t('expired');
    default: return state;
  }
}

function describeOne(r: UploadRecord): string {
  if (r.state !== 'attached') return stateWord(r.state);
  const n = r.attachments.length;
  if (n === 0) return l10n.t('no longer attached');
  return n === 1 ? l10n.t('attached · 1 place') : l10n.t('attached · {0} places', n);
}
