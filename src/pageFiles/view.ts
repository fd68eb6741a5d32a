// The Page Files view: renders a PageFilesModel (core) and nothing else. The model fires
// as the walk finds files; repaints are batched so a large page does not repaint per file.
// The view's message says what the walk is doing; link expiries tick while it is visible.
import * as vscode from 'vscode';
import type { PageFilesChange, PageFilesModel } from '../core/files/model';
import type { PageFile } from '../core/files/types';
import { Disposable } from '../common/disposable';
import { droppedUris, FILE_DROP_MIME_TYPES, ONLY_LOCAL_FILES } from '../common/droppedFiles';
import { SelectionContext } from '../common/selectionContext';
import { pageFileContext, toPageFileItem } from './item';

export const PAGE_FILES_VIEW_ID = 'notionAssets.pageFiles';
/** The selected file's contextValue: the palette's file commands match on it (package.json). */
export const PAGE_FILES_SELECTED_CONTEXT = 'notionAssets.pageFiles.selected';
const REPAINT_MS = 150;
const TICK_MS = 30_000;

/** The view's one-line status for a model. */
export function describeModel(m: PageFilesModel): string {
  const page = m.title ? `“${m.title}”` : vscode.l10n.t('the page');
  const n = m.files.length;
  const files = n === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', n);
  const deep = m.progress.skippedDeep
    ? ' ' + (m.progress.skippedDeep === 1
      ? vscode.l10n.t('1 nested block was deeper than notionAssets.files.maxDepth and not searched.')
      : vscode.l10n.t('{0} nested blocks were deeper than notionAssets.files.maxDepth and not searched.', m.progress.skippedDeep))
    : '';
  switch (m.state) {
    case 'idle':
      return '';
    case 'walking':
      return vscode.l10n.t('Reading the page… {0} blocks read, {1} found so far.', m.progress.blocks, files);
    case 'done':
      return n ? vscode.l10n.t('{0} on {1}.{2}', files, page, deep) : vscode.l10n.t('No files on {0}.{1}', page, deep);
    case 'cancelled':
      return vscode.l10n.t('Stopped: {0} found before the walk was cancelled. Refresh to read the whole page.', files);
    case 'failed':
      return n
        ? vscode.l10n.t('Could not read the page ({0} found before the error): {1}', files, m.error?.message ?? vscode.l10n.t('unknown error'))
        : vscode.l10n.t('Could not read the page: {0}', m.error?.message ?? vscode.l10n.t('unknown error'));
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
      if (uris.length) void vscode.window.showWarningMessage(files.length ? vscode.l10n.t('Drop the file on the image, video, audio, PDF or file block it should replace.') : ONLY_LOCAL_FILES);
      return;
    }
    if (files.length > 1) {
      void vscode.window.showWarningMessage(vscode.l10n.t('A block holds one file: drop one file to replace it ({0} were dropped).', files.length));
      return;
    }
    await this.onDrop(target, files[0]);
  }
}

export class PageFilesView extends Disposable implements vscode.TreeDataProvider<string> {
  private readonly changed = this._register(new vscode.EventEmitter<string | undefined | void>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<string>;
  readonly selectionContext: SelectionContext<string>;
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
    this.selectionContext = this._register(new SelectionContext(PAGE_FILES_SELECTED_CONTEXT, this.treeView, (key) => {
      const f = this.model?.get(key);
      return f && pageFileContext(f);
    }));
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
    this.selectionContext.update();
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
    if (e.type === 'reset') this.selectionContext.update();
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
