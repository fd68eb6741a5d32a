// Actions on Uploads view items (inline and context menu) and on the whole view: Attach to…
// (reuses the upload id), Copy ID, Open Page, Refresh Status, Retry, Cancel, Remove,
// Refresh Uploads, Clear Finished. Items arrive as record keys; `{ upload }` or an upload id works too.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { UploadRecord, UploadState } from '../core/history/types';
import type { AttachTarget } from '../core/upload/types';
import type { CommandOptions } from '../upload/commandArgs';
import { percentReporter, runCommand, withCancellableProgress } from '../ui/commandRunner';
import type { RecentTargets } from '../storage/recentTargets';
import type { Services } from '../common/services';
import { askTarget } from '../pickers/targetPicker';
import { confirmReplacing } from '../upload/confirmReplacing';
import { sentVersionNote, settleUnsaved } from '../upload/unsavedChanges';
import { redactShown } from '../common/log';
import { showPlaced } from '../ui/placedNotice';
import { placedMessage, progressTitle } from '../ui/placementText';
import { openPage } from '../ui/openPage';
import { attachedPages } from './item';
import { refreshSummary } from './refreshSummary';

const FINISHED: ReadonlySet<UploadState> = new Set(['attached', 'expired', 'failed', 'cancelled']);

export class ItemCommands {
  constructor(private readonly services: Services, private readonly recents: RecentTargets, private readonly selection: () => readonly string[]) {}

  private get history() {
    return this.services.history;
  }

  /** Records named by the arguments: the clicked item, the multi-selection, `{ upload }`, a key or an upload id. */
  records(args: readonly unknown[]): UploadRecord[] {
    const refs: string[] = [];
    for (const a of args) {
      if (typeof a === 'string') refs.push(a);
      else if (Array.isArray(a)) refs.push(...a.filter((x): x is string => typeof x === 'string'));
      else if (a && typeof a === 'object' && typeof (a as { upload?: unknown }).upload === 'string') refs.push((a as { upload: string }).upload);
    }
    if (refs.length === 0) refs.push(...this.selection());
    const seen = new Set<string>();
    const out: UploadRecord[] = [];
    for (const ref of refs) {
      const r = this.history.get(ref) ?? this.history.findByUploadId(ref);
      if (r && !seen.has(r.key)) {
        seen.add(r.key);
        out.push(r);
      }
    }
    return out;
  }

  private one(args: readonly unknown[], what: string): UploadRecord | undefined {
    const r = this.records(args)[0];
    if (!r) void vscode.window.showWarningMessage(vscode.l10n.t('{0}: choose an upload in the Uploads view.', what));
    return r;
  }

