// How one file on a page looks in the Page Files view: name, where it sits, how it is
// hosted, when its link expires, and the contextValue that decides which actions show.
import * as vscode from 'vscode';
import { describeLocation, FILE_BLOCK_TYPES, type FileKind, type PageFile } from '../core/files/types';
import { formatExpiry } from '../ui/format';

const KIND_LABELS: Record<FileKind, string> = {
  hosted: 'Notion-hosted',
  upload: 'our upload',
  external: 'external link',
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
  if (f.expiryTime) parts.push(`link ${formatExpiry(f.expiryTime, now)}`);
  return parts.join(' · ');
}

export function toPageFileItem(f: PageFile, now: number): vscode.TreeItem {
  const item = new vscode.TreeItem(f.name, vscode.TreeItemCollapsibleState.None);
  item.id = f.key;
  item.description = pageFileDescription(f, now);
  item.iconPath = icon(f);
  item.contextValue = pageFileContext(f);
  const tip = new vscode.MarkdownString(undefined, true);
  tip.appendMarkdown(`**${escape(f.name)}**\n\n`);
  tip.appendMarkdown(`- Where: ${escape(describeLocation(f.location))}\n`);
  tip.appendMarkdown(`- Kind: ${kindLabel(f.kind)}${f.fileUploadId ? ` (upload \`${f.fileUploadId}\`)` : ''}\n`);
  if (f.location.type === 'block') tip.appendMarkdown(`- Block: \`${f.location.blockId}\` (nesting level ${f.location.depth})\n`);
  if (f.expiryTime) {
    tip.appendMarkdown(`- Link: ${formatExpiry(f.expiryTime, now)} (${new Date(f.expiryTime).toLocaleTimeString()}); `);
    tip.appendMarkdown('Open and Copy Link fetch a fresh one when needed\n');
  }
  item.tooltip = tip;
  return item;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
