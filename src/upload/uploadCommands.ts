// The upload commands: Upload to Notion… (guided), Set as Page Cover/Icon, Add to Page as
// Block, Attach to Files Property, Import File from URL…, Link External URL…. Each takes
// its inputs as arguments (see commandArgs.ts) and asks only for what is missing.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { categoryOf } from '../core/media/extensions';
import type { MediaBlockType } from '../core/notion/types';
import { checkCommentText, commentGroups, commentPartText } from '../core/upload/commentFiles';
import type { AttachTarget, GroupResult, GroupTarget, Placement, UploadAndAttachResult } from '../core/upload/types';
import { runBatch, showBatchSummary, type BatchJob, type BatchReport } from './batchUpload';
import { activeEditorFile, parseArgs, type CommandOptions } from './commandArgs';
import { errorText } from '../ui/errorMessages';
import { Dismissed, need, runCommand, withCancellableProgress } from '../ui/commandRunner';
import type { PickedPage } from '../pickers/pagePicker';
import type { RecentTargets } from '../storage/recentTargets';
import type { Services } from '../common/services';
import { connectionSettings, defaultTarget, transferSettings } from '../common/settings';
import { httpLinksAllowed } from '../core/notion/origin';
import { askBlock } from '../pickers/blockPicker';
import { confirmReplacing } from './confirmReplacing';
import { askGrouping, askNewPageParent, askNewPageProperty, askNewPageTitle } from '../pickers/newPagePicker';
import { askCaption, askComment, askPage, askPlacement, askProperty, buildTarget, type PlacementChoice } from '../pickers/targetPicker';
import { acceptedTypes, openDialogFilters, placementProblems, refusalSummary, refusedFiles, unsupportedFiles, type RefusedFile } from './refusals';
import { showPlaced } from '../ui/placedNotice';
import { confirmOutsideLinks } from './outsideLinks';
import { diskRefusals } from './diskRefusals';
import { placedMessage, placementTitle, progressTitle } from '../ui/placementText';
import { openPage } from '../ui/openPage';
import { fitToLimit, type ImageShrinker, type TemporarySource } from './oversizedImages';
import { refuseUntitled, sentVersionNote, settleUnsaved, type SentVersion } from './unsavedChanges';

/** What an upload command did, returned to callers (keybindings ignore it; tests and other extensions read it). */
export interface UploadCommandResult {
  pageId?: string;
  placement?: PlacementChoice;
  uploads: {
    file: string; ok: boolean; key?: string; fileUploadId?: string; reused?: boolean; blockId?: string; error?: string;
    /** newPage: the page created for (or holding) this file. comment: the comment it is attached to. */
    createdPageId?: string; commentId?: string;
  }[];
  /** Set when the command stopped before uploading (bad input, no access, no token). */
  error?: string;
  /** Files of the batch not sent because Notion would not take them (type, placement), with why. */
  refused?: { file: string; reason: string }[];
  /** Files that had unsaved changes in an editor: saved first, or the saved version sent. */
  unsaved?: { file: string; sent: SentVersion }[];
}

type Outcome = UploadAndAttachResult | { key?: string; fileUpload: { id: string }; reused?: boolean; blockId?: string; createdPageId?: string; commentId?: string };

export class UploadCommands {
  constructor(private readonly services: Services, private readonly recents: RecentTargets, private readonly shrinker?: ImageShrinker) {}

  private get log() {
    return this.services.log;
  }

  /** Errors are shown with their fix and returned in the result (see commandRunner.ts). */
  private guard(what: string, body: () => Promise<UploadCommandResult>): Promise<UploadCommandResult | undefined> {
    return runCommand(this.log, what, body, (e) => ({ uploads: [], error: errorText(e) }));
  }

