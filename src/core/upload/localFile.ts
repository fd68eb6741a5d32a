// A local file as the upload sees it: validated name/size/type and a snapshot (size, mtime)
// to notice the file changing while its bytes are on the way.
import * as l10n from '@vscode/l10n';
import { constants as fsConstants, promises as fsp, openAsBlob, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { categoryOf, contentTypeFor, describeExtensions, extensionOf, type MediaCategory } from '../media';
import { categoryForPlacement, type PlacementKind } from '../media/placement';
import { FileChangedError, UploadValidationError } from './errors';
import type { FileAccess } from './types';
import { insideAny } from './workspaceLink';

/** Notion's limit on `filename`, counted in UTF-8 bytes including the extension. */
export const MAX_FILENAME_BYTES = 900;

export interface LocalFile {
  /** The path as given (absolute): the record's source, the name shown. */
  path: string;
  /** What is read: the real path (symlinks resolved and checked). */
  readPath: string;
  filename: string;
  sizeBytes: number;
  mtimeMs: number;
  category: MediaCategory;
  contentType: string;
}

export interface InspectOptions extends FileAccess {
  placement?: PlacementKind;
  /** Workspace folders: a symlink leading outside them is refused unless allowed. */
  workspaceFolders?: readonly string[];
}

/**
 * Checks everything knowable from the disk alone; throws UploadValidationError naming the file
 * and rule. Symlinks are followed only inside the workspace folders (or with the caller's yes),
 * the type is judged on the file actually read, and that file is opened once to prove it is a
 * readable regular file (not a directory, FIFO, socket or device).
 */
export async function inspectLocalFile(filePath: string, opts: InspectOptions = {}): Promise<LocalFile> {
  const abs = path.resolve(filePath);
  const filename = path.basename(abs);
  const category = categoryOf(filename);
  if (!category) throw unsupportedExtension(abs, filename, opts.placement);
  const nameBytes = Buffer.byteLength(filename, 'utf8');
  if (nameBytes > MAX_FILENAME_BYTES) {
    throw new UploadValidationError(
      abs,
      'filename-too-long',
      l10n.t('{0}: the file name is {1} bytes in UTF-8; Notion allows at most {2}. Rename the file.', abs, nameBytes, MAX_FILENAME_BYTES),
    );
  }
  const real = await realPathOf(abs);
  if (real !== abs && !opts.allowOutsideWorkspace && !(await insideAny(real, opts.workspaceFolders ?? []))) {
    throw new OutsideWorkspaceError(abs, real);
  }
  const stat = await openedStat(abs, real);
  if (real !== abs) checkLinkType(abs, real);
  if (stat.size === 0) {
    throw new UploadValidationError(abs, 'empty-file', l10n.t('{0} is empty (0 bytes); Notion does not accept empty files.', abs));
  }
  return {
    path: abs,
    readPath: real,
    filename,
    sizeBytes: stat.size,
    mtimeMs: stat.mtimeMs,
    category,
    contentType: contentTypeFor(filename)!,
  };
}

/** The real path; a dangling link, a loop or a missing file is refused with the OS reason. */
async function realPathOf(abs: string): Promise<string> {
  try {
    return await fsp.realpath(abs);
  } catch (e) {
    const link = await fsp.readlink(abs).catch(() => undefined);
    if (link !== undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UploadValidationError(abs, 'file-not-found', l10n.t('{0} is a link to {1}, which does not exist.', abs, link));
    }
    throw unreadable(abs, e);
  }
}

/** A link (anywhere on the path) is followed only to a file of the type its name says. */
function checkLinkType(abs: string, real: string): void {
  const realName = path.basename(real);
  if (contentTypeFor(realName) !== contentTypeFor(path.basename(abs))) {
    throw new UploadValidationError(
      abs,
      'link-type',
      l10n.t('{0} is a link to {1}: the type is judged on the file read ({2}), not on the link\'s name. Upload the file itself or give the link its extension.',
        abs, real, extensionOf(realName) ? `.${extensionOf(realName)}` : l10n.t('no extension')),
    );
  }
}

/** Judges the real file by its type, then opens it (never blocking on a FIFO) to prove it can be read. */
async function openedStat(abs: string, real: string): Promise<Stats> {
  const notAFile = (s: Stats) => new UploadValidationError(abs, 'not-a-file', l10n.t('{0} is {1}, not a regular file; only files can be uploaded.', abs, kindOf(s)));
  let fh: FileHandle | undefined;
  try {
    const before = await fsp.stat(real);
    if (!before.isFile()) throw notAFile(before);
    fh = await fsp.open(real, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    const stat = await fh.stat();
    // What was opened is what is judged (swapped for something else in between: refused).
    if (!stat.isFile() || stat.ino !== before.ino || stat.dev !== before.dev) throw notAFile(stat);
    return stat;
  } catch (e) {
    if (e instanceof UploadValidationError) throw e;
    throw unreadable(abs, e);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return l10n.t('a named pipe (FIFO)');
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return l10n.t('not a regular file');
}

/** The OS reason (EACCES: permission denied, …) and the path; never a network error, never retried. */
function unreadable(abs: string, e: unknown): UploadValidationError {
  const err = e as NodeJS.ErrnoException;
  const reason = err.code ? err.message.split(', ')[0] : String(e);
  const missing = err.code === 'ENOENT' || err.code === 'ENOTDIR';
  return new UploadValidationError(abs, missing ? 'file-not-found' : 'unreadable', l10n.t('{0}: cannot read the file ({1}).', abs, reason));
}

/** A symlink whose real path is outside the workspace folders: read only with the user's yes. */
export class OutsideWorkspaceError extends UploadValidationError {
  constructor(file: string, readonly target: string) {
    super(file, 'outside-workspace', l10n.t('{0} is a link to {1}, outside the workspace folders; it is not read without your explicit yes.', file, target));
  }
}

/** "<file>: .md is not a file type Notion accepts. Supported image extensions — …" */
export function unsupportedExtension(shown: string, filename: string, placement?: PlacementKind): UploadValidationError {
  const ext = extensionOf(filename);
  const needed = placement && categoryForPlacement(placement);
  return new UploadValidationError(
    shown,
    'unsupported-extension',
    l10n.t('{0}: {1} is not a file type Notion accepts.', shown, ext ? `.${ext}` : l10n.t('a name without an extension')) + ' ' +
      (needed ? l10n.t('Supported {0} extensions — {1}.', needed, describeExtensions(needed)) : l10n.t('Supported extensions — {0}.', describeExtensions(needed))),
  );
}

export function checkSizeLimit(file: LocalFile, limitBytes: number | undefined): void {
  if (limitBytes !== undefined && file.sizeBytes > limitBytes) {
    throw new UploadValidationError(
      file.path,
      'too-large',
      l10n.t('{0} is {1} ({2} bytes); this workspace accepts files up to {3} ({4} bytes).', file.path, formatBytes(file.sizeBytes), file.sizeBytes, formatBytes(limitBytes), limitBytes),
    );
  }
}

/** The file's bytes as a Blob that reads from disk on demand (slices stream, nothing is buffered). */
export function openFileBlob(file: LocalFile): Promise<Blob> {
  return openAsBlob(file.readPath);
}

/** Throws FileChangedError when size or mtime differ from the snapshot. */
export async function assertUnchanged(file: LocalFile): Promise<void> {
  let stat;
  try {
    stat = await fsp.stat(file.path);
  } catch {
    throw new FileChangedError(file.path, l10n.t('the file was removed'));
  }
  if (stat.size !== file.sizeBytes) throw new FileChangedError(file.path, `size ${file.sizeBytes} → ${stat.size} bytes`);
  if (stat.mtimeMs !== file.mtimeMs) throw new FileChangedError(file.path, l10n.t('modified time changed'));
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
