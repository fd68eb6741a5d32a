// The upload service's public shapes: targets, options, progress.
import type { FileUpload, MediaBlockType } from '../notion/types';

/**
 * Where an upload (or an external link) is attached. `pageId` takes a URL or an id.
 * - `replace`: the file of an existing image/video/audio/pdf/file block on page `pageId`
 *   (`blockId` takes an id or a `#block-…` link); the new file must fit the block's type; the
 *   caption is kept unless `caption` is given.
 * - `comment`: a comment on the page with the files as attachments (≤ 3 per comment; more
 *   files become several comments); `comment` is its text, required.
 * - `newPage`: a new page under the page `pageId`, or a new entry of the database (data source)
 *   `pageId`, titled `title` (default: the file name). The files go in the files property
 *   `property` when given (database entries only), else into the page as blocks; an image also
 *   becomes the cover unless `cover` is false.
 */
export type AttachTarget =
  | { pageId: string; as: 'cover' }
  | { pageId: string; as: 'icon' }
  | { pageId: string; as: 'block'; blockType?: MediaBlockType; caption?: string }
  | { pageId: string; as: 'property'; property: string }
  | ReplaceTarget
  | CommentTarget
  | NewPageTarget;

export interface ReplaceTarget {
  pageId: string;
  as: 'replace';
  blockId: string;
  caption?: string;
}

export interface CommentTarget {
  pageId: string;
  as: 'comment';
  comment: string;
}

export interface NewPageTarget {
  pageId: string;
  as: 'newPage';
  /** What `pageId` names; found out with a read when not given. */
  parent?: 'page' | 'database';
  title?: string;
  property?: string;
  cover?: boolean;
}

/** Targets that take several files in one write (one comment, one page). */
export type GroupTarget = CommentTarget | NewPageTarget;

export type Placement = AttachTarget['as'];

export interface UploadServiceOptions {
  /** Parts in flight at once for a multi-part upload (default 3). */
  concurrency?: number;
  /** Multi-part part size, 5–20 MiB (default 10 MiB). */
  partSizeBytes?: number;
  /** Reuse an earlier upload of the same bytes while it is still usable (default true). */
  dedupe?: boolean;
  /**
   * The workspace folders (absolute paths), read on every call: a symlink whose real path is
   * outside them is refused unless the call allows it (FileAccess.allowOutsideWorkspace).
   * Without it, every symlink that leads elsewhere counts as outside.
   */
  workspaceFolders?: () => readonly string[];
}

/** The caller's answer about files outside the workspace folders. */
export interface FileAccess {
  /** Read a symlink's target outside the workspace folders (the user said yes). */
  allowOutsideWorkspace?: boolean;
}

export interface UploadOptions extends FileAccess {
  signal?: AbortSignal;
  /** Called with bytes sent so far; throttled by the service. */
  onProgress?: (sentBytes: number, totalBytes: number) => void;
  /** Things the user should know that are not errors (an expired upload started over, bytes reused). */
  onNotice?: (message: string) => void;
  /** Skip the dedupe lookup for this call (the service option turns it off everywhere). */
  dedupe?: boolean;
  /**
   * Bytes from elsewhere in a temporary file (Copy to Another Page's re-upload): recorded as
   * the source instead of the path, e.g. `copied from “Page”/a.png`; retry(key) says to copy again.
   */
  origin?: string;
  /** With `origin`: why retry(key) cannot redo it (default: the copy's wording, "Copy it again…"). */
  noRetry?: string;
  /**
   * The record this upload takes over, so the file keeps one record and key: retry(key)'s own
   * record, Retry Failed's failed attempt, a copy's failed import. Ignored while that record is
   * running or holds attachments; dropped when the bytes are resumed or reused under another record.
   */
  replaces?: string;
  /** Called with the history key of the upload's record as soon as it exists (or is resumed or reused). */
  onRecord?: (key: string) => void;
  /** Look for the upload on the target before attaching (set by retry after an unknown outcome). */
  lookFirst?: boolean;
}

/** What uploadAndAttach did. */
export interface UploadAndAttachResult {
  /** The history record's key. */
  key: string;
  fileUpload: FileUpload;
  /** True when an earlier upload of the same bytes was attached instead of sending them again. */
  reused: boolean;
  /** True when an interrupted multi-part upload was continued. */
  resumed: boolean;
  /** The block created (block targets) or whose file was replaced (replace). */
  blockId?: string;
  /** The page created (newPage). */
  createdPageId?: string;
  /** The comment created (comment). */
  commentId?: string;
}

/** What uploadAndAttachGroup did: every file's upload, and the pages or comments written. */
export interface GroupResult {
  files: UploadAndAttachResult[];
  /** newPage: the page created (one page holds all the files). */
  createdPageId?: string;
  /** comment: one id per comment written (three files per comment). */
  commentIds?: string[];
}

export interface ImportOptions {
  filename?: string;
  signal?: AbortSignal;
  /** Recorded as the source instead of the URL (a copy's `copied from “Page”/a.png`); retry(key) says to copy again. */
  origin?: string;
  /** Called with the history key of the import's record as soon as it exists. */
  onRecord?: (key: string) => void;
  /** The record this import takes over (retry(key) of an import keeps its key). */
  replaces?: string;
}
