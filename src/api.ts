// The API other extensions get from `vscode.extensions.getExtension('notion-assets.notion-assets').activate()`.
// Versioned: fields are only ever added; a breaking change would bump `version`.
import type * as vscode from 'vscode';
import type { UploadRecord } from './core/history/types';
import type { HistoryChange } from './core/history/uploadHistory';
import type { FileUpload } from './core/notion/types';
import type { AttachTarget, GroupResult, GroupTarget, UploadAndAttachResult } from './core/upload/types';
import type { Services } from './common/services';

export interface NotionAssetsApi {
  readonly version: 1;
  /**
   * Uploads a local file; with a target, attaches it too. Same service, history and token as the
   * commands. Targets: cover, icon, block, property, and `replace` (the file of an existing media
   * block: `{pageId, as: 'replace', blockId, caption?}`), `comment` (`{pageId, as: 'comment', comment}`),
   * `newPage` (`{pageId: page or database, as: 'newPage', property?, title?, cover?}`).
   */
  upload(file: vscode.Uri | string, target?: AttachTarget, opts?: { signal?: AbortSignal; onProgress?: (sent: number, total: number) => void }): Promise<UploadAndAttachResult | FileUpload>;
  /**
   * Several files into one comment (three per comment; more become several comments) or one new
   * page holding them all. Every file and the target are checked before anything is sent.
   */
  uploadGroup(files: (vscode.Uri | string)[], target: GroupTarget, opts?: { signal?: AbortSignal; onProgress?: (sent: number, total: number) => void }): Promise<GroupResult>;
  /** Has Notion import a public https URL; with a target, attaches it once imported. */
  importFromUrl(url: string, target?: AttachTarget, opts?: { filename?: string; signal?: AbortSignal }): Promise<FileUpload>;
  /** Attaches an existing upload (by Notion id) again: no bytes are sent. */
  attach(fileUploadId: string, target: AttachTarget, opts?: { signal?: AbortSignal }): Promise<void>;
  /** Links an https URL without uploading. */
  attachExternal(url: string, target: AttachTarget, opts?: { signal?: AbortSignal }): Promise<{ blockId?: string }>;
  /** The upload history, newest first. */
  listUploads(): UploadRecord[];
  /** Fires when a history record changes (keys of the records touched; empty = everything). */
  readonly onDidChangeUploads: vscode.Event<HistoryChange>;
}

function toPath(file: vscode.Uri | string): string {
  return typeof file === 'string' ? file : file.fsPath;
}

export function createApi(services: Services): NotionAssetsApi {
  return Object.freeze({
    version: 1 as const,
    upload: async (file, target, opts) => {
      const s = await services.uploads();
      return target ? s.uploadAndAttach(toPath(file), target, opts) : s.upload(toPath(file), opts);
    },
    uploadGroup: async (files, target, opts) => (await services.uploads()).uploadAndAttachGroup(files.map(toPath), target, opts),
    importFromUrl: async (url, target, opts) => {
      const s = await services.uploads();
      const upload = await s.importFromUrl(url, opts);
      if (target) await s.attach(upload.id, target, opts?.signal);
      return upload;
    },
    attach: async (id, target, opts) => (await services.uploads()).attach(id, target, opts?.signal),
    attachExternal: async (url, target, opts) => (await services.uploads()).attachExternal(url, target, opts?.signal),
    listUploads: () => services.history.list(),
    onDidChangeUploads: services.history.onDidChange,
  } satisfies NotionAssetsApi);
}