  /**
   * Upload to Notion… / Set as Page Cover / … — `fixed` is the placement the command implies.
   * `temporary`: files whose bytes are a temporary copy (a pasted image), by path.
   */
  uploadFiles(fixed: Placement | undefined, args: unknown[], temporary?: ReadonlyMap<string, TemporarySource>): Promise<UploadCommandResult | undefined> {
    const what = fixed ? placementTitle(fixed) : vscode.l10n.t('Upload to Notion');
    return this.guard(what, async () => {
      const { files, options, scripted } = parseArgs(args);
      const uris = files.length ? files : await this.chooseFiles(fixed);
      refuseUntitled(uris);
      const local = uris.filter((u) => u.scheme === 'file');
      if (local.length !== uris.length) {
        throw new Error(vscode.l10n.t('Only files on this machine can be uploaded: {0}', uris.filter((u) => u.scheme !== 'file').map((u) => u.toString()).join(', ')));
      }
      const all = local.map((u) => path.basename(u.fsPath));
      const preset = fixed ?? options.placement;
      const placed = preset && preset !== 'none' ? preset : undefined;
      // Everything knowable from the names is checked for every file before the first request.
      if ((placed === 'cover' || placed === 'icon') && all.length > 1) throw new Error(placementProblems(all, placed)!);
      if (placed === 'replace' && all.length > 1) throw new Error(vscode.l10n.t('A block holds one file: choose one file to replace it with ({0} were given).', all.length));
      const byName = refusedFiles(all, placed, options.blockType);
      // The disk too (missing, empty) before the first question: no page is asked for for nothing.
      const onDisk = await diskRefusals(local.map((u) => u.fsPath), new Set(byName.map((r) => r.index)));
      const refused = [...byName, ...onDisk].sort((a, b) => a.index - b.index);
      if (refused.length === all.length) {
        const typed = all.filter((n, i) => categoryOf(n) && !onDisk.some((r) => r.index === i));
        throw new Error([
          unsupportedFiles(all), placed && typed.length ? placementProblems(typed, placed, options.blockType) : undefined,
          ...onDisk.map((r) => vscode.l10n.t('"{0}" is {1}.', r.name, r.reason)),
        ].filter(Boolean).join(' '));
      }
      if (refused.length) await this.confirmValidOnly(refused, all.length, scripted, acceptedTypes(placed, options.blockType));
      const withRefused = (result: UploadCommandResult) =>
        refused.length ? { ...result, refused: refused.map((r) => ({ file: local[r.index].fsPath, reason: r.reason })) } : result;
      const kept = local.filter((_, i) => !refused.some((r) => r.index === i));
      // Unsaved changes in an editor: saved first or not, asked before sizes are read.
      const sent = await settleUnsaved(kept, scripted);
      const withSent = (result: UploadCommandResult) =>
        sent.size ? { ...result, unsaved: [...sent].map(([file, version]) => ({ file, sent: version })) } : result;
      // Over the workspace's limit: Shrink to Fit (images) or refused, before any upload request.
      const limit = await (await this.services.uploads()).maxFileSizeBytes();
      const linked = await confirmOutsideLinks(kept);
      const fitted = await fitToLimit(kept, limit, this.shrinker, { scripted, shrink: options.shrink });
      try {
        const note = sentVersionNote(sent);
        return withSent(withRefused(await this.uploadChecked(fitted.files, preset, options, scripted, what, new Map([...(temporary ?? []), ...fitted.temporary]), linked, note)));
      } finally {
        await fitted.dispose();
      }
    });
  }

  /** The rest of uploadFiles once the files are known to be acceptable: page, placement, target, uploads. */
  private async uploadChecked(
    valid: vscode.Uri[], preset: Placement | 'none' | undefined, options: CommandOptions, scripted: boolean, what: string,
    temporary: ReadonlyMap<string, TemporarySource>, linked: ReadonlySet<string>, note: string,
  ): Promise<UploadCommandResult> {
    const names = valid.map((u) => path.basename(u.fsPath));
    if (preset === 'newPage') return this.newPages(valid, options, scripted, linked, note);
    if (preset === 'replace') return this.replaceOnPage(valid[0], options, scripted, linked, note);
    const page = await need(askPage(this.services, this.recents, options.page ?? defaultTarget(valid[0]), vscode.l10n.t('{0}: choose the page', what)));
    const placement = preset ?? (await need(askPlacement(names, page.title, true, page.inDatabase)));
    const target = placement === 'none' ? undefined : await this.completeTarget(page, placement, options, scripted, valid.length);
    if (target) await confirmReplacing(this.services, { page, target, newName: names.length === 1 ? names[0] : vscode.l10n.t('{0} files', names.length) }, !scripted);
    await this.recents.add(page);
    if (target?.as === 'comment') {
      // One job per comment (three files each), so Retry Failed redoes only the comments that failed.
      const groups = commentGroups(valid);
      const text = checkCommentText(target.comment);
      return this.runGroups(groups, page, placement, groups.map((_, i) => ({ ...target, comment: commentPartText(text, i, groups.length) })), linked, note);
    }
    return this.runUploads(valid, page, placement, target, undefined, temporary, linked, note);
  }

