// What the status bar entry says while uploads run, without VS Code: how many uploads this
// window is running and the byte-weighted share sent, and the text and spoken label for it.
import * as l10n from '@vscode/l10n';

export interface RunningSummary {
  count: number;
  /** Byte-weighted over the running uploads that know their size; undefined when none does (imports). */
  percent: number | undefined;
}

export function summarize(records: readonly { state: string; key: string; sentBytes: number; sizeBytes: number }[], isRunning: (key: string) => boolean): RunningSummary {
  let count = 0;
  let sent = 0;
  let total = 0;
  for (const r of records) {
    if (r.state !== 'uploading' || !isRunning(r.key)) continue;
    count++;
    if (r.sizeBytes > 0) {
      sent += Math.min(r.sentBytes, r.sizeBytes);
      total += r.sizeBytes;
    }
  }
  return { count, percent: total > 0 ? Math.floor((100 * sent) / total) : undefined };
}

export function statusText(s: RunningSummary): { text: string; label: string } {
  const pct = s.percent === undefined ? '' : ` · ${s.percent} %`;
  const spoken = s.percent === undefined ? '' : l10n.t(', {0} percent sent', s.percent);
  return {
    text: l10n.t('$(cloud-upload) {0} uploading{1}', s.count, pct),
    label: s.count === 1 ? l10n.t('1 upload to Notion running{0}. Show the Uploads view.', spoken) : l10n.t('{0} uploads to Notion running{1}. Show the Uploads view.', s.count, spoken),
  };
}
