// The Page Files commands: Browse Files on Page…, Refresh, Cancel, and the item actions
// Open in Browser, Copy Link, Download to Workspace…, Copy to Another Page…. Each takes
// the view's item, or arguments for scripts and tests (see README).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CopyResult } from '../core/files/copy';
import type { WalkState } from '../core/files/model';
import { describeLocation, FILE_BLOCK_TYPES, type FileBlockType, type PageFile } from '../core/files/types';
import { SUPPORTED_EXTENSIONS } from '../core/media/extensions';
import { confirmReplacing } from '../upload/confirmReplacing';
import type { UploadCommandResult } from '../upload/uploadCommands';
import { parseNotionId } from '../core/ids';
import { percentReporter, runCommand, withCancellableProgress } from '../ui/commandRunner';
import { showError } from '../ui/errorMessages';
import { percent } from '../ui/format';
import type { PageFilesConnection } from './connection';
import { isLinkOnly } from './item';
import { PAGE_FILES_VIEW_ID, type PageFilesView } from './view';
import type { RecentTargets } from '../storage/recentTargets';
import type { Services } from '../common/services';
import { showPlaced } from '../ui/placedNotice';
import { placedMessage, placementTitle } from '../ui/placementText';
import { askPage, askTarget, type TargetAnswers } from '../pickers/targetPicker';
import { openDialogFilters } from '../upload/refusals';
import { attachedPages } from '../uploadsView/item';

export interface BrowseResult {
  pageId: string;
  state: WalkState;
  files: PageFile[];
  /** What the view shows: its message and one row per file (for scripts and tests). */
  view: { message?: string; rows: Array<{ key: string; label: string; description: string; contextValue?: string }> };
}

export interface DownloadArgs {
  /** Folder to write into (path or Uri); asked when missing. */
  folder?: string | vscode.Uri;
  /** Instead of the name derived from Notion's; refused if it is not a plain file name. */
  fileName?: string;
  /** Answer to "replace the existing file?" without asking. */
  overwrite?: boolean;
}

export type CopyArgs = TargetAnswers;

export interface ReplaceArgs {
  /** The workspace file that replaces the block's file (path or Uri); picked when missing (then confirmReplace asks). */
  file?: string | vscode.Uri;
  /** A new caption; the block keeps its caption when missing. */
  caption?: string;
  /** Ask "Replace?" (confirmReplace) even though the file is given: a drop is a person's act, not a script's. */
  confirm?: boolean;
}

const WALKING_CONTEXT = 'notionAssets.pageFiles.walking';
const HAS_PAGE_CONTEXT = 'notionAssets.pageFiles.hasPage';

export class PageFilesCommands {
  private pageId: string | undefined;
  private walk: AbortController | undefined;

  constructor(
    private readonly services: Services,
    private readonly connection: PageFilesConnection,
    private readonly view: PageFilesView,
    private readonly recents: RecentTargets,
  ) {}

  /** Shows an error the way every command does (see commandRunner.ts). */
  private run<T>(what: string, body: () => Promise<T>): Promise<T | undefined> {
    return runCommand(this.services.log, what, body);
  }

  /** The page to browse: an id/URL, an Uploads view item (its page), or the picker. */
  private async choosePage(arg: unknown): Promise<string | undefined> {
    const given = typeof arg === 'string' ? arg : (arg as { page?: unknown } | undefined)?.page;
    if (typeof given === 'string' && given) {
      const record = this.services.history.get(given);
      if (!record) return parseNotionId(given, 'page');
      const pages = attachedPages(record);
      if (pages.length <= 1) {
        if (!pages.length) throw new Error(vscode.l10n.t('“{0}” is not attached to any page yet.', record.filename));
        return pages[0];
      }
      const picked = await vscode.window.showQuickPick(
        pages.map((p) => ({ label: this.recents.title(p) ?? p, description: p, pageId: p })),
        { title: vscode.l10n.t('Pages “{0}” is attached to', record.filename) },
      );
      return picked?.pageId;
    }
    return (await askPage(this.services, this.recents, undefined, vscode.l10n.t('Browse Files on Page…')))?.id;
  }

