// Copy to another page, preferably without a local download: a Notion-hosted file is
// imported by Notion itself from a fresh signed URL (`external_url` mode), then attached; an
// external file is linked as is; one of our own uploads is simply attached again by id.
// When Notion will not import the link (the real service may refuse its own S3 links, which
// do not answer HEAD), the file is re-uploaded through this machine instead (reupload.ts).
import * as l10n from '@vscode/l10n';
import { ExpectedError, withoutSignedQuery } from '../expectedError';
import { categoryOf } from '../media/extensions';
import { placementProblem } from '../media/placement';
import type { NotionApi, RequestOptions } from '../notion/api';
import { UploadValidationError } from '../upload/errors';
import { isAbort } from '../upload/retryable';
import { checkFilesProperty, fetchTargetPage, resolvePageId } from '../upload/target';
import type { AttachTarget } from '../upload/types';
import { redactUrlsIn } from '../notion/redact';
import { reuploadName, reuploadThroughTemp, type ReuploadOptions, type ReuploadSource, type ReuploadUploader } from './reupload';
import type { PageFile } from './types';

/** What copy needs from the upload service. */
export interface CopyUploader extends ReuploadUploader {
  /** Resolves once Notion has imported the URL (status `uploaded`); `origin` is what its record shows as the source. */
  importFromUrl(
    url: string,
    opts?: { filename?: string; signal?: AbortSignal; origin?: string; onRecord?: (key: string) => void },
  ): Promise<{ id: string }>;
  attach(fileUploadId: string, target: AttachTarget, signal?: AbortSignal): Promise<unknown>;
  attachExternal(url: string, target: AttachTarget, signal?: AbortSignal): Promise<unknown>;
}

/** What copy needs from the file service (fresh links, a safe name, downloads for the fallback). */
export interface CopySource extends ReuploadSource {
  readonly api: NotionApi;
  freshFile(file: PageFile, opts?: RequestOptions & { force?: boolean; verify?: boolean }): Promise<PageFile>;
  suggestedFileName(file: PageFile): string;
}

export interface CopyOptions extends RequestOptions {
  /** Progress of a re-upload (only when Notion could not import the link): the download, then the upload. */
  onProgress?: ReuploadOptions['onProgress'];
  /** The source page's title, for the upload history's `copied from “Title”/name` (else its id). */
  sourceTitle?: string;
}

export interface CopyResult {
  how: 'imported' | 'linked' | 'reattached';
  /** The upload attached to the target (imported or reattached). */
  fileUploadId?: string;
  /**
   * For `imported`: how the new upload got the bytes — Notion imported the fresh link, or,
   * because Notion could not, they were downloaded here and uploaded again.
   */
  via?: 'import' | 'reupload';
}

export class CopyFailedError extends ExpectedError {
  readonly file: PageFile;
  constructor(file: PageFile, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CopyFailedError';
    this.file = withoutSignedQuery(file);
  }
}

function isUnknownUpload(e: unknown): boolean {
  const err = e as { status?: unknown; rule?: unknown };
  return err?.rule === 'unknown-upload' || err?.status === 404;
}

/**
 * Notion would not take the link: refused at create (400 validation_error, e.g. its HEAD
 * check or a non-https URL), the import ended `failed`, or the upload service itself only
 * imports https links. Not when the file itself is over the workspace's limit: a re-upload
 * would download it only to be refused too.
 */
function importRefused(e: unknown): boolean {
  const err = e as { name?: unknown; rule?: unknown; status?: unknown; code?: unknown };
  if (err?.name === 'ImportFailedError') return err.code !== 'file_upload_invalid_size';
  if (err?.name === 'UploadValidationError') return err.rule === 'invalid-url';
  return err?.status === 400 && err.code === 'validation_error';
}

/**
 * What attach would refuse, checked before the import creates an upload: the file type
 * against the placement, the target page (exists, shared, not trashed) and its property.
 */
