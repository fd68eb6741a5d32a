// How one upload record looks in the Uploads view: label, state description, status icon,
// tooltip and the contextValue that decides which item actions show.
import * as vscode from 'vscode';
import type { AttachmentRecord, UploadRecord } from '../core/history/types';
import { expiryInWords, formatBytes, formatExpiry, notionPageUrl, percent, plural } from '../ui/format';

/** Pages this upload went to, once each, in order. */
export function attachedPages(r: UploadRecord): string[] {
  return [...new Set(r.attachments.map((a) => a.pageId))];
}

/** A Notion upload id that can still be attached (no re-upload needed). */
export function isReusable(r: UploadRecord): boolean {
  return !!r.fileUploadId && (r.state === 'pending' || r.state === 'attached');
}

/**
 * `running` is false for an "uploading" record no upload in this window is working on (VS Code
 * was closed mid-upload): it reads "interrupted" and offers Retry, which resumes it.
 */
export function describeState(r: UploadRecord, now: number, running = true): string {
  switch (r.state) {
    case 'uploading': {
      const pct = percent(r.sentBytes, r.sizeBytes);
      if (!running) return `interrupted · ${pct} %`;
      return r.mode === 'external_url' ? 'importing…' : `uploading ${pct} %`;
    }
    case 'pending':
      return r.expiryTime ? `pending · ${formatExpiry(r.expiryTime, now)}` : 'pending';
    case 'attached': {
      const n = r.attachments.length;
      if (n === 0 && r.removed?.length) return 'no longer attached';
      return n > 0 ? `attached · ${n} ${n === 1 ? 'place' : 'places'}` : 'attached';
    }
    case 'expired':
      return 'expired';
    case 'failed':
      return r.error ? `failed · ${firstSentence(r.error)}` : 'failed';
    case 'cancelled':
      return 'cancelled';
  }
}

/**
 * What a screen reader says for a row: the name and the state in words, without the
 * description's symbols and abbreviations ("·", "%", "min").
 */
export function accessibleLabel(r: UploadRecord, now: number, running = true): string {
  return `${r.filename}, ${stateInWords(r, now, running)}`;
}

function stateInWords(r: UploadRecord, now: number, running: boolean): string {
  switch (r.state) {
    case 'uploading': {
      const pct = percent(r.sentBytes, r.sizeBytes);
      if (!running) return `interrupted at ${pct} percent${r.noRetry ? '' : ', can be retried'}`;
      return r.mode === 'external_url' ? 'Notion is importing it' : `uploading, ${pct} percent sent`;
    }
    case 'pending':
      return `uploaded, not attached yet${r.expiryTime ? `, ${expiryInWords(r.expiryTime, now)}` : ''}`;
    case 'attached': {
      const pages = attachedPages(r).length;
      const places = r.attachments.length;
      if (places === 0) return r.removed?.length ? 'no longer attached anywhere Notion shows' : 'attached';
      return places > pages ? `attached in ${places} places on ${plural(pages, 'page')}` : `attached to ${plural(pages, 'page')}`;
    }
    case 'expired':
      return 'expired, Notion no longer accepts it';
    case 'failed':
      return r.error ? `failed: ${firstSentence(r.error)}` : 'failed';
    case 'cancelled':
      return 'cancelled';
  }
}

