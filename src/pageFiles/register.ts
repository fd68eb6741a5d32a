// The page files browser, VS Code side: the Page Files view, its commands (registered in
// commands.ts), and the same operations for other extensions. Activation only creates the
// (empty) view; the network core is loaded on first use.
import * as vscode from 'vscode';
import type { CopyResult } from '../core/files/copy';
import type { DownloadResult } from '../core/files/download';
import type { PageFile } from '../core/files/types';
import type { AttachTarget } from '../core/upload/types';
import { PageFilesCommands } from './commands';
import { PageFilesConnection } from './connection';
import { FollowUploads } from './followUploads';
import { PageFilesView } from './view';
import type { FeatureContext } from '../common/context';

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

/** The Page Files view and its connection (activation creates only the empty view). */
export function registerPageFiles(ctx: FeatureContext): { commands: PageFilesCommands; api: PageFilesApi } {
  // A file dropped on a media item runs Replace File… on it (asked like a menu click).
  const view = new PageFilesView((key, file) => vscode.commands.executeCommand('notionAssets.pageFiles.replaceFile', key, { file, confirm: true }));
  const connection = new PageFilesConnection(ctx.services, view);
  const commands = new PageFilesCommands(ctx.services, connection, view, ctx.recents);
  ctx.extension.subscriptions.push(view, connection, new FollowUploads(ctx.history, () => connection.active));
  const service = () => connection.service();
  const api = Object.freeze({
    listFiles: async (page, opts) => (await service()).listFiles(page, opts),
    freshUrl: async (file, opts) => (await service()).freshUrl(file, { verify: true, ...opts }),
    download: async (file, folder, opts = {}) =>
      (await service()).download(file, { ...opts, directory: folder, confirmOverwrite: () => opts.overwrite ?? false }),
    copyToPage: async (file, target, opts) => (await service()).copyToPage(file, target, opts),
  } satisfies PageFilesApi);
  return { commands, api };
}
