// Copy to another page without a local download: a Notion-hosted file is imported by
// Notion itself from a fresh signed URL (`external_url` mode), then attached; an external
// file is linked as is; one of our own uploads is simply attached again by id.
import { categoryOf } from '../media/extensions';
import { placementProblem } from '../media/placement';
import type { NotionApi, RequestOptions } from '../notion/api';
import { UploadValidationError } from '../upload/errors';
import { checkFilesProperty, fetchTargetPage, resolvePageId } from '../upload/target';
import type { AttachTarget } from '../upload/types';
import { redactUrlsIn } from './redactUrl';
import type { PageFile } from './types';

/** What copy needs from the upload service. */
export interface CopyUploader {
  /** Resolves once Notion has imported the URL (status `uploaded`). */
  importFromUrl(url: string, opts?: { filename?: string; signal?: AbortSignal }): Promise<{ id: string }>;
  attach(fileUploadId: string, target: AttachTarget, signal?: AbortSignal): Promise<unknown>;
  attachExternal(url: string, target: AttachTarget, signal?: AbortSignal): Promise<unknown>;
}

/** What copy needs from the file service (fresh links and a safe name). */
export interface CopySource {
  readonly api: NotionApi;
  freshFile(file: PageFile, opts?: RequestOptions & { force?: boolean }): Promise<PageFile>;
  suggestedFileName(file: PageFile): string;
}

export interface CopyResult {
  how: 'imported' | 'linked' | 'reattached';
  /** The upload attached to the target (imported or reattached). */
  fileUploadId?: string;
}

export class CopyFailedError extends Error {
  constructor(readonly file: PageFile, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CopyFailedError';
  }
}

function isUnknownUpload(e: unknown): boolean {
  const err = e as { status?: unknown; rule?: unknown };
  return err?.rule === 'unknown-upload' || err?.status === 404;
}

/**
 * What attach would refuse, checked before the import creates an upload: the file type
 * against the placement, the target page (exists, shared, not trashed) and its property.
 */
async function checkTarget(api: NotionApi, filename: string, target: AttachTarget, signal?: AbortSignal): Promise<void> {
  const kind = target.as === 'block' ? target.blockType ?? 'file' : target.as;
  // A name without a known extension is left to Notion, which types it from the download.
  const problem = categoryOf(filename) ? placementProblem(filename, kind) : undefined;
  if (problem) throw new UploadValidationError(filename, 'placement', `${filename}: ${problem}.`);
  const page = await fetchTargetPage(api, resolvePageId(target), target.pageId, signal);
  if (target.as === 'property') checkFilesProperty(page, target.property, filename);
}

async function importAndAttach(
  source: CopySource,
  uploads: CopyUploader,
  file: PageFile,
  target: AttachTarget,
  signal: AbortSignal | undefined,
): Promise<CopyResult> {
  const filename = source.suggestedFileName(file);
  await checkTarget(source.api, filename, target, signal);
  const fresh = await source.freshFile(file, { signal });
  let imported: { id: string };
  try {
    imported = await uploads.importFromUrl(fresh.url, { filename, signal });
  } catch (e) {
    if ((e as Error).name !== 'ImportFailedError') throw e;
    // Notion could not fetch the link: renew it once (clocks disagree) and try again.
    const renewed = await source.freshFile(file, { signal, force: true });
    imported = await uploads.importFromUrl(renewed.url, { filename, signal });
  }
  await uploads.attach(imported.id, target, signal);
  return { how: 'imported', fileUploadId: imported.id };
}

export async function copyFileToPage(
  source: CopySource,
  uploads: CopyUploader,
  file: PageFile,
  target: AttachTarget,
  opts: RequestOptions = {},
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
        // Not ours after all (ids are scoped to the integration) or no longer usable: import instead.
        if (!isUnknownUpload(e)) throw e;
      }
    }
    return await importAndAttach(source, uploads, file, target, signal);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new CopyFailedError(file, `Could not copy “${file.name}” to page ${target.pageId}: ${redactUrlsIn((e as Error).message)}`, {
      cause: e,
    });
  }
}