function firstSentence(s: string): string {
  const m = /^(.{1,80}?[.:])(\s|$)/.exec(s);
  return m ? m[1].replace(/[.:]$/, '') : s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

const ICONS: Record<UploadRecord['state'], [string, string | undefined]> = {
  uploading: ['sync~spin', undefined],
  pending: ['clock', 'charts.yellow'],
  attached: ['pass-filled', 'testing.iconPassed'],
  expired: ['history', 'disabledForeground'],
  failed: ['error', 'testing.iconFailed'],
  cancelled: ['circle-slash', 'disabledForeground'],
};

export function stateIcon(state: UploadRecord['state'], running = true): vscode.ThemeIcon {
  const [id, color] = state === 'uploading' && !running ? ['debug-pause', 'charts.yellow'] : ICONS[state];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** `upload.<state>` plus flags the package.json `when` clauses match on. */
export function contextValue(r: UploadRecord, running = true): string {
  let v = `upload.${r.state === 'uploading' && !running ? 'interrupted' : r.state}`;
  if (isReusable(r)) v += '.reusable';
  if (r.fileUploadId) v += '.hasId';
  if (r.attachments.length > 0) v += '.hasPage';
  // Retry would only say why it cannot (a copy's temporary file, a link's cut query): not offered.
  if (r.noRetry) v += '.noRetry';
  return v;
}

/** Page titles the user has seen (recent targets); ids otherwise. */
export type PageTitles = (pageId: string) => string | undefined;

function tooltip(r: UploadRecord, now: number, titles: PageTitles, running: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(r.filename)}** — ${escape(describeState(r, now, running))}\n\n`);
  const rows: [string, string][] = [
    ['ID', r.fileUploadId ? `\`${r.fileUploadId}\`` : '(not created yet)'],
    ['Size', `${formatBytes(r.sizeBytes)} (${r.sizeBytes.toLocaleString('en-US')} bytes)`],
    ['Type', `\`${r.contentType}\``],
    ['Created', new Date(r.createdTime).toLocaleString()],
    ['Source', escape(r.source)],
  ];
  const expiry = expiryRow(r, now);
  if (expiry) rows.splice(5, 0, ['Expiry', expiry]);
  if (r.error) rows.push(['Error', escape(r.error)]);
  if (r.noRetry && r.state !== 'attached' && r.state !== 'pending') rows.push(['Retry', `not possible: ${escape(r.noRetry)}`]);
  md.appendMarkdown(rows.map(([k, v]) => `${k}: ${v}`).join('  \n'));
  if (r.attachments.length > 0) {
    md.appendMarkdown('\n\n**Attached to**  \n');
    md.appendMarkdown(
      r.attachments
        .map((a) => `[${escape(titles(a.pageId) ?? a.pageId)}](${notionPageUrl(a.pageId)}) ${attachmentPhrase(a)}`)
        .join('  \n'),
    );
  }
  if (r.removed?.length) {
    md.appendMarkdown('\n\n**No longer on**  \n');
    md.appendMarkdown(r.removed.map((a) => `${escape(titles(a.pageId) ?? a.pageId)} ${attachmentPhrase(a)}`).join('  \n'));
  }
  return md;
}

/**
 * Only an upload Notion may still attach has a deadline worth showing: a failed, cancelled or
 * expired row has none left (Retry uploads anew), an attached file is permanent.
 */
function expiryRow(r: UploadRecord, now: number): string | undefined {
  if (r.state === 'attached') return 'none — permanent once attached';
  if (r.state !== 'pending' && r.state !== 'uploading') return undefined;
  return r.expiryTime ? `${new Date(r.expiryTime).toLocaleString()} (${formatExpiry(r.expiryTime, now)})` : undefined;
}

/** How a file sits on a page: `as cover`, `replacing “old.jpg” (external) in an image block`, `in a comment`. */
export function attachmentPhrase(a: AttachmentRecord): string {
  switch (a.placement) {
    case 'replace':
      return `replacing ${a.replaced ? `“${escape(a.replaced.name)}” (${escape(a.replaced.kind)}) ` : 'the file '}in ${a.detail ? `${/^[aeiou]/.test(a.detail) ? 'an' : 'a'} ${escape(a.detail)}` : 'a'} block`;
    case 'comment':
      return 'in a comment';
    case 'newPage':
      return `as a new page (${a.detail ? escape(a.detail) : 'file'})`;
    default:
      return `as ${a.placement}${a.detail ? ` (${escape(a.detail)})` : ''}`;
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function toTreeItem(r: UploadRecord, now: number, titles: PageTitles = () => undefined, running = true): vscode.TreeItem {
  const item = new vscode.TreeItem(r.filename, vscode.TreeItemCollapsibleState.None);
  item.id = r.key;
  item.description = describeState(r, now, running);
  item.iconPath = stateIcon(r.state, running);
  item.tooltip = tooltip(r, now, titles, running);
  item.contextValue = contextValue(r, running);
  item.accessibilityInformation = { label: accessibleLabel(r, now, running) };
  return item;
}
