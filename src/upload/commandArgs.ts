// What a command was given: Explorer/editor menus pass (uri, uris[]), the editor tab menu
// passes (uri, {groupId}), the Uploads view passes a record key, and keybindings, tasks,
// other extensions and tests pass an options object. One parser reads them all.
import * as vscode from 'vscode';
import type { MediaBlockType } from '../core/notion/types';
import type { Placement } from '../core/upload/types';

/** Inputs any upload command accepts as an argument (all optional: missing ones are asked for). */
export interface CommandOptions {
  /** Files: URIs or absolute paths. */
  files?: (vscode.Uri | string)[];
  /** Target page: a Notion URL or id. */
  page?: string;
  /** Where the file goes; "none" uploads only (attach later from the Uploads view). */
  placement?: Placement | 'none';
  blockType?: MediaBlockType;
  caption?: string;
  /** Files property name (placement "property"). */
  property?: string;
  /** Import File from URL / Link External URL. */
  url?: string;
  /** Name for an imported or linked file. */
  filename?: string;
  /** An upload in the history (Uploads view item or its key). */
  upload?: string;
  /** Placement "comment": the comment's text (required by Notion with attachments). */
  comment?: string;
  /** Placement "replace": the block whose file is replaced (id or `#block-…` link). */
  block?: string;
  /** Placement "newPage": the page's title (default: the file name). */
  title?: string;
  /** Placement "newPage" with several files: a page per file ("each", the default for scripts) or one page holding all ("one"). */
  pages?: 'each' | 'one';
  /** Images over the workspace's limit are shrunk to fit without asking (scripted calls). */
  shrink?: boolean;
}

const OPTION_KEYS: readonly (keyof CommandOptions)[] = [
  'files', 'page', 'placement', 'blockType', 'caption', 'property', 'url', 'filename', 'upload', 'comment', 'block', 'title', 'pages', 'shrink',
];

function isOptions(v: unknown): v is CommandOptions {
  return typeof v === 'object' && v !== null && !(v instanceof vscode.Uri) && !Array.isArray(v) &&
    OPTION_KEYS.some((k) => k in v);
}

function toUri(v: vscode.Uri | string): vscode.Uri {
  if (v instanceof vscode.Uri) return v;
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(v) ? vscode.Uri.parse(v) : vscode.Uri.file(v);
}

export interface ParsedArgs {
  files: vscode.Uri[];
  options: CommandOptions;
  /** True when the caller supplied the target page: no questions, no confirmations. */
  scripted: boolean;
}

export function parseArgs(args: readonly unknown[]): ParsedArgs {
  let options: CommandOptions = {};
  let clicked: vscode.Uri | undefined;
  let selection: vscode.Uri[] | undefined;
  for (const a of args) {
    if (a instanceof vscode.Uri) clicked ??= a;
    else if (Array.isArray(a) && a.length > 0 && a.every((x) => x instanceof vscode.Uri)) selection ??= a as vscode.Uri[];
    else if (isOptions(a)) options = { ...options, ...a };
    else if (typeof a === 'string' && a) clicked ??= toUri(a);
  }
  // The Explorer passes the clicked file and the whole selection; the selection wins when it holds the click.
  let files = selection && (!clicked || selection.some((u) => u.toString() === clicked!.toString())) ? selection : clicked ? [clicked] : [];
  if (options.files?.length) files = options.files.map(toUri);
  return { files: dedupe(files), options, scripted: options.page !== undefined };
}

function dedupe(uris: vscode.Uri[]): vscode.Uri[] {
  const seen = new Set<string>();
  return uris.filter((u) => !seen.has(u.toString()) && !!seen.add(u.toString()));
}

/** The active editor's file, for palette invocations without arguments (an untitled one too: it is refused by name). */
export function activeEditorFile(): vscode.Uri | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const input = tab?.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === 'file' || uri?.scheme === 'untitled' ? uri : undefined;
}
