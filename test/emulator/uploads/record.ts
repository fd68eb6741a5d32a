// One file upload as the emulator keeps it, and how it renders (the SDK's FileUploadObjectResponse).
import type { Clock } from '../clock';
import { trashField, type NotionVersion } from '../versions';
import type { StoredBytes } from './bytes';

export type UploadMode = 'single_part' | 'multi_part' | 'external_url';
export type UploadStatus = 'pending' | 'uploaded' | 'expired' | 'failed';

export const UPLOAD_TTL_MS = 60 * 60 * 1000;

export interface ImportResult {
  importedMs: number;
  error?: { type: string; code: string; message: string; parameter: string | null; status_code: number | null };
}

export interface UploadRecord {
  id: string;
  botId: string;
  mode: UploadMode;
  createdMs: number;
  lastEditedMs: number;
  /** null once attached: the file is permanent from then on. */
  expiryMs: number | null;
  state: 'pending' | 'uploaded' | 'failed';
  filename: string | null;
  contentType: string | null;
  contentLength: number | null;
  numberOfParts?: number;
  externalUrl?: string;
  importResult?: ImportResult;
  bytes: StoredBytes;
  attached: boolean;
  /** A complete is settling the digest: no more sends. */
  completing?: boolean;
}

/** Status as of now: pending or uploaded uploads past their expiry read `expired`. */
export function statusOf(r: UploadRecord, clock: Clock): UploadStatus {
  if (r.state !== 'failed' && r.expiryMs !== null && clock.now() >= r.expiryMs) return 'expired';
  return r.state;
}

export function renderUpload(r: UploadRecord, clock: Clock, version: NotionVersion, baseUrl: string): Record<string, unknown> {
  const status = statusOf(r, clock);
  const out: Record<string, unknown> = {
    object: 'file_upload',
    id: r.id,
    created_time: clock.iso(r.createdMs),
    last_edited_time: clock.iso(r.lastEditedMs),
    created_by: { id: r.botId, type: 'bot' },
    // Recorded (notion-sdk-py test_file_uploads_list*.yaml): every expired upload reads null.
    expiry_time: r.expiryMs === null || status === 'expired' ? null : clock.iso(r.expiryMs),
    status,
    filename: r.filename,
    content_type: r.contentType,
    content_length: contentLength(r),
    ...trashField(version, false),
  };
  // Recorded: pending external_url uploads carry upload_url too (hkob create_file_upload_external_url.json).
  if (status === 'pending') {
    out.upload_url = `${baseUrl}/v1/file_uploads/${r.id}/send`;
    // Recorded: complete_url is absent at creation and appears once a part is in.
    if (r.mode === 'multi_part' && r.bytes.partCount() > 0) out.complete_url = `${baseUrl}/v1/file_uploads/${r.id}/complete`;
  }
  if (r.mode === 'multi_part') out.number_of_parts = { total: r.numberOfParts, sent: r.bytes.partCount() };
  if (r.importResult) {
    const imported_time = clock.iso(r.importResult.importedMs);
    out.file_import_result = r.importResult.error
      ? { imported_time, type: 'error', error: r.importResult.error }
      : { imported_time, type: 'success', success: {} };
  }
  return out;
}

/** Recorded (hkob upload_file_video1.json: 10485760 after part 1 of 2; notion-sdk-py: 26 with
 * 1 of 4 parts sent, expired): a multi-part upload counts the bytes received so far. */
function contentLength(r: UploadRecord): number | null {
  if (r.mode === 'multi_part' && r.contentLength === null) return r.bytes.partCount() > 0 ? r.bytes.size() : null;
  return r.contentLength;
}
