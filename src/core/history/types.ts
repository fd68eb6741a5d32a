// The upload history: one record per upload, persisted through a store the host provides
// (VS Code's globalState in the extension, memory in tests).
import type { AttachTarget } from '../upload/types';

export type UploadState = 'uploading' | 'pending' | 'attached' | 'expired' | 'failed' | 'cancelled';

export interface AttachmentRecord {
  pageId: string;
  placement: 'cover' | 'icon' | 'block' | 'property' | 'replace' | 'comment' | 'newPage';
  /** Property name or block type, when relevant (replace: the block's type; newPage: where the file sits in it). */
  detail?: string;
  /** Block id created by an attachment as a block, or whose file was replaced. */
  blockId?: string;
  /** replace: the file the block held before (its name and type; hosting: hosted, upload or external). */
  replaced?: { name: string; contentType?: string; kind: string };
  /** comment: the comment's id. */
  commentId?: string;
  at: string; // ISO time
}

export interface UploadRecord {
  /** Local key: stable across retries of the same file (not Notion's id, which may not exist yet). */
  key: string;
  /** Notion's file_upload id, once created. */
  fileUploadId?: string;
  /**
   * Origin as shown and persisted: an absolute local path; for imports the URL without its
   * query (signed links carry their signature there); for a copy, e.g. `copied from “Page”/a.png`.
   */
  source: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256?: string;
  mtimeMs?: number;
  mode: 'single_part' | 'multi_part' | 'external_url';
  state: UploadState;
  /** Bytes acknowledged so far (uploading). */
  sentBytes: number;
  /** Multi-part: part numbers acknowledged, for resume. */
  partsDone?: number[];
  numberOfParts?: number;
  partSizeBytes?: number;
  createdTime: string;
  /** Null once attached (permanent); set while pending. */
  expiryTime: string | null;
  error?: string;
  attachments: AttachmentRecord[];
  /** Attachments Refresh Status found no longer holding the file (cover replaced, block deleted). */
  removed?: AttachmentRecord[];
  /** Identifies the integration (bot id) that owns the upload: ids are scoped to it. */
  botId?: string;
  updatedTime: string;
  /** Where uploadAndAttach was asked to put the file, kept so retry(key) can finish the job. */
  intent?: AttachTarget;
  /**
   * The attach to `intent` failed without an answer (it may have happened): `error` says so,
   * and retry(key) looks for the upload on the target before writing again.
   */
  attachUnknown?: boolean;
  /** Latest non-error message for the user (e.g. "the interrupted upload expired; started over"). */
  notice?: string;
  /**
   * Why retry(key) cannot redo this upload from `source` (a signed link's query was not kept,
   * a copy's temporary file is gone), ending with what to do instead. Retry fails with it.
   */
  noRetry?: string;
}

/** Persistence the host implements. Must be cheap: called on every state change (debounced). */
export interface HistoryStore {
  load(): Promise<UploadRecord[]> | UploadRecord[];
  save(records: UploadRecord[]): Promise<void> | void;
}