async function checkTarget(api: NotionApi, filename: string, target: AttachTarget, signal?: AbortSignal): Promise<void> {
  // Replace, comment and new-page targets are checked by attach itself (their reads differ).
  if (target.as === 'replace' || target.as === 'comment' || target.as === 'newPage') return;
  const kind = target.as === 'block' ? target.blockType ?? 'file' : target.as;
  // A name without a known extension is left to Notion, which types it from the download.
  const problem = categoryOf(filename) ? placementProblem(filename, kind) : undefined;
  if (problem) throw new UploadValidationError(filename, 'placement', `${filename}: ${problem}.`);
  const page = await fetchTargetPage(api, resolvePageId(target), target.pageId, signal);
  if (target.as === 'property') checkFilesProperty(page, target.property, filename);
}

/** What the copy's history record shows as its source: the signed link is not kept, nor the temp file. */
function copyOrigin(file: PageFile, sourceTitle?: string): string {
  return `copied from ${sourceTitle ? `“${sourceTitle}”` : `page ${file.pageId}`}/${file.name}`;
}

/**
 * A new upload of the hosted file's bytes: Notion's import if it works, else a re-upload,
 * which takes over the failed import's history record (one copy, one record).
 */
async function copyHosted(
  source: CopySource,
  uploads: CopyUploader,
  file: PageFile,
  target: AttachTarget,
  opts: CopyOptions,
): Promise<CopyResult> {
  const signal = opts.signal;
  const filename = source.suggestedFileName(file);
  await checkTarget(source.api, filename, target, signal);
  // Verified on the file host first: our clock and Notion's may disagree about its expiry.
  const fresh = await source.freshFile(file, { signal, verify: true });
  const origin = copyOrigin(file, opts.sourceTitle);
  let importKey: string | undefined;
  let id: string;
  let via: CopyResult['via'] = 'import';
  try {
    id = (await uploads.importFromUrl(fresh.url, { filename, signal, origin, onRecord: (key) => (importKey = key) })).id;
  } catch (e) {
    if (isAbort(e, signal) || !importRefused(e)) throw e;
    via = 'reupload';
    try {
      id = await reuploadThroughTemp(source, uploads, fresh, reuploadName(fresh, filename), { ...opts, origin, replaces: importKey });
    } catch (again) {
      if (isAbort(again, signal)) throw again;
      const code = (e as { code?: unknown }).code;
      const why = typeof code === 'string' ? ` (${code})` : '';
      throw new Error(l10n.t('Notion could not import its link{0}, and re-uploading it failed: {1}', why, (again as Error).message), { cause: again });
    }
  }
  await uploads.attach(id, target, signal);
  return { how: 'imported', fileUploadId: id, via };
}

export async function copyFileToPage(
  source: CopySource,
  uploads: CopyUploader,
  file: PageFile,
  target: AttachTarget,
  opts: CopyOptions = {},
): Promise<CopyResult> {
  const signal = opts.signal;
  try {
    if (file.kind === 'external') {
      await uploads.attachExternal(file.url, target, signal);
      return { how: 'linked' };
    }
    if (file.kind === 'upload' && file.fileUploadId) {
      try {
        await uploads.attach(file.fileUploadId, target, signal);
        return { how: 'reattached', fileUploadId: file.fileUploadId };
      } catch (e) {
        // Not ours after all (ids are scoped to the integration) or no longer usable: copy the bytes instead.
        if (!isUnknownUpload(e)) throw e;
      }
    }
    return await copyHosted(source, uploads, file, target, opts);
  } catch (e) {
    if (isAbort(e, signal)) throw signal?.aborted ? signal.reason : e;
    throw new CopyFailedError(file, l10n.t('Could not copy “{0}” to page {1}: {2}', file.name, target.pageId, redactUrlsIn((e as Error).message)), {
      cause: e,
    });
  }
}
