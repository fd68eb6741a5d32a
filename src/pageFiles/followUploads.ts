// Keeps the Page Files view true after an upload: when the history records a new attachment
// to the page the view shows, the page is read again (driven by the history's change event,
// never by polling). A walk already running finishes first, then the page is read again.
// "New" is read from the attachment's own time, so nothing is scanned at activation (the
// history is read on first use, see uploadHistory.ts).
import type * as vscode from 'vscode';
import type { UploadHistory } from '../core/history/uploadHistory';
import type { PageFilesBrowser } from '../core/files/browser';

const compact = (id: string) => id.replace(/-/g, '').toLowerCase();

export class FollowUploads implements vscode.Disposable {
  private readonly sub: { dispose(): void };
  private scheduled = false;
  /** Attachments recorded from this time on are new to the page shown (history clock). */
  private since: number;

  constructor(private readonly history: UploadHistory, private readonly browser: () => PageFilesBrowser | undefined) {
    this.since = history.now();
    this.sub = history.onDidChange(({ keys }) => {
      const shown = this.browser()?.model.pageId;
      if (!shown) return;
      const added = keys.some((key) => history.get(key)?.attachments.some((a) => Date.parse(a.at) >= this.since && compact(a.pageId) === compact(shown)));
      if (added) this.schedule();
    });
  }

  /** One re-read for a burst of changes (a batch attaches several files in one go). */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      // What is attached until now is in the read that starts now.
      this.since = this.history.now();
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
