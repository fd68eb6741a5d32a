// How numbers and places read in the UI: sizes, percentages, expiry countdowns, page links.
// No vscode import: tested in the node tier.
import * as l10n from '@vscode/l10n';

const MINUTE = 60_000;

export function notionPageUrl(pageId: string): string {
  return `https://www.notion.so/${pageId.replace(/-/g, '')}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** Whole percent done, floored (99.9 % is not "100 %"), 0 when the total is unknown, never above 100. */
export function percent(done: number, total: number | undefined): number {
  if (!total || total <= 0) return 0;
  return Math.min(100, Math.floor((100 * done) / total));
}

/** "expires in 37 min" / "expires in 40 s"; the minute count rounds up so 59:30 reads 60 min. */
export function formatExpiry(expiryTime: string, now: number): string {
  const left = Date.parse(expiryTime) - now;
  if (left <= 0) return l10n.t('expired');
  if (left < MINUTE) return l10n.t('expires in {0} s', Math.ceil(left / 1000));
  return l10n.t('expires in {0} min', Math.ceil(left / MINUTE));
}

/** "1 page", "2 pages". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** formatExpiry in words for screen readers: "expires in 37 minutes" / "expires in 1 second". */
export function expiryInWords(expiryTime: string, now: number): string {
  const left = Date.parse(expiryTime) - now;
  if (left <= 0) return l10n.t('expired');
  // Whole sentences per number form, so each language words its own plural.
  if (left < MINUTE) {
    const s = Math.ceil(left / 1000);
    return s === 1 ? l10n.t('expires in 1 second') : l10n.t('expires in {0} seconds', s);
  }
  const m = Math.ceil(left / MINUTE);
  return m === 1 ? l10n.t('expires in 1 minute') : l10n.t('expires in {0} minutes', m);
}
