// The Page Files view: renders a PageFilesModel (core) and nothing else. The model fires
// as the walk finds files; repaints are batched so a large page does not repaint per file.
// The view's message says what the walk is doing; link expiries tick while it is visible.
import * as vscode from 'vscode';
import type { PageFilesChange, PageFilesModel } from '../core/files/model';
import type { PageFile } from '../core/files/types';
import { Disposable } from '../common/disposable';
import { droppedUris, FILE_DROP_MIME_TYPES, ONLY_LOCAL_FILES } from '../common/droppedFiles';
import { toPageFileItem } from './item';

export const PAGE_FILES_VIEW_ID = 'notionAssets.pageFiles';
const REPAINT_MS = 150;
const TICK_MS = 30_000;

/** The view's one-line status for a model. */
export function describeModel(m: PageFilesModel): string {
  const page = m.title ? `“${m.title}”` : 'the page';
  const n = m.files.length;
  const files = `${n} file${n === 1 ? '' : 's'}`;
  const deep = m.progress.skippedDeep
    ? ` ${m.progress.skippedDeep} nested block${m.progress.skippedDeep === 1 ? ' was' : 's were'} deeper than notionAssets.files.maxDepth and not searched.`
    : '';
  switch (m.state) {
    case 'idle':
      return '';
    case 'walking':
      return `Reading the page… ${m.progress.blocks} blocks read, ${files} found so far.`;
    case 'done':
      return n ? `${files} on ${page}.${deep}` : `No files on ${page}.${deep}`;
    case 'cancelled':
      return `Stopped: ${files} found before the walk was cancelled. Refresh to read the whole page.`;
    case 'failed':
      return `Could not read the page${n ? ` (${files} found before the error)` : ''}: ${m.error?.message ?? 'unknown error'}`;
  }
}

/** A local file dropped on a media item replaces that block's file (Replace File…, confirmed like a menu click). */
export class ReplaceDropController implements vscode.TreeDragAndDropController<string> {
  readonly dropMimeTypes = FILE_DROP_MIME_TYPES;
  readonly dragMimeTypes: string[] = [];

  constructor(private readonly onDrop: (key: string, file: vscode.Uri) => unknown) {}

  async handleDrop(target: string | undefined, data: vscode.DataTransfer): Promise<void> {
    const uris = await droppedUris(data);
    const files = uris.filter((u) => u.scheme === 'file');
    if (!target || !files.length) {
      if (uris.length) void vscode.window.showWarningMessage(files.length ? 'Drop the file on the image, video, audio, PDF or file block it should replace.' : ONLY_LOCAL_FILES);
      return;
    }
    if (files.length > 1) {
      void vscode.window.showWarningMessage(`A block holds one file: drop one file to replace it (${files.length} were dropped).`);
      return;
    }
    await this.onDrop(target, files[0]);
  }
}

export class PageFilesView extends Disposable implements vscode.TreeDataProvider<string> {
  private readonly changed = this._register(new vscode.EventEmitter<string | undefined | void>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<string>;
  private model: PageFilesModel | undefined;
  private modelListener: vscode.Disposable | undefined;
  private repaintTimer: NodeJS.Timeout | undefined;
  private tick: NodeJS.Timeout | undefined;

  /** `onDropFile`: a file dropped on an item (Replace File…). */
  constructor(onDropFile?: (key: string, file: vscode.Uri) => unknown) {
    super();
    this.treeView = this._register(vscode.window.createTreeView(PAGE_FILES_VIEW_ID, {
      treeDataProvider: this,
      canSelectMany: false,
      ...(onDropFile ? { dragAndDropController: new ReplaceDropController(onDropFile) } : {}),
    }));
    this._register(this.treeView.onDidChangeVisibility(() => this.scheduleTick()));
    this._register({
      dispose: () => {
        clearTimeout(this.repaintTimer);
        clearInterval(this.tick);
        this.modelListener?.dispose();
      },
    });
  }

  /** Shows this model (a new connection brings a new one). */
  setModel(model: PageFilesModel): void {
    if (model === this.model) return;
    this.modelListener?.dispose();
    this.model = model;
    this.modelListener = model.onDidChange((e) => this.onModelChange(e));
    this.repaintNow();
  }

  get current(): PageFilesModel | undefined {
    return this.model;
  }

  getChildren(element?: string): string[] {
    return element || !this.model ? [] : this.model.files.map((f) => f.key);
  }

  getTreeItem(key: string): vscode.TreeItem {
    const f = this.model?.get(key);
    return f ? toPageFileItem(f, Date.now()) : new vscode.TreeItem('(gone)');
  }

  getParent(): undefined {
    return undefined;
  }

  /** The view's message and rows as rendered now. */
  snapshot(): { message?: string; rows: Array<{ key: string; label: string; description: string; contextValue?: string }> } {
    if (this.repaintTimer) this.repaintNow();
    const rows = this.getChildren().map((key) => {
      const item = this.getTreeItem(key);
      return { key, label: String(item.label), description: String(item.description ?? ''), contextValue: item.contextValue };
    });
    return { message: this.treeView.message, rows };
  }

  /** The file behind a view element (or the selection when none is given). */
  fileFor(key: string | undefined): PageFile | undefined {
    const k = key ?? this.treeView.selection[0];
    return k ? this.model?.get(k) : undefined;
  }

  private onModelChange(e: PageFilesChange): void {
    if (e.type === 'updated') {
      this.changed.fire(e.file.key);
      return;
    }
    if (e.type === 'reset' || e.type === 'state') this.repaintNow();
    else this.repaintSoon();
  }

  private repaintSoon(): void {
    this.repaintTimer ??= setTimeout(() => this.repaintNow(), REPAINT_MS);
  }

  private repaintNow(): void {
    clearTimeout(this.repaintTimer);
    this.repaintTimer = undefined;
    const m = this.model;
    this.treeView.message = m ? describeModel(m) || undefined : undefined;
    this.treeView.description = m?.title || undefined;
    this.changed.fire();
    this.scheduleTick();
  }

  /** Repaint expiry countdowns every 30 s while visible and some link can expire. */
  private scheduleTick(): void {
    clearInterval(this.tick);
    this.tick = undefined;
    if (this.isDisposed || !this.treeView.visible || !this.model?.files.some((f) => f.expiryTime)) return;
    this.tick = setInterval(() => this.changed.fire(), TICK_MS);
  }
}
