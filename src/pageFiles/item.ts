// How one file on a page looks in the Page Files view: name, where it sits, how it is
// hosted, when its link expires, and the contextValue that decides which actions show.
import * as vscode from 'vscode';
import { describeLocation, FILE_BLOCK_TYPES, type FileKind, type PageFile } from '../core/files/types';
import { expiryInWords, formatExpiry } from '../ui/format';

const KIND_LABELS: Record<FileKind, string> = {
  hosted: 'Notion-hosted',
  upload: vscode.l10n.t('our upload'),
  external: vscode.l10n.t('external link'),
};

export function kindLabel(kind: FileKind): string {
  return KIND_LABELS[kind];
}

/** Embeds and bookmarks point at web pages: they can be opened and copied, not downloaded. */
export function isLinkOnly(f: PageFile): boolean {
  return f.location.type === 'block' && (f.location.blockType === 'embed' || f.location.blockType === 'bookmark');
}

function icon(f: PageFile): vscode.ThemeIcon {
  const loc = f.location;
  if (loc.type === 'cover') return new vscode.ThemeIcon('file-media');
  if (loc.type === 'icon') return new vscode.ThemeIcon('symbol-misc');
  if (loc.type === 'property') return new vscode.ThemeIcon('database');
  switch (loc.blockType) {
    case 'image':
      return new vscode.ThemeIcon('file-media');
    case 'video':
      return new vscode.ThemeIcon('device-camera-video');
    case 'audio':
      return new vscode.ThemeIcon('unmute');
    case 'pdf':
      return new vscode.ThemeIcon('file-pdf');
    case 'file':
      return new vscode.ThemeIcon('file');
    default:
      return new vscode.ThemeIcon('link-external');
  }
}

/** `pageFile.<kind>.<file|link>`, plus `.block` on an image/video/audio/pdf/file block (Replace File…): menus match on it. */
export function pageFileContext(f: PageFile): string {
  const mediaBlock = f.location.type === 'block' && (FILE_BLOCK_TYPES as readonly string[]).includes(f.location.blockType);
  return `pageFile.${f.kind}.${isLinkOnly(f) ? 'link' : 'file'}${mediaBlock ? '.block' : ''}`;
}

export function pageFileDescription(f: PageFile, now: number): string {
  const parts = [describeLocation(f.location), kindLabel(f.kind)];
  if (f.expiryTime) parts.push(vscode.l10n.t('link {0}', formatExpiry(f.expiryTime, now)));
  return parts.join(' · ');
}

const KIND_WORDS: Record<FileKind, string> = {
  hosted: vscode.l10n.t('hosted by Notion'),
  upload: vscode.l10n.t('one of your uploads'),
  external: vscode.l10n.t('external link'),
};

const LOCATION_WORDS: Partial<Record<PageFile['location']['type'], string>> = { cover: vscode.l10n.t('page cover'), icon: vscode.l10n.t('page icon') };

/** What a screen reader says for a row: name, where it sits, how it is hosted, link expiry in words. */
export function pageFileAccessibleLabel(f: PageFile, now: number): string {
  const where = LOCATION_WORDS[f.location.type] ?? (f.location.type === 'property' ? vscode.l10n.t('files {0}', describeLocation(f.location)) : describeLocation(f.location));
  const parts = [f.name, where, KIND_WORDS[f.kind]];
  if (f.expiryTime) parts.push(vscode.l10n.t('link {0}', expiryInWords(f.expiryTime, now)));
  return parts.join(', ');
}

export function toPageFileItem(f: PageFile, now: number): vscode.TreeItem {
  const item = new vscode.TreeItem(f.name, vscode.TreeItemCollapsibleState.None);
  item.id = f.key;
  item.description = pageFileDescription(f, now);
  item.iconPath = icon(f);
  item.contextValue = pageFileContext(f);
  item.accessibilityInformation = { label: pageFileAccessibleLabel(f, now) };
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown(`**${escape(f.name)}**\n\n`);
  tip.appendMarkdown(vscode.l10n.t('- Where: {0}\n', escape(describeLocation(f.location))));
  tip.appendMarkdown(f.fileUploadId ? vscode.l10n.t('- Kind: {0} (upload `{1}`)\n', kindLabel(f.kind), f.fileUploadId) : vscode.l10n.t('- Kind: {0}\n', kindLabel(f.kind)));
  if (f.location.type === 'block') tip.appendMarkdown(vscode.l10n.t('- Block: `{0}` (nesting level {1})\n', f.location.blockId, f.location.depth));
  if (f.expiryTime) {
    tip.appendMarkdown(vscode.l10n.t('- Link: {0} ({1}); ', formatExpiry(f.expiryTime, now), new Date(f.expiryTime).toLocaleTimeString()));
    tip.appendMarkdown(vscode.l10n.t('Open and Copy Link fetch a fresh one when needed\n'));
  }
  item.tooltip = tip;
  return item;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
