// Copy's fallback when Notion cannot import a hosted file's signed link (S3 refuses the HEAD
// Notion checks links with; imports need https): the bytes go through this machine instead,
// streamed into a private folder under os.tmpdir(), uploaded from there, and the folder is
// removed whatever happens (success, failure, cancellation).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { categoryOf } from '../media/extensions';
import { nameFromUrl } from './extract';
import { deriveFileName } from './fileName';
import type { PageFile } from './types';

type Progress = (done: number, total: number | undefined) => void;

/** What the fallback needs from the file service: a streamed download with a dead-link retry. */
export interface ReuploadSource {
  download(file: PageFile, opts: { directory: string; fileName?: string; signal?: AbortSignal; onProgress?: Progress }): Promise<{ path: string }>;
}

/** What the fallback needs from the upload service (single or multi-part, streamed from disk). */
export interface ReuploadUploader {
  upload(
    path: string,
    opts?: { signal?: AbortSignal; dedupe?: boolean; origin?: string; replaces?: string; onProgress?: (sent: number, total: number) => void },
  ): Promise<{ id: string }>;
}

export interface ReuploadOptions {
  signal?: AbortSignal;
  onProgress?: (stage: 'download' | 'upload', done: number, total: number | undefined) => void;
  /** What the upload's record shows as its source instead of the temp file (which is deleted). */
  origin?: string;
  /** The history record the upload takes over (the failed import's). */
  replaces?: string;
}

/**
 * The local name decides the upload's type. Notion's name may lack an extension (the import
 * lets Notion type the file from its Content-Type): then the signed URL's last segment,
 * which carries the stored file's name, is used when that one has a known type.
 */
export function reuploadName(file: PageFile, suggested: string): string {
  if (categoryOf(suggested)) return suggested;
  const fromUrl = deriveFileName(nameFromUrl(file.url), '');
  return fromUrl && categoryOf(fromUrl) ? fromUrl : suggested;
}

/** Downloads `file` (fresh link) to a temp folder and uploads it; resolves with the new upload's id. */
export async function reuploadThroughTemp(
  source: ReuploadSource,
  uploads: ReuploadUploader,
  file: PageFile,
  fileName: string,
  opts: ReuploadOptions = {},
): Promise<string> {
  const { signal, onProgress, origin, replaces } = opts;
  const dir = await mkdtemp(join(tmpdir(), 'notion-assets-copy-'));
  try {
    const { path } = await source.download(file, {
      directory: dir,
      fileName,
      signal,
      onProgress: onProgress && ((received, total) => onProgress('download', received, total)),
    });
    // No reuse lookup: it would hash a file that is new every time, and a copy gets its own upload.
    const uploaded = await uploads.upload(path, {
      signal,
      dedupe: false,
      origin,
      replaces,
      onProgress: onProgress && ((sent, total) => onProgress('upload', sent, total)),
    });
    return uploaded.id;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
