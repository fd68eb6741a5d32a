// Checks on what callers pass, made before any request so a bad value fails with a clear
// message naming it (and an id can never smuggle a path such as "../users" into a URL).
import { normaliseBareId } from '../ids';
import type { CreateUploadParams, SendPartParams } from './api';

export function requireId(value: string, what: string): string {
  const id = typeof value === 'string' ? normaliseBareId(value.trim()) : undefined;
  if (!id) throw new Error(`Invalid ${what} "${String(value).slice(0, 100)}": expected 32 hex characters or a dashed UUID.`);
  return id;
}

export function checkPageSize(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`page_size must be a whole number from 1 to 100, got ${n}.`);
  return n;
}

/** The notes give 1–1000 in one place and 1–10000 in another: the stricter bound. */
export const MAX_PARTS = 1000;
const MAX_FILENAME_BYTES = 900;

export function createUploadBody(p: CreateUploadParams): Record<string, unknown> {
  if (!['single_part', 'multi_part', 'external_url'].includes(p.mode)) {
    throw new Error(`Unknown upload mode "${p.mode}": use single_part, multi_part or external_url.`);
  }
  if (p.filename !== undefined && (p.filename === '' || Buffer.byteLength(p.filename) > MAX_FILENAME_BYTES)) {
    throw new Error(`Filename "${p.filename.slice(0, 100)}" must be 1 to ${MAX_FILENAME_BYTES} bytes (UTF-8).`);
  }
  if (p.mode === 'multi_part') {
    if (!p.filename) throw new Error('A multi_part upload needs a filename.');
    if (!Number.isInteger(p.numberOfParts) || p.numberOfParts! < 1 || p.numberOfParts! > MAX_PARTS) {
      throw new Error(`A multi_part upload needs number_of_parts from 1 to ${MAX_PARTS}, got ${p.numberOfParts}.`);
    }
  } else if (p.numberOfParts !== undefined) {
    throw new Error(`number_of_parts applies only to multi_part uploads, not ${p.mode}.`);
  }
  if (p.mode === 'external_url' && !/^https?:\/\//i.test(p.externalUrl ?? '')) {
    throw new Error(`An external_url upload needs an http(s) URL, got "${p.externalUrl ?? ''}".`);
  }
  // external_url: recorded creates send mode, filename and external_url only (hkob
  // create_file_upload_external_url.sh, notion-sdk-py test_file_uploads_create_external.yaml);
  // Notion takes the type from the URL's answer, so a guessed content_type could only conflict.
  const contentType = p.mode === 'external_url' ? undefined : p.contentType;
  return {
    mode: p.mode,
    ...(p.filename !== undefined ? { filename: p.filename } : {}),
    ...(contentType !== undefined ? { content_type: contentType } : {}),
    ...(p.numberOfParts !== undefined ? { number_of_parts: p.numberOfParts } : {}),
    ...(p.externalUrl !== undefined ? { external_url: p.externalUrl } : {}),
  };
}

export function checkPart(part: SendPartParams): void {
  if (!(part.data instanceof Blob)) throw new Error('The part to send must be a Blob (e.g. from fs.openAsBlob).');
  if (part.file) {
    const { start, end, sizeBytes } = part.file;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= sizeBytes && end - start === part.data.size)) {
      throw new Error(`The file range ${start}–${end} of ${part.file.path} (${sizeBytes} bytes) does not match the part's ${part.data.size} bytes.`);
    }
  }
  if (!part.filename) throw new Error('The part to send needs a filename.');
  if (!part.contentType) throw new Error(`The part "${part.filename}" needs a content type.`);
  if (part.partNumber !== undefined && (!Number.isInteger(part.partNumber) || part.partNumber < 1 || part.partNumber > MAX_PARTS)) {
    throw new Error(`part_number must be a whole number from 1 to ${MAX_PARTS}, got ${part.partNumber}.`);
  }
}