  /** Attaches an existing upload somewhere else by its id: no bytes are sent again. */
  async attachTo(...args: unknown[]): Promise<AttachTarget | undefined> {
    const r = this.one(args, vscode.l10n.t('Attach to'));
    if (!r) return undefined;
    const opts = (args.find((a) => a && typeof a === 'object' && !Array.isArray(a)) ?? {}) as CommandOptions;
    return runCommand(this.services.log, vscode.l10n.t('Attach to'), async () => {
      if (!r.fileUploadId || (r.state !== 'pending' && r.state !== 'attached')) {
        throw new Error(vscode.l10n.t('"{0}" is {1}: Notion no longer accepts it. Use Retry to upload it again.', r.filename, r.state));
      }
      const asked = await askTarget(this.services, this.recents, r.filename, opts, vscode.l10n.t('Attach "{0}" to…', r.filename));
      if (!asked) return undefined;
      const { page, target } = asked;
      await confirmReplacing(this.services, { page, target, newName: r.filename }, opts.page === undefined);
      const service = await this.services.uploads();
      await this.recents.add(page);
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('{0} (no re-upload)', progressTitle([r.filename], page.title, target)) },
        () => service.attach(r.fileUploadId!, target, undefined, r.key),
      );
      showPlaced(vscode.l10n.t('{0}, without uploading it again.', placedMessage([r.filename], page.title, target)), page.id);
      return target;
    });
  }

  async copyId(...args: unknown[]): Promise<string | undefined> {
    const ids = this.records(args).map((r) => r.fileUploadId).filter((id): id is string => !!id);
    if (!ids.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This upload has no Notion id yet.'));
      return undefined;
    }
    await vscode.env.clipboard.writeText(ids.join('\n'));
    vscode.window.setStatusBarMessage(ids.length === 1 ? vscode.l10n.t('Copied {0}', ids[0]) : vscode.l10n.t('Copied {0} upload ids', ids.length), 3000);
    return ids.join('\n');
  }

  /** Opens the page it was attached to (asks which when there are several). */
  async openPage(...args: unknown[]): Promise<string | undefined> {
    const r = this.one(args, vscode.l10n.t('Open Page'));
    if (!r) return undefined;
    const pages = attachedPages(r);
    if (!pages.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is not attached to any page yet.', r.filename));
      return undefined;
    }
    // A tooltip's page link names the page: `{ upload, page }`.
    const named = (args.find((a) => a && typeof a === 'object' && !Array.isArray(a)) as { page?: unknown } | undefined)?.page;
    if (typeof named === 'string' && pages.includes(named)) return openPage(named);
    const pageId = pages.length === 1 ? pages[0] : (await vscode.window.showQuickPick(
      pages.map((p) => ({ label: this.recents.title(p) ?? p, description: p, pageId: p })), { title: vscode.l10n.t('Pages "{0}" is attached to', r.filename) }))?.pageId;
    if (!pageId) return undefined;
    return openPage(pageId);
  }

  /**
   * GET file_uploads/{id} for each chosen upload and, for attached ones, the recorded places;
   * stores what Notion says and tells it in a short message.
   */
  async refreshStatus(...args: unknown[]): Promise<UploadRecord[]> {
    const records = this.records(args).filter((r) => r.fileUploadId);
    if (!records.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Refresh Status: choose an upload that has a Notion id in the Uploads view.'));
      return [];
    }
    const refreshed = await this.refresh(records, vscode.l10n.t('Refresh Status'));
    if (refreshed.length) void vscode.window.showInformationMessage(refreshSummary(records, refreshed));
    return refreshed;
  }

  /** Refresh Uploads: re-reads every upload that can still change (pending, interrupted). */
  async refreshAll(): Promise<UploadRecord[]> {
    const open = this.history.list().filter((r) => r.fileUploadId && (r.state === 'pending' || (r.state === 'uploading' && !this.services.isRunning(r.key))));
    return this.refresh(open, vscode.l10n.t('Refresh Uploads'));
  }

  private async refresh(records: UploadRecord[], what: string): Promise<UploadRecord[]> {
    if (!records.length) return [];
    const refreshed = await runCommand(this.services.log, what, async () => {
      const service = await this.services.uploads();
      return vscode.window.withProgress({ location: { viewId: 'notionAssets.uploads' }, title: what }, async () => {
        const out: UploadRecord[] = [];
        for (const r of records) out.push(await service.refreshStatus(r.key));
        return out;
      });
    });
    return refreshed ?? [];
  }

  /**
   * Uploads a failed, expired or cancelled file again (resuming where possible) and finishes its
   * attachment. The service keeps the record's key, so its row changes in place.
   */
  async retry(...args: unknown[]): Promise<string[]> {
    const records = this.records(args).filter((r) => !this.services.isRunning(r.key));
    // A file open with unsaved changes: asked as the upload commands ask (Retry reads the disk).
    const onDisk = records.filter((r) => r.mode !== 'external_url' && path.isAbsolute(r.source)).map((r) => vscode.Uri.file(r.source));
    const sent = await runCommand(this.services.log, vscode.l10n.t('Retry'), () => settleUnsaved(onDisk, false));
    if (!sent) return [];
    const done: { key: string; record: UploadRecord }[] = [];
    for (const r of records) {
      await runCommand(this.services.log, vscode.l10n.t('Retry "{0}"', r.filename), async () => {
        const service = await this.services.uploads();
        const res = await withCancellableProgress(vscode.l10n.t('Retrying "{0}"', r.filename), (signal, p) =>
          service.retry(r.key, { signal, onProgress: percentReporter(p) }));
        const key = 'key' in res ? res.key : this.history.findByUploadId(res.id)?.key ?? r.key;
        done.push({ key, record: this.history.get(key) ?? r });
      });
    }
    if (done.length) this.showRetried(done.map((d) => d.record), sentVersionNote(sent));
    return done.map((d) => d.key);
  }

  /** Says where the retried files are now, with Open Page when it is one page. */
  private showRetried(records: UploadRecord[], note: string): void {
    const pages = [...new Set(records.flatMap((r) => attachedPages(r).slice(-1)))];
    const title = (id: string) => `"${this.recents.title(id) ?? id}"`;
    const what = records.length === 1 ? `"${records[0].filename}"` : vscode.l10n.t('{0} uploads', records.length);
    const text = pages.length === 0
      ? records.length === 1 ? vscode.l10n.t('Retried {0}: uploaded. Attach it within an hour from the Uploads view.', what) : vscode.l10n.t('Retried {0}: uploaded. Attach them within an hour from the Uploads view.', what)
      : pages.length === 1 ? vscode.l10n.t('Retried {0}: now on {1}.', what, title(pages[0])) : vscode.l10n.t('Retried {0}: now on {1} pages.', what, pages.length);
    if (pages.length === 1) showPlaced(text + note, pages[0]);
    else void vscode.window.showInformationMessage(redactShown(text + note));
  }

  cancel(...args: unknown[]): number {
    let n = 0;
    for (const r of this.records(args)) if (this.services.cancel(r.key)) n++;
    return n;
  }

  /** Removes entries from the history (a running upload is cancelled first). Notion keeps the files. */
  remove(...args: unknown[]): number {
    const records = this.records(args);
    for (const r of records) {
      this.services.cancel(r.key);
      this.history.remove(r.key);
    }
    return records.length;
  }

  /** Drops attached, expired, failed and cancelled entries; pending ones (still attachable) stay. */
  clearFinished(): number {
    let n = 0;
    for (const r of this.history.list()) {
      if (FINISHED.has(r.state) && !this.services.isRunning(r.key) && this.history.remove(r.key)) n++;
    }
    vscode.window.setStatusBarMessage(n === 1 ? vscode.l10n.t('Cleared 1 finished upload') : vscode.l10n.t('Cleared {0} finished uploads', n), 3000);
    return n;
  }
}

