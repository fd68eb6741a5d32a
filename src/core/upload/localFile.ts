// A local file as the upload sees it: validated name/size/type and a snapshot (size, mtime)
// to notice the file changing while its bytes are on the way.
import { promises as fsp, openAsBlob } from 'node:fs';
import * as path from 'node:path';
import { categoryOf, contentTypeFor, describeExtensions, extensionOf, type MediaCategory } from '../media';
import { categoryForPlacement, type PlacementKind } from '../media/placement';
import { FileChangedError, UploadValidationError } from './errors';

/** Notion's limit on `filename`, counted in UTF-8 bytes including the extension. */
export const MAX_FILENAME_BYTES = 900;

export interface LocalFile {
  path: string;
  filename: string;
  sizeBytes: number;
  mtimeMs: number;
  category: MediaCategory;
  contentType: string;
}

/** Checks everything knowable from the disk alone; throws UploadValidationError naming the file and rule. */
export async function inspectLocalFile(filePath: string, placement?: PlacementKind): Promise<LocalFile> {
  const abs = path.resolve(filePath);
  const filename = path.basename(abs);
  const category = categoryOf(filename);
  if (!category) throw unsupportedExtension(abs, filename, placement);
  const nameBytes = Buffer.byteLength(filename, 'utf8');
  if (nameBytes > MAX_FILENAME_BYTES) {
    throw new UploadValidationError(
      abs,
      'filename-too-long',
      `${abs}: the file name is ${nameBytes} bytes in UTF-8; Notion allows at most ${MAX_FILENAME_BYTES}. Rename the file.`,
    );
  }
  let stat;
  try {
    stat = await fsp.stat(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UploadValidationError(abs, 'file-not-found', `${abs}: cannot read the file (${code ?? String(e)}).`);
  }
  if (!stat.isFile()) throw new UploadValidationError(abs, 'not-a-file', `${abs} is not a regular file.`);
  if (stat.size === 0) {
    throw new UploadValidationError(abs, 'empty-file', `${abs} is empty (0 bytes); Notion does not accept empty files.`);
  }
  return {
    path: abs,
    filename,
    sizeBytes: stat.size,
    mtimeMs: stat.mtimeMs,
    category,
    contentType: contentTypeFor(filename)!,
  };
}

/** "<file>: .md is not a file type Notion accepts. Supported image extensions — …" */
export function unsupportedExtension(shown: string, filename: string, placement?: PlacementKind): UploadValidationError {
  const ext = extensionOf(filename);
  const needed = placement && categoryForPlacement(placement);
  return new UploadValidationError(
    shown,
    'unsupported-extension',
    `${shown}: ${ext ? `.${ext}` : 'a name without an extension'} is not a file type Notion accepts. ` +
      `Supported ${needed ? needed + ' ' : ''}extensions — ${describeExtensions(needed)}.`,
  );
}

export function checkSizeLimit(file: LocalFile, limitBytes: number | undefined): void {
  if (limitBytes !== undefined && file.sizeBytes > limitBytes) {
    throw new UploadValidationError(
      file.path,
      'too-large',
      `${file.path} is ${formatBytes(file.sizeBytes)} (${file.sizeBytes} bytes); this workspace accepts files up to ` +
        `${formatBytes(limitBytes)} (${limitBytes} bytes).`,
    );
  }
}

/** The file's bytes as a Blob that reads from disk on demand (slices stream, nothing is buffered). */
export function openFileBlob(file: LocalFile): Promise<Blob> {
  return openAsBlob(file.path);
}

/** Throws FileChangedError when size or mtime differ from the snapshot. */
export async function assertUnchanged(file: LocalFile): Promise<void> {
  let stat;
  try {
    stat = await fsp.stat(file.path);
  } catch {
    throw new FileChangedError(file.path, 'the file was removed');
  }
  if (stat.size !== file.sizeBytes) throw new FileChangedError(file.path, `size ${file.sizeBytes} → ${stat.size} bytes`);
  if (stat.mtimeMs !== file.mtimeMs) throw new FileChangedError(file.path, 'modified time changed');
}

export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