  /** New Page from File…: the parent (page or database), where the files go, one page each or one for all. */
  private async newPages(uris: vscode.Uri[], o: CommandOptions, scripted: boolean, linked: ReadonlySet<string>, note: string): Promise<UploadCommandResult> {
    const service = await this.services.uploads();
    // The default target is where files usually go, not where new pages should: asked unless given.
    const chosen = o.page ?? (await need(askNewPageParent(this.services, this.recents))).id;
    const parent = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading where the new page goes…') },
      () => service.describeNewPageParent(chosen),
    );
    const property = o.property ?? (parent.kind === 'database' && !scripted ? await need(askNewPageProperty(parent.title, parent.filesProperties)) : undefined);
    const mode = uris.length === 1 ? 'each' : o.pages ?? (scripted ? 'each' : await need(askGrouping(uris.length)));
    const names = uris.map((u) => path.basename(u.fsPath));
    const title = mode === 'one' ? o.title ?? (scripted ? undefined : await need(askNewPageTitle(vscode.l10n.t('{0} and {1} more', names[0], names.length - 1)))) : o.title;
    const target: GroupTarget = { pageId: parent.id, as: 'newPage', parent: parent.kind, ...(property ? { property } : {}), ...(title ? { title } : {}) };
    const where = { id: parent.id, title: parent.title };
    if (parent.kind === 'page') await this.recents.add(where);
    const groups = mode === 'one' ? [uris] : uris.map((u) => [u]);
    return this.runGroups(groups, where, 'newPage', groups.map(() => target), linked, note);
  }

  /** Replace a File on Page…: the page, then one of its media blocks the file fits; confirmed when confirmReplace is on. */
  private async replaceOnPage(uri: vscode.Uri, o: CommandOptions, scripted: boolean, linked: ReadonlySet<string>, note: string): Promise<UploadCommandResult> {
    const name = path.basename(uri.fsPath);
    const page = await need(askPage(this.services, this.recents, o.page ?? defaultTarget(uri), vscode.l10n.t('Replace a File on Page: choose the page')));
    let blockId = o.block;
    if (!blockId) {
      const service = await this.services.uploads();
      const blocks = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the files on "{0}"…', page.title) },
        () => service.listMediaBlocks(page.id),
      );
      const block = await need(askBlock(blocks, name, page.title));
      await confirmReplacing(this.services, { page, target: buildTarget(page.id, 'replace', { block: block.blockId }), newName: name, block }, !scripted);
      blockId = block.blockId;
    }
    await this.recents.add(page);
    return this.runUploads([uri], page, 'replace', buildTarget(page.id, 'replace', { block: blockId, caption: o.caption }), undefined, undefined, linked, note);
  }

  /**
   * Files that share one write (a comment holds three, a page holding all): one job per group
   * under one notification, each group's files uploaded one after another, then attached.
   */
  private async runGroups(
    groups: vscode.Uri[][], page: PickedPage, placement: PlacementChoice, targets: GroupTarget[], linked: ReadonlySet<string> = new Set(), note = '',
  ): Promise<UploadCommandResult> {
    const service = await this.services.uploads();
    const target = targets[0];
    const groupOf = new Map<BatchJob<GroupResult>, vscode.Uri[]>();
    const targetOf = new Map<BatchJob<GroupResult>, GroupTarget>();
    const jobs = await Promise.all(groups.map(async (g, i) => {
      const sizes = await Promise.all(g.map((u) => vscode.workspace.fs.stat(u).then((s) => s.size, () => 0)));
      const job: BatchJob<GroupResult> = {
        label: g.map((u) => path.basename(u.fsPath)).join(', '),
        sizeBytes: sizes.reduce((a, b) => a + b, 0),
        run: (signal, onProgress) => service.uploadAndAttachGroup(g.map((u) => u.fsPath), targets[i], {
          signal, onProgress: (sent) => onProgress(sent),
          // The user's yes to the links of the selection that lead outside the workspace.
          allowOutsideWorkspace: g.some((u) => linked.has(u.fsPath)),
        }),
      };
      groupOf.set(job, g);
      targetOf.set(job, targets[i]);
      return job;
    }));
    const all = groups.flat();
    const title = progressTitle(all.map((u) => path.basename(u.fsPath)), page.title, target);
    const report = await runBatch(title, jobs, 1, 'attaching…');
    const created = report.outcomes.flatMap((o) => (o.ok && o.value.createdPageId ? [o.value.createdPageId] : []));
    showBatchSummary(report, {
      successMessage: (r) => {
        const names = r.outcomes.flatMap((o) => (o.ok ? groupOf.get(o.job)!.map((u) => path.basename(u.fsPath)) : []));
        const pages = created.length > 1 ? vscode.l10n.t(' ({0} pages)', created.length) : '';
        return `${placedMessage(names, page.title, target)}${pages}.${note}`;
      },
      retry: (failed) => this.runGroups(failed.map((j) => groupOf.get(j)!), page, placement, failed.map((j) => targetOf.get(j)!), linked),
      showLog: () => this.log.show(),
      log: (m, e) => this.log.error(m, e),
      successActions: [{ title: vscode.l10n.t('Open Page'), run: () => openPage(created.length === 1 ? created[0] : page.id) }],
    });
    return {
      pageId: page.id,
      placement,
      uploads: report.outcomes.flatMap((o): UploadCommandResult['uploads'] => {
        const files = groupOf.get(o.job)!;
        if (!o.ok) return files.map((u) => ({ file: u.fsPath, ok: false, error: o.cancelled ? 'cancelled' : errorText(o.error) }));
        return o.value.files.map((f, i) => ({
          file: files[i].fsPath, ok: true, key: f.key, fileUploadId: f.fileUpload.id, reused: f.reused,
          ...(f.createdPageId ? { createdPageId: f.createdPageId } : {}), ...(f.commentId ? { commentId: f.commentId } : {}),
        }));
      }),
    };
  }

  /**
   * Some files of the batch cannot go: asked once whether to send the others (a script's
   * call sends them and is told in the result and a notification). `accepted`: the types the
   * placement takes, listed in the question so the user sees why.
   */
  private async confirmValidOnly(refused: RefusedFile[], total: number, scripted: boolean, accepted: string): Promise<void> {
    const rest = total - refused.length;
    const summary = refusalSummary(refused, total);
    this.log.warn(summary);
    if (scripted) {
      void vscode.window.showWarningMessage(rest === 1 ? vscode.l10n.t('{0} Sending the other one.', summary) : vscode.l10n.t('{0} Sending the other {1}.', summary, rest));
      return;
    }
    const go = vscode.l10n.t('Upload {0}', rest);
    const answer = await vscode.window.showWarningMessage(
      rest === 1 ? vscode.l10n.t('{0} Upload the other one?', summary) : vscode.l10n.t('{0} Upload the other {1}?', summary, rest),
      { modal: true, detail: vscode.l10n.t('Notion accepts — {0}.', accepted) }, go);
    if (answer !== go) throw new Dismissed();
  }

  /**
   * Runs (or re-runs, for Retry Failed) the uploads of these files under one notification.
   * `replaces`: per file, the failed attempt's record a retry takes over (one row per file).
   */
  private async runUploads(
    uris: vscode.Uri[], page: PickedPage, placement: PlacementChoice, target: AttachTarget | undefined, replaces?: Map<vscode.Uri, string>,
    temporary?: ReadonlyMap<string, TemporarySource>,
    linked: ReadonlySet<string> = new Set(),
    /** Said after the success message: which version of files with unsaved changes was sent. */
    note = '',
  ): Promise<UploadCommandResult> {
    const service = await this.services.uploads();
    const uriOf = new Map<BatchJob<Outcome>, vscode.Uri>();
    const keyOf = new Map<BatchJob<Outcome>, string>();
    const jobs: BatchJob<Outcome>[] = await Promise.all(uris.map(async (u) => {
      const job: BatchJob<Outcome> = {
        label: path.basename(u.fsPath),
        sizeBytes: (await vscode.workspace.fs.stat(u).then((s) => s.size, () => 0)),
        run: (signal: AbortSignal, onProgress: (n: number) => void) => {
          const temp = temporary?.get(u.fsPath);
          const opts = {
            signal, onProgress, replaces: replaces?.get(u), onRecord: (k: string) => keyOf.set(job, k), origin: temp?.origin, noRetry: temp?.noRetry,
            // The user said yes to this link's target outside the workspace (outsideLinks.ts);
            // a pasted or shrunk copy is our own temporary file.
            allowOutsideWorkspace: linked.has(u.fsPath) || !!temp,
          };
          return target
            ? service.uploadAndAttach(u.fsPath, target, opts)
            : service.upload(u.fsPath, opts).then((fileUpload) => ({ fileUpload, key: keyOf.get(job) }));
        },
      };
      uriOf.set(job, u);
      return job;
    }));
    const title = progressTitle(jobs.map((j) => j.label), page.title, target);
    // New blocks land in the order the files were given: one file at a time for blocks.
    const report = await runBatch(title, jobs, target?.as === 'block' ? 1 : transferSettings().concurrency, target ? 'attaching…' : undefined);
    // Retry Failed takes over each failed attempt's row instead of adding one next to it.
    const failedRows = (failed: BatchJob<Outcome>[]) =>
      new Map(failed.flatMap((j) => (keyOf.has(j) ? [[uriOf.get(j)!, keyOf.get(j)!] as const] : [])));
    showBatchSummary(report, {
      successMessage: (r) => `${this.successMessage(r, page, target)}${note}`,
      // A temporary copy (pasted, shrunk) is deleted once the batch ends: only the others can be retried.
      retry: (failed) => {
        const again = failed.filter((j) => !temporary?.has(uriOf.get(j)!.fsPath));
        if (again.length) return this.runUploads(again.map((j) => uriOf.get(j)!), page, placement, target, failedRows(again), undefined, linked);
        return vscode.window.showInformationMessage(vscode.l10n.t('A pasted or shrunk image is a temporary copy that is gone now: paste it again, or upload the original again.'));
      },
      showLog: () => this.log.show(),
      log: (m, e) => this.log.error(m, e),
      successActions: target ? [{ title: vscode.l10n.t('Open Page'), run: () => openPage(page.id) }] : [],
    });
    return toResult(uris, report, page, placement);
  }

  private successMessage(r: BatchReport<Outcome>, page: PickedPage, target: AttachTarget | undefined): string {
    const ok = r.outcomes.filter((o) => o.ok);
    const reused = ok.filter((o) => o.ok && o.value.reused).length;
    const names = ok.length === 1 ? `"${ok[0].job.label}"` : vscode.l10n.t('{0} files', ok.length);
    const reuse = !reused ? ''
      : reused === ok.length && ok.length === 1 ? vscode.l10n.t(' (the same file was uploaded before: reused, nothing sent)') : vscode.l10n.t(' ({0} reused without sending)', reused);
    if (!target) return vscode.l10n.t('Uploaded {0} to Notion{1}. Attach within an hour from the Uploads view.', names, reuse);
    return `${placedMessage(ok.map((o) => o.job.label), page.title, target)}${reuse}.`;
  }

  private async chooseFiles(fixed: Placement | undefined): Promise<vscode.Uri[]> {
    const active = activeEditorFile();
    if (active && fixed) return [active];
    const single = fixed === 'cover' || fixed === 'icon' || fixed === 'replace';
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: !single,
      openLabel: vscode.l10n.t('Upload to Notion'),
      filters: openDialogFilters(fixed === 'cover' || fixed === 'icon'),
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    return need(picked?.length ? picked : undefined);
  }

  /** Property name, block type and caption: from the arguments or asked. */
  private async completeTarget(page: PickedPage, placement: Placement, o: CommandOptions, scripted: boolean, files = 1): Promise<AttachTarget> {
    const property = placement === 'property' ? await need(askProperty(this.services, page, o.property)) : undefined;
    const caption = placement === 'block' && o.caption === undefined && !scripted ? await need(askCaption(files)) : o.caption;
    const comment = placement === 'comment' ? (scripted ? o.comment : await need(askComment(o.comment, page.title))) : undefined;
    return buildTarget(page.id, placement, { property, blockType: o.blockType as MediaBlockType | undefined, caption, comment });
  }

  /** Import File from URL…: Notion downloads a public https file; then attach it (or keep it for later). */
  importFromUrl(args: unknown[]): Promise<UploadCommandResult | undefined> {
    return this.guard(vscode.l10n.t('Import File from URL'), async () => {
      const { options, scripted } = parseArgs(args);
      const url = options.url ?? (await need(askUrl(vscode.l10n.t('Import File from URL'), vscode.l10n.t('Notion downloads the file itself: it must be public https with a Content-Type and Content-Length.'))));
      const interactivePage = !scripted && !options.url;
      const page = options.page || interactivePage ? await need(askPage(this.services, this.recents, options.page ?? defaultTarget(), vscode.l10n.t('Import File from URL: choose the page'))) : undefined;
      const filename = options.filename ?? (path.posix.basename(new URL(url).pathname) || 'file');
      const placement: PlacementChoice = page ? options.placement ?? (await need(askPlacement([filename], page.title, true, page.inDatabase))) : 'none';
      const target = page && placement !== 'none' ? await this.completeTarget(page, placement, options, scripted) : undefined;
      if (page && target) await confirmReplacing(this.services, { page, target, newName: filename }, !scripted);
      if (page) await this.recents.add(page);
      const service = await this.services.uploads();
      const result = await withCancellableProgress(vscode.l10n.t('Notion is importing {0}', url), async (signal) => {
        const upload = await service.importFromUrl(url, { filename: options.filename, signal });
        if (target) await service.attach(upload.id, target, signal);
        return upload;
      });
      const key = service.history.findByUploadId(result.id)?.key;
      const name = result.filename ?? filename;
      if (target && page) showPlaced(vscode.l10n.t('{0} (Notion imported it from the link).', placedMessage([name], page.title, target)), page.id);
      else void vscode.window.showInformationMessage(vscode.l10n.t('Imported "{0}": attach it within an hour from the Uploads view.', name));
      return { pageId: page?.id, placement, uploads: [{ file: url, ok: true, key, fileUploadId: result.id }] };
    });
  }

  /** Link External URL…: the page points at the URL (type "external"); nothing is uploaded. */
  linkExternal(args: unknown[]): Promise<UploadCommandResult | undefined> {
    return this.guard(vscode.l10n.t('Link External URL'), async () => {
      const { options, scripted } = parseArgs(args);
      const url = options.url ?? (await need(askUrl(vscode.l10n.t('Link External URL'), vscode.l10n.t('The page will point at this https URL; nothing is uploaded and the link never expires.'))));
      const page = await need(askPage(this.services, this.recents, options.page ?? defaultTarget(), vscode.l10n.t('Link External URL: choose the page')));
      const name = path.posix.basename(new URL(url).pathname) || new URL(url).hostname;
      const placement = options.placement ?? (await need(askPlacement([name], page.title, false, page.inDatabase, false)));
      if (placement === 'none') throw new Error(vscode.l10n.t('Link External URL needs a placement (cover, icon, block or property): a link cannot wait in the Uploads view.'));
      const target = await this.completeTarget(page, placement, options, scripted);
      await confirmReplacing(this.services, { page, target, newName: name }, !scripted);
      await this.recents.add(page);
      const service = await this.services.uploads();
      const res = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Linking {0} on "{1}"…', url, page.title) },
        () => service.attachExternal(url, target),
      );
      this.log.info(`Linked ${url} to ${page.id} as ${target.as}`);
      showPlaced(vscode.l10n.t('{0}: a link to {1}, nothing uploaded.', placedMessage([name], page.title, target), url), page.id);
      return { pageId: page.id, placement, uploads: [{ file: url, ok: true, blockId: res.blockId }] };
    });
  }
}