  /** Notion: Browse Files on Page… — lists the page's files in the Page Files view. */
  async browse(arg?: unknown): Promise<BrowseResult | undefined> {
    return this.run(vscode.l10n.t('Browse Files on Page'), async () => {
      const pageId = await this.choosePage(arg);
      if (!pageId) return undefined;
      this.pageId = pageId;
      void vscode.commands.executeCommand('setContext', HAS_PAGE_CONTEXT, true);
      const browser = await this.connection.browser();
      void vscode.commands.executeCommand(`${PAGE_FILES_VIEW_ID}.focus`);
      const maxDepth = typeof (arg as { maxDepth?: unknown })?.maxDepth === 'number' ? (arg as { maxDepth: number }).maxDepth : undefined;
      this.walk?.abort();
      const walk = (this.walk = new AbortController());
      await vscode.commands.executeCommand('setContext', WALKING_CONTEXT, true);
      const state = await withCancellableProgress(vscode.l10n.t('Reading the page’s files'), (signal, progress) => {
        signal.addEventListener('abort', () => walk.abort());
        const sub = browser.model.onDidChange((e) => {
          if (e.type === 'progress') progress.report({ message: vscode.l10n.t('{0} blocks read, {1} files found', e.progress.blocks, e.progress.files) });
        });
        return browser.open(pageId, { signal: walk.signal, maxDepth }).finally(() => sub.dispose());
      });
      if (this.walk === walk) {
        this.walk = undefined;
        await vscode.commands.executeCommand('setContext', WALKING_CONTEXT, false);
      }
      const model = browser.model;
      if (state === 'failed' && model.error) {
        this.services.log.error('Browse Files on Page', model.error);
        showError(vscode.l10n.t('Browse Files on Page'), model.error, () => this.services.log.show());
      }
      if (state === 'done' && model.title) await this.recents.add({ id: model.pageId ?? pageId, title: model.title });
      return { pageId: model.pageId ?? pageId, state, files: model.files, view: this.view.snapshot() };
    });
  }

  async refresh(): Promise<BrowseResult | undefined> {
    if (!this.pageId) return this.browse();
    return this.browse(this.pageId);
  }

  cancel(): void {
    this.walk?.abort();
  }

  /** The file an item action is about: the view element, a key, or a PageFile (scripts). */
  private file(arg: unknown, what: string): PageFile {
    const key = typeof arg === 'string' ? arg : (arg as { key?: unknown } | undefined)?.key;
    const f = this.view.fileFor(typeof key === 'string' ? key : undefined);
    if (!f) throw new Error(vscode.l10n.t('{0}: choose a file in the Page Files view.', what));
    return f;
  }

  private async fresh(f: PageFile): Promise<PageFile> {
    const browser = await this.connection.browser();
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Getting a fresh link…') }, () => browser.freshFile(f, { verify: true }));
  }

  async openInBrowser(arg?: unknown): Promise<boolean | undefined> {
    return this.run(vscode.l10n.t('Open in Browser'), async () => {
      const f = await this.fresh(this.file(arg, vscode.l10n.t('Open in Browser')));
      // A string keeps the signed URL byte for byte; vscode.Uri would re-encode its query.
      return await vscode.env.openExternal(f.url as unknown as vscode.Uri);
    });
  }

  async copyLink(arg?: unknown): Promise<string | undefined> {
    return this.run(vscode.l10n.t('Copy Link'), async () => {
      const f = await this.fresh(this.file(arg, vscode.l10n.t('Copy Link')));
      await vscode.env.clipboard.writeText(f.url);
      const until = f.expiryTime ? vscode.l10n.t(' (works until {0})', new Date(f.expiryTime).toLocaleTimeString()) : '';
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the link to “{0}”{1}', f.name, until), 5000);
      return f.url;
    });
  }

