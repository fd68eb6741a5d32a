// The status bar entry while uploads run: `$(cloud-upload) 2 uploading · 43 %` (the
// screen-reader label spells it out); a click reveals the Uploads view. The item exists only
// while something uploads in this window, so it is gone the moment nothing runs.
import * as vscode from 'vscode';
import type { UploadHistory } from '../core/history/uploadHistory';
import { Disposable } from '../common/disposable';
import { statusText, summarize } from './runningSummary';

export const STATUS_ITEM_ID = 'notionAssets.uploadStatus';
/** Progress fires often: the entry is recounted at most this often. */
const REFRESH_MS = 250;

export class UploadStatusBar extends Disposable {
  private item: vscode.StatusBarItem | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly history: UploadHistory, private readonly isRunning: (key: string) => boolean) {
    super();
    this._register(history.onDidChange(() => {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.update();
      }, REFRESH_MS);
    }));
    this._register({ dispose: () => { clearTimeout(this.timer); this.hide(); } });
  }

  private update(): void {
    if (this.isDisposed) return;
    const s = summarize(this.history.list(), this.isRunning);
    if (s.count === 0) {
      this.hide();
      return;
    }
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 10);
      this.item.name = vscode.l10n.t('Notion Uploads');
      this.item.command = 'notionAssets.uploads.focus';
    }
    const { text, label } = statusText(s);
    this.item.text = text;
    this.item.tooltip = vscode.l10n.t('{0} — click to show the Uploads view', label.replace(/\. Show the Uploads view\.$/, ''));
    this.item.accessibilityInformation = { label, role: 'button' };
    this.item.show();
    // A record left "uploading" by a crash is not running: recount until the last one ends.
    this.timer ??= setTimeout(() => { this.timer = undefined; this.update(); }, 1000);
  }

  private hide(): void {
    this.item?.dispose();
    this.item = undefined;
  }
}
