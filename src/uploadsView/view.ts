// The Uploads view: one item per upload record, newest first. Items are record keys, so a
// progress update repaints one row; the expiry countdown ticks only while the view is
// visible, and a timer set for the earliest expiry turns that upload "expired" on time.
import * as vscode from 'vscode';
import { droppedUris, FILE_DROP_MIME_TYPES, ONLY_LOCAL_FILES } from '../common/droppedFiles';
import type { UploadHistory } from '../core/history/uploadHistory';
import { Disposable } from '../common/disposable';
import { SelectionContext } from '../common/selectionContext';
import { contextValue, toTreeItem, type PageTitles } from './item';

export const UPLOADS_VIEW_ID = 'notionAssets.uploads';
/** The selected upload's contextValue: the palette's item commands match on it (package.json). */
export const UPLOADS_SELECTED_CONTEXT = 'notionAssets.uploads.selected';
const TICK_MS = 30_000;
/** setTimeout's ceiling; longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class UploadsTreeProvider extends Disposable implements vscode.TreeDataProvider<string> {
  private readonly changed = this._register(new vscode.EventEmitter<string | undefined | void>());
  readonly onDidChangeTreeData = this.changed.event;
  private keys = new Set<string>();

  constructor(
    private readonly history: UploadHistory,
    private readonly titles: PageTitles = () => undefined,
    private readonly isRunning: (key: string) => boolean = () => true,
  ) {
    super();
    this._register(history.onDidChange(({ keys }) => {
      // Only rows that already exist can repaint alone; anything else changes the list.
      if (keys.length > 0 && keys.every((k) => this.keys.has(k) && history.get(k))) for (const k of keys) this.changed.fire(k);
      else this.refresh();
    }));
  }

  refresh(): void {
    this.changed.fire();
  }

  getChildren(element?: string): string[] {
    if (element) return [];
    const records = this.history.list();
    this.keys = new Set(records.map((r) => r.key));
    return records.map((r) => r.key);
  }

  getTreeItem(key: string): vscode.TreeItem {
    const r = this.history.get(key);
    return r ? toTreeItem(r, Date.now(), this.titles, r.state !== 'uploading' || this.isRunning(key)) : new vscode.TreeItem(vscode.l10n.t('(removed)'));
  }

  getParent(): undefined {
    return undefined;
  }
}

/** Files dropped from the Explorer or the OS start the upload flow with them. */
export class DropController implements vscode.TreeDragAndDropController<string> {
  readonly dropMimeTypes = FILE_DROP_MIME_TYPES;
  readonly dragMimeTypes: string[] = [];

  constructor(private readonly onFiles: (uris: vscode.Uri[]) => unknown) {}

  async handleDrop(_target: string | undefined, data: vscode.DataTransfer): Promise<void> {
    const uris = await droppedUris(data);
    const files = uris.filter((u) => u.scheme === 'file');
    if (files.length) await this.onFiles(files);
    else if (uris.length) void vscode.window.showWarningMessage(ONLY_LOCAL_FILES);
  }
}

/**
 * Repaints the countdown while the view is visible and something can expire, and repaints
 * at the earliest expiry so that upload reads "expired" on time, without a reload.
 */
export class ExpiryTicker extends Disposable {
  private tick: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private replan: NodeJS.Timeout | undefined;

  constructor(
    private readonly history: UploadHistory,
    private readonly isVisible: () => boolean,
    private readonly repaint: () => void,
    private readonly tickMs = TICK_MS,
  ) {
    super();
    // Progress fires often: re-plan the timers at most twice a second.
    this._register(history.onDidChange(() => {
      if (!this.replan) this.replan = setTimeout(() => { this.replan = undefined; this.schedule(); }, 500);
    }));
    this._register({ dispose: () => { this.stop(); clearTimeout(this.replan); } });
    this.schedule();
  }

  /** When the next expiry repaint is due (ms since epoch), or undefined when none is armed. */
  nextExpiryAt: number | undefined;

  schedule(): void {
    this.stop();
    if (this.isDisposed || !this.isVisible()) return;
    let earliest = Infinity;
    for (const r of this.history.list()) {
      if (r.expiryTime && (r.state === 'pending' || r.state === 'uploading')) earliest = Math.min(earliest, Date.parse(r.expiryTime));
    }
    if (earliest === Infinity) return;
    this.nextExpiryAt = earliest;
    this.tick = setInterval(this.repaint, this.tickMs);
    this.expiryTimer = setTimeout(() => {
      this.repaint();
      this.schedule();
    }, Math.min(MAX_TIMER_MS, Math.max(0, earliest - Date.now()) + 50));
  }

  private stop(): void {
    clearInterval(this.tick);
    clearTimeout(this.expiryTimer);
    this.tick = this.expiryTimer = this.nextExpiryAt = undefined;
  }
}

export class UploadsView extends Disposable {
  readonly provider: UploadsTreeProvider;
  readonly treeView: vscode.TreeView<string>;
  readonly selectionContext: SelectionContext<string>;

  constructor(
    private readonly history: UploadHistory,
    onDropFiles: (uris: vscode.Uri[]) => unknown,
    titles?: PageTitles,
    private readonly isRunning: (key: string) => boolean = () => true,
  ) {
    super();
    this.provider = this._register(new UploadsTreeProvider(history, titles, isRunning));
    this.treeView = this._register(vscode.window.createTreeView(UPLOADS_VIEW_ID, {
      treeDataProvider: this.provider,
      dragAndDropController: new DropController(onDropFiles),
      canSelectMany: true,
      showCollapseAll: false,
    }));
    this.selectionContext = this._register(new SelectionContext(UPLOADS_SELECTED_CONTEXT, this.treeView, (key) => {
      const r = history.get(key);
      return r && contextValue(r, r.state !== 'uploading' || this.isRunning(key));
    }));
    // A selected upload that changes state (finishes, fails) changes which actions the palette offers.
    this._register(history.onDidChange(({ keys }) => {
      if (this.treeView.selection.length && (keys.length === 0 || keys.includes(this.treeView.selection[0]))) this.selectionContext.update();
    }));
    const ticker = this._register(new ExpiryTicker(history, () => this.treeView.visible, () => this.provider.refresh()));
    this._register(this.treeView.onDidChangeVisibility(() => ticker.schedule()));
    // The badge counts running uploads; progress fires often, so count at most every 300 ms.
    let pending: NodeJS.Timeout | undefined;
    this._register(history.onDidChange(() => {
      pending ??= setTimeout(() => { pending = undefined; this.updateBadge(); }, 300);
    }));
    this._register({ dispose: () => clearTimeout(pending) });
    // No badge to start with: nothing runs before activation, and the history stays unread until needed.
  }

  /** Keys of the selected items (for commands run from the view title or keybindings). */
  get selection(): readonly string[] {
    return this.treeView.selection;
  }

  private updateBadge(): void {
    let running = 0;
    // An "uploading" record nothing works on is interrupted (from an earlier window), not running.
    for (const r of this.history.list()) if (r.state === 'uploading' && this.isRunning(r.key)) running++;
    this.treeView.badge = running ? { value: running, tooltip: running === 1 ? vscode.l10n.t('1 upload running') : vscode.l10n.t('{0} uploads running', running) } : undefined;
  }
}