  private async chooseFolder(given: DownloadArgs['folder']): Promise<string | undefined> {
    if (given) return typeof given === 'string' ? given : given.fsPath;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      defaultUri: root,
      openLabel: vscode.l10n.t('Download Here'),
      title: vscode.l10n.t('Download to folder'),
    });
    return picked?.[0]?.fsPath;
  }

  async download(arg?: unknown, args: DownloadArgs = {}): Promise<{ path: string; bytes: number; sha256: string } | undefined> {
    return this.run('Download', async () => {
      const f = this.file(arg, 'Download');
      if (isLinkOnly(f)) throw new Error(vscode.l10n.t('“{0}” is a link to a web page, not a file: use Open in Browser.', f.name));
      const folder = await this.chooseFolder(args.folder);
      if (!folder) return undefined;
      const service = await this.connection.service();
      let declined = false;
      const confirmOverwrite = async (target: string) => {
        if (args.overwrite !== undefined) return args.overwrite;
        const ok = (await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists in {1}. Replace it?', path.basename(target), path.dirname(target)), { modal: true }, vscode.l10n.t('Replace'))) === vscode.l10n.t('Replace');
        declined = !ok;
        return ok;
      };
      const res = await withCancellableProgress(vscode.l10n.t('Downloading “{0}”', f.name), (signal, progress) => {
        const reportPercent = percentReporter(progress, (pct) => `${pct}%`);
        return service.download(f, {
          directory: folder,
          fileName: args.fileName,
          signal,
          confirmOverwrite,
          onProgress: (received, total) => {
            if (!total) return progress.report({ message: `${Math.round(received / 1024)} KiB` });
            reportPercent(received, total);
          },
        }).catch((e: unknown) => {
          // "Don't replace" was the user's answer, not a failure: nothing to report.
          if (declined) throw new vscode.CancellationError();
          throw e;
        });
      });
      const uri = vscode.Uri.file(res.path);
      void vscode.window.showInformationMessage(vscode.l10n.t('Downloaded “{0}” to {1}.', f.name, vscode.workspace.asRelativePath(uri)), vscode.l10n.t('Open'), vscode.l10n.t('Reveal in Explorer')).then((pick) => {
        if (pick === vscode.l10n.t('Open')) void vscode.commands.executeCommand('vscode.open', uri);
        if (pick === vscode.l10n.t('Reveal in Explorer')) void vscode.commands.executeCommand('revealInExplorer', uri);
      });
      return { path: res.path, bytes: res.bytes, sha256: res.sha256 };
    });
  }

  /**
   * Replace File… on an image/video/audio/pdf/file block: a workspace file (picked, or `file`)
   * goes through the upload service into the block (Replace a File on Page with page and block
   * given); asked first when notionAssets.confirmReplace is on, unless a script gave the file.
   */
  async replaceFile(arg?: unknown, args: ReplaceArgs = {}): Promise<UploadCommandResult | undefined> {
    return this.run(vscode.l10n.t('Replace File'), async () => {
      const f = this.file(arg, vscode.l10n.t('Replace File'));
      const loc = f.location;
      if (loc.type !== 'block' || !(FILE_BLOCK_TYPES as readonly string[]).includes(loc.blockType)) {
        throw new Error(vscode.l10n.t('Replace File: “{0}” is the page\'s {1}; only image, video, audio, pdf and file blocks hold a file to replace.', f.name, describeLocation(loc)));
      }
      const given = args.file === undefined ? undefined : typeof args.file === 'string' ? vscode.Uri.file(args.file) : args.file;
      const uri = given ?? (await this.chooseReplacement(loc.blockType as FileBlockType, f.name));
      if (!uri) return undefined;
      const page = { id: f.pageId, title: this.recents.title(f.pageId) ?? vscode.l10n.t('the page') };
      const target = { pageId: f.pageId, as: 'replace' as const, blockId: loc.blockId };
      await confirmReplacing(this.services, { page, target, newName: path.basename(uri.fsPath), block: { name: f.name, blockType: loc.blockType } }, !given || !!args.confirm);
      const result = await vscode.commands.executeCommand<UploadCommandResult | undefined>('notionAssets.replaceOnPage', {
        files: [uri], page: f.pageId, block: loc.blockId, ...(args.caption !== undefined ? { caption: args.caption } : {}),
      });
      // The view lists the block's old file until it is read again.
      if (result?.uploads.some((u) => u.ok) && this.pageId === f.pageId) await this.refresh();
      return result;
    });
  }

  private async chooseReplacement(blockType: FileBlockType, current: string): Promise<vscode.Uri | undefined> {
    const filters = blockType === 'pdf' ? { PDF: ['pdf'] } : blockType === 'file' ? openDialogFilters(false) : { [blockType]: [...SUPPORTED_EXTENSIONS[blockType]] };
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      filters,
      openLabel: vscode.l10n.t('Replace'),
      title: vscode.l10n.t('Replace “{0}” ({1} block) with…', current, blockType),
    });
    return picked?.[0];
  }

  async copyToPage(arg?: unknown, args: CopyArgs = {}): Promise<CopyResult | undefined> {
    return this.run(vscode.l10n.t('Copy to Another Page'), async () => {
      const f = this.file(arg, vscode.l10n.t('Copy to Another Page'));
      if (isLinkOnly(f)) throw new Error(vscode.l10n.t('“{0}” is a link to a web page, not a file: copy its link instead.', f.name));
      const asked = await askTarget(this.services, this.recents, f.name, args, vscode.l10n.t('Copy “{0}” to…', f.name));
      if (!asked) return undefined;
      const { page, target } = asked;
      // As the upload flows: a person's copy onto a page's cover or icon asks first; a script (page given) does not.
      await confirmReplacing(this.services, { page, target, newName: f.name }, args.page === undefined);
      const service = await this.connection.service();
      const how = f.kind === 'external' ? vscode.l10n.t('linking it') : vscode.l10n.t('Notion imports it from a fresh link');
      const res = await withCancellableProgress(vscode.l10n.t('{0}: “{1}” → “{2}” ({3})', placementTitle(target.as), f.name, page.title, how), (signal, progress) => {
        // Only when Notion could not import the link and the bytes go through this machine.
        let shown = '';
        const onProgress = (stage: 'download' | 'upload', done: number, total: number | undefined) => {
          const doing = stage === 'download' ? vscode.l10n.t('downloading') : vscode.l10n.t('uploading');
          const message = vscode.l10n.t('re-uploading: {0}', doing) + (total ? ` ${percent(done, total)}%` : '');
          if (message !== shown) progress.report({ message: (shown = message) });
        };
        return service.copyToPage(f, target, { signal, onProgress, sourceTitle: this.recents.title(f.pageId) });
      });
      await this.recents.add(page);
      const note = res.via === 'reupload' ? vscode.l10n.t(' (Notion could not import the link, so it was re-uploaded)') : '';
      showPlaced(`${placedMessage([f.name], page.title, target, 'copied')}${note}.`, page.id);
      return res;
    });
  }
}
