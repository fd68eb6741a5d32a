// The page files browser (issue #6), VS Code side: the Page Files view, its commands, and
// the same operations for other extensions. Activation only creates the (empty) view and
// registers commands; the network core is loaded on first use.
import * as vscode from 'vscode';
import type { CopyResult } from '../core/files/copy';
import type { DownloadResult } from '../core/files/download';
import type { PageFile } from '../core/files/types';
import type { AttachTarget } from '../core/upload/types';
import { PageFilesCommands } from './commands';
import { PageFilesConnection } from './connection';
import { PageFilesView } from './view';
import { RecentTargets } from '../storage/recentTargets';
import type { Services } from '../common/services';

/** The file browser's operations for other extensions (same token, service and settings as the commands). */
export interface PageFilesApi {
  /** Every file on a page (id or URL): cover, icon, file-bearing blocks, files properties. */
  listFiles(page: string, opts?: { maxDepth?: number; signal?: AbortSignal }): Promise<PageFile[]>;
  /**
   * A link good for at least five more minutes (re-reads the page or block when needed).
   * `verify` (default true) also tries a fresh-looking hosted link on the file host first.
   */
  freshUrl(file: PageFile, opts?: { signal?: AbortSignal; verify?: boolean }): Promise<string>;
  /** Streams the file into `folder`; never overwrites unless `overwrite` is true. */
  download(
    file: PageFile,
    folder: string,
    opts?: { fileName?: string; overwrite?: boolean; signal?: AbortSignal; onProgress?: (received: number, total?: number) => void },
  ): Promise<DownloadResult>;
  /**
   * Puts the file on another page: an import of a fresh link by Notion (no download), a link,
   * or — when Notion cannot import the link — a download to a temp file and a new upload (`via`).
   */
  copyToPage(file: PageFile, target: AttachTarget, opts?: { signal?: AbortSignal }): Promise<CopyResult>;
}

export function registerPageFiles(context: vscode.ExtensionContext, services: Services): PageFilesApi {
  // The view exists before its commands; a drop waits for them (they are set right below).
  let commands: PageFilesCommands | undefined;
  const view = new PageFilesView((key, file) => commands?.replaceFile(key, { file, confirm: true }));
  const connection = new PageFilesConnection(services, view);
  commands = new PageFilesCommands(services, connection, view, new RecentTargets(context.globalState));
  const table: Record<string, (...args: any[]) => unknown> = {
    'notionAssets.browseFiles': (arg) => commands!.browse(arg),
    'notionAssets.pageFiles.refresh': () => commands!.refresh(),
    'notionAssets.pageFiles.cancel': () => commands!.cancel(),
    'notionAssets.pageFiles.openInBrowser': (arg) => commands!.openInBrowser(arg),
    'notionAssets.pageFiles.copyLink': (arg) => commands!.copyLink(arg),
    'notionAssets.pageFiles.download': (arg, args) => commands!.download(arg, args),
    'notionAssets.pageFiles.copyToPage': (arg, args) => commands!.copyToPage(arg, args),
    'notionAssets.pageFiles.replaceFile': (arg, args) => commands!.replaceFile(arg, args),
  };
  context.subscriptions.push(
    view,
    connection,
    ...Object.entries(table).map(([id, fn]) => vscode.commands.registerCommand(id, fn)),
  );
  const service = () => connection.service();
  return Object.freeze({
    listFiles: async (page, opts) => (await service()).listFiles(page, opts),
    freshUrl: async (file, opts) => (await service()).freshUrl(file, { verify: true, ...opts }),
    download: async (file, folder, opts = {}) =>
      (await service()).download(file, { ...opts, directory: folder, confirmOverwrite: () => opts.overwrite ?? false }),
    copyToPage: async (file, target, opts) => (await service()).copyToPage(file, target, opts),
  } satisfies PageFilesApi);
}
