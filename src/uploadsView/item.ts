// How one upload record looks in the Uploads view: label, state description, status icon,
// tooltip and the contextValue that decides which item actions show.
import * as vscode from 'vscode';
import type { AttachmentRecord, UploadRecord } from '../core/history/types';
import { expiryInWords, formatBytes, formatExpiry, percent } from '../ui/format';

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
      if (!running) return vscode.l10n.t('interrupted · {0} %', pct);
      return r.mode === 'external_url' ? vscode.l10n.t('importing…') : vscode.l10n.t('uploading {0} %', pct);
    }
    case 'pending':
      return r.expiryTime ? vscode.l10n.t('pending · {0}', formatExpiry(r.expiryTime, now)) : vscode.l10n.t('pending');
    case 'attached': {
      const n = r.attachments.length;
      if (n === 0 && r.removed?.length) return vscode.l10n.t('no longer attached');
      return n > 0 ? vscode.l10n.t('attached · {0} {1}', n, n === 1 ? vscode.l10n.t('place') : vscode.l10n.t('places')) : vscode.l10n.t('attached');
    }
    case 'expired':
      return vscode.l10n.t('expired');
    case 'failed':
      return r.error ? vscode.l10n.t('failed · {0}', firstSentence(r.error)) : vscode.l10n.t('failed');
    case 'cancelled':
      return vscode.l10n.t('cancelled');
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
      if (!running) return vscode.l10n.t('interrupted at {0} percent{1}', pct, r.noRetry ? '' : vscode.l10n.t(', can be retried'));
      return r.mode === 'external_url' ? vscode.l10n.t('Notion is importing it') : vscode.l10n.t('uploading, {0} percent sent', pct);
    }
    case 'pending':
      return r.expiryTime ? vscode.l10n.t('uploaded, not attached yet, {0}', expiryInWords(r.expiryTime, now)) : vscode.l10n.t('uploaded, not attached yet');
    case 'attached': {
      const pages = attachedPages(r).length;
      const places = r.attachments.length;
      if (places === 0) return r.removed?.length ? vscode.l10n.t('no longer attached anywhere Notion shows') : vscode.l10n.t('attached');
      if (places > pages) return pages === 1 ? vscode.l10n.t('attached in {0} places on 1 page', places) : vscode.l10n.t('attached in {0} places on {1} pages', places, pages);
      return pages === 1 ? vscode.l10n.t('attached to 1 page') : vscode.l10n.t('attached to {0} pages', pages);
    }
    case 'expired':
      return vscode.l10n.t('expired, Notion no longer accepts it');
    case 'failed':
      return r.error ? vscode.l10n.t('failed: {0}', firstSentence(r.error)) : vscode.l10n.t('failed');
    case 'cancelled':
      return vscode.l10n.t('cancelled');
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

const OPEN_PAGE_COMMAND = 'notionAssets.item.openPage';

/** A command link: Open Page for this upload, on this one of its pages. */
export function openPageLink(key: string, pageId: string): string {
  return `command:${OPEN_PAGE_COMMAND}?${encodeURIComponent(JSON.stringify([{ upload: key, page: pageId }]))}`;
}

function tooltip(r: UploadRecord, now: number, titles: PageTitles, running: boolean): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  // Page links run Open Page (the page's own url: Notion's, or the emulator's page view), the
  // only command the tooltip may run.
  md.isTrusted = { enabledCommands: [OPEN_PAGE_COMMAND] };
  md.appendMarkdown(`**${escape(r.filename)}** — ${escape(describeState(r, now, running))}\n\n`);
  const rows: [string, string][] = [
    [vscode.l10n.t('ID'), r.fileUploadId ? `\`${r.fileUploadId}\`` : vscode.l10n.t('(not created yet)')],
    [vscode.l10n.t('Size'), formatBytes(r.sizeBytes) + vscode.l10n.t(' ({0} bytes)', r.sizeBytes.toLocaleString('en-US'))],
    [vscode.l10n.t('Type'), `\`${r.contentType}\``],
    [vscode.l10n.t('Created'), new Date(r.createdTime).toLocaleString()],
    [vscode.l10n.t('Source'), escape(r.source)],
  ];
  const expiry = expiryRow(r, now);
  if (expiry) rows.splice(5, 0, [vscode.l10n.t('Expiry'), expiry]);
  if (r.error) rows.push([vscode.l10n.t('Error'), escape(r.error)]);
  if (r.noRetry && r.state !== 'attached' && r.state !== 'pending') rows.push([vscode.l10n.t('Retry'), vscode.l10n.t('not possible: {0}', escape(r.noRetry))]);
  md.appendMarkdown(rows.map(([k, v]) => `${k}: ${v}`).join('  \n'));
  if (r.attachments.length > 0) {
    md.appendMarkdown(vscode.l10n.t('\n\n**Attached to**  \n'));
    md.appendMarkdown(
      r.attachments
        .map((a) => `[${escape(titles(a.pageId) ?? a.pageId)}](${openPageLink(r.key, a.pageId)}) ${attachmentPhrase(a)}`)
        .join('  \n'),
    );
  }
  if (r.removed?.length) {
    md.appendMarkdown(`\n\n**${vscode.l10n.t('No longer on')}**  \n`);
    md.appendMarkdown(r.removed.map((a) => `${escape(titles(a.pageId) ?? a.pageId)} ${attachmentPhrase(a)}`).join('  \n'));
  }
  return md;
}

/**
 * Only an upload Notion may still attach has a deadline worth showing: a failed, cancelled or
 * expired row has none left (Retry uploads anew), an attached file is permanent.
 */
function expiryRow(r: UploadRecord, now: number): string | undefined {
  if (r.state === 'attached') return vscode.l10n.t('none — permanent once attached');
  if (r.state !== 'pending' && r.state !== 'uploading') return undefined;
  return r.expiryTime ? `${new Date(r.expiryTime).toLocaleString()} (${formatExpiry(r.expiryTime, now)})` : undefined;
}

/** How a file sits on a page: `as cover`, `replacing “old.jpg” (external) in an image block`, `in a comment`. */
export function attachmentPhrase(a: AttachmentRecord): string {
  switch (a.placement) {
    case 'replace':
      return a.replaced
        ? vscode.l10n.t('replacing “{0}” ({1}) in {2} block', escape(a.replaced.name), escape(a.replaced.kind), blockArticle(a.detail))
        : vscode.l10n.t('replacing the file in {0} block', blockArticle(a.detail));
    case 'comment':
      return vscode.l10n.t('in a comment');
    case 'newPage':
      return vscode.l10n.t('as a new page ({0})', a.detail ? escape(a.detail) : vscode.l10n.t('file'));
    default:
      return a.detail ? vscode.l10n.t('as {0} ({1})', a.placement, escape(a.detail)) : vscode.l10n.t('as {0}', a.placement);
  }
}

/** "an image" / "a pdf" / "a": the block type with its English article (German drops it). */
function blockArticle(detail: string | undefined): string {
  if (!detail) return vscode.l10n.t('a');
  return /^[aeiou]/.test(detail) ? vscode.l10n.t('an {0}', escape(detail)) : vscode.l10n.t('a {0}', escape(detail));
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