function askUrl(title: string, prompt: string): Thenable<string | undefined> {
  // Against the local emulator (sandbox, tests) http links work too: the core's own rule.
  const http = httpLinksAllowedNow();
  return vscode.window.showInputBox({
    title, prompt: http ? `${prompt} ${vscode.l10n.t('http:// works too here: the API address is this machine (the emulator).')}` : prompt,
    placeHolder: 'https://example.com/diagram.png', ignoreFocusOut: true,
    validateInput: (v) => {
      try {
        const u = new URL(v.trim());
        return u.protocol === 'https:' || (http && u.protocol === 'http:') ? undefined : vscode.l10n.t('Notion accepts https URLs only');
      } catch {
        return vscode.l10n.t('Enter a full URL (https://…)');
      }
    },
  }).then((v) => v?.trim() || undefined);
}

function httpLinksAllowedNow(): boolean {
  try {
    return httpLinksAllowed(connectionSettings().baseUrl);
  } catch {
    return false; // a bad API address is reported when the command connects
  }
}

function toResult(uris: vscode.Uri[], report: BatchReport<Outcome>, page: PickedPage, placement: PlacementChoice): UploadCommandResult {
  return {
    pageId: page.id,
    placement,
    uploads: report.outcomes.map((o, i) =>
      o.ok
        ? { file: uris[i].fsPath, ok: true, key: o.value.key, fileUploadId: o.value.fileUpload.id, reused: o.value.reused ?? false, blockId: o.value.blockId }
        : { file: uris[i].fsPath, ok: false, error: o.cancelled ? 'cancelled' : errorText(o.error) }),
  };
}
