// The Notion operations the product uses. NotionClient implements this; the upload
// service and the file browser depend only on this interface.
import type {
  AppendPosition, Block, BotUser, Comment, DataSourceSchema, FileUpload, FileUploadStatus, ListResponse, Page, PageSummary, UploadMode,
} from './types';
import type { FileRange } from './fileRange';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface CreateUploadParams {
  mode: UploadMode;
  filename?: string;
  contentType?: string;
  numberOfParts?: number;
  externalUrl?: string;
}

/** One part's bytes. A Blob from `fs.openAsBlob(path).slice(a, b)` streams from disk. */
export interface SendPartParams {
  data: Blob;
  /**
   * Where `data`'s bytes are in a local file, when they are: the client then reads the file
   * directly in large chunks (far less CPU than the Blob's stream) and fails the send if the
   * file's size or mtime no longer match `sizeBytes`/`mtimeMs`. `end - start` must equal `data.size`.
   */
  file?: FileRange;
  filename: string;
  contentType: string;
  /** 1-based; only for multi_part uploads. */
  partNumber?: number;
  /** Bytes written to the socket so far for this part (for progress). */
  onBytes?: (sent: number) => void;
}

export interface NotionApi {
  readonly baseUrl: string;
  readonly notionVersion: string;

  /** GET /v1/users/me — the bot, its workspace and the workspace's per-file limit. */
  getBotUser(opts?: RequestOptions): Promise<BotUser>;

  createFileUpload(params: CreateUploadParams, opts?: RequestOptions): Promise<FileUpload>;
  sendFileUpload(id: string, part: SendPartParams, opts?: RequestOptions): Promise<FileUpload>;
  completeFileUpload(id: string, opts?: RequestOptions): Promise<FileUpload>;
  getFileUpload(id: string, opts?: RequestOptions): Promise<FileUpload>;
  listFileUploads(
    query?: { status?: FileUploadStatus; startCursor?: string; pageSize?: number },
    opts?: RequestOptions,
  ): Promise<ListResponse<FileUpload>>;

  getPage(pageId: string, opts?: RequestOptions): Promise<Page>;
  /** PATCH /v1/pages/{id} with `cover`, `icon` and/or `properties`. */
  updatePage(pageId: string, body: Record<string, unknown>, opts?: RequestOptions): Promise<Page>;

  getBlock(blockId: string, opts?: RequestOptions): Promise<Block>;
  updateBlock(blockId: string, body: Record<string, unknown>, opts?: RequestOptions): Promise<Block>;
  listBlockChildren(
    blockId: string,
    query?: { startCursor?: string; pageSize?: number },
    opts?: RequestOptions,
  ): Promise<ListResponse<Block>>;
  /** PATCH /v1/blocks/{id}/children; ≤ 100 children. `position` maps to `after` before 2026-03-11. */
  appendBlockChildren(
    blockId: string,
    children: Record<string, unknown>[],
    position?: AppendPosition,
    opts?: RequestOptions,
  ): Promise<ListResponse<Block>>;

  /**
   * POST /v1/pages. `parent` is written for the client's version: a database entry goes under
   * `data_source_id` from 2025-09-03, `database_id` before. Not repeated after an ambiguous failure.
   */
  createPage(body: Record<string, unknown>, opts?: RequestOptions): Promise<Page>;

  /**
   * The schema of a database (2022-06-28: GET /v1/databases/{id}) or data source (2025-09-03+:
   * GET /v1/data_sources/{id}; a database id is followed to its only data source).
   */
  getDataSource(id: string, opts?: RequestOptions): Promise<DataSourceSchema>;

  /** POST /v1/comments (rich text, ≤ 3 attachments). Not repeated after an ambiguous failure. */
  createComment(body: Record<string, unknown>, opts?: RequestOptions): Promise<Comment>;
  /** GET /v1/comments?block_id= — comments on a page or block, oldest first. */
  listComments(blockId: string, query?: { startCursor?: string; pageSize?: number }, opts?: RequestOptions): Promise<ListResponse<Comment>>;

  /** POST /v1/search filtered to pages, by title. */
  searchPages(
    query: string,
    page?: { startCursor?: string; pageSize?: number },
    opts?: RequestOptions,
  ): Promise<ListResponse<PageSummary>>;
  /** POST /v1/search filtered to databases (2022-06-28) / data sources (2025-09-03+), by title. */
  searchDatabases(query: string, page?: { startCursor?: string; pageSize?: number }, opts?: RequestOptions): Promise<ListResponse<PageSummary>>;
}
