// Keeps the Page Files view true after an upload: when the history records a new attachment
// to the page the view shows, the page is read again (driven by the history's change event,
// never by polling). A walk already running finishes first, then the page is read again.
import type * as vscode from 'vscode';
import type { UploadHistory } from '../core/history/uploadHistory';
import type { PageFilesBrowser } from '../core/files/browser';

const compact = (id: string) => id.replace(/-/g, '').toLowerCase();

export class FollowUploads implements vscode.Disposable {
  /** Attachments seen per record, so only new ones count. */
  private readonly seen = new Map<string, number>();
  private readonly sub: { dispose(): void };
  private scheduled = false;

  constructor(history: UploadHistory, private readonly browser: () => PageFilesBrowser | undefined) {
    for (const r of history.list()) this.seen.set(r.key, r.attachments.length);
    this.sub = history.onDidChange(({ keys }) => {
      const shown = this.browser()?.model.pageId;
      for (const key of keys) {
        const r = history.get(key);
        const before = this.seen.get(key) ?? 0;
        this.seen.set(key, r?.attachments.length ?? 0);
        if (shown && r && r.attachments.slice(before).some((a) => compact(a.pageId) === compact(shown))) this.schedule();
      }
    });
  }

  /** One re-read for a burst of changes (a batch attaches several files in one go). */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      const browser = this.browser();
      if (!browser) return;
      if (browser.model.state !== 'walking') return void browser.refresh();
      const sub = browser.model.onDidChange((e) => {
        if (e.type !== 'state') return;
        sub.dispose();
        void browser.refresh();
      });
    }, 0);
  }

  dispose(): void {
    this.sub.dispose();
  }
}
