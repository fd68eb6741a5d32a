// NotionClient: the NotionApi over undici, with pacing, retries, version differences and the
// token/origin safety rules. One HTTP attempt lives in transport.ts; when to retry in retry.ts.
import * as l10n from '@vscode/l10n';
import type { CreateUploadParams, NotionApi, RequestOptions, SendPartParams } from './api';
import { assertNotionVersion, normaliseTrash, positionFields, trashFieldForVersion } from './apiVersion';
import { isAbortError, NotionAbortError, NotionError } from './errors';
import { sharedLimiter, sleep, type LimiterOptions, type RateLimiter } from './limiter';
import { sendBody } from './multipart';
import { normaliseBaseUrl, uploadActionPath } from './origin';
import { toPageSummary } from './pageSummary';
import { checkPageSize, checkPart, createUploadBody, requireId } from './requestChecks';
import { DEFAULT_RETRY, isAmbiguous, retryDelayMs, shouldRetry, type RetryClass, type RetryOptions } from './retry';
import { Transport, type Attempt, type RequestLogger } from './transport';
import {
  DEFAULT_NOTION_VERSION, type AppendPosition, type Block, type BotUser, type Comment, type DataSourceSchema, type FileUpload,
  type FileUploadStatus, type ListResponse, type NotionVersion, type Page, type PageSummary,
} from './types';
import { UploadUrlCache } from './uploadUrls';

export interface NotionClientOptions {
  token: string;
  /** Default https://api.notion.com (the API lives under /v1). */
  baseUrl?: string;
  /** Default 2025-09-03. */
  notionVersion?: NotionVersion;
  /** Default names the extension; the VS Code side passes its version (see userAgentFor). */
  userAgent?: string;
  /** Per attempt; for sends it counts from the last upload progress. Default 90 s (Notion gives up at 60 s). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Pacing shared by all clients of this token and origin; `false` turns it off. Default 3/s, burst 5. */
  limiter?: LimiterOptions | false;
  logger?: RequestLogger;
}

export const DEFAULT_BASE_URL = 'https://api.notion.com';
export const DEFAULT_TIMEOUT_MS = 90_000;

/** `notion-assets/<version> (VS Code extension; node <version>)`. */
export function userAgentFor(extensionVersion: string): string {
  return `notion-assets/${extensionVersion} (VS Code extension; node ${process.versions.node})`;
}

type Method = Attempt['method'];

interface Operation<T> {
  method: Method;
  path: string;
  json?: unknown;
  emptyJson?: boolean;
  /** Builds the multipart body anew for each attempt. */
  form?: (touch: () => void) => Attempt['form'];
  retryClass: RetryClass;
  retryConflict?: boolean;
  /** After an ambiguous failure: find out whether the work is done already (returns the result if so). */
  settle?: () => Promise<T | undefined>;
  signal?: AbortSignal;
}

export class NotionClient implements NotionApi {
  readonly baseUrl: string;
  readonly notionVersion: NotionVersion;
  private readonly transport: Transport;
  private readonly limiter: RateLimiter | undefined;
  private readonly retry: Required<RetryOptions>;
  private readonly uploadUrls = new UploadUrlCache();

  constructor(opts: NotionClientOptions) {
    if (typeof opts.token !== 'string' || !/^[\x21-\x7e]+$/.test(opts.token)) {
      throw new Error(l10n.t('The Notion token is empty or contains spaces or non-ASCII characters.'));
    }
    this.baseUrl = normaliseBaseUrl(opts.baseUrl ?? DEFAULT_BASE_URL);
    this.notionVersion = assertNotionVersion(opts.notionVersion ?? DEFAULT_NOTION_VERSION);
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    if (!Number.isInteger(this.retry.maxAttempts) || this.retry.maxAttempts < 1) {
      throw new Error(`retry.maxAttempts must be a whole number ≥ 1, got ${opts.retry?.maxAttempts}`);
    }
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new Error(`timeoutMs must be positive, got ${opts.timeoutMs}`);
    this.limiter = opts.limiter === false ? undefined : sharedLimiter(opts.token, new URL(this.baseUrl).origin, opts.limiter);
    this.transport = new Transport({
      baseUrl: this.baseUrl,
      token: opts.token,
      notionVersion: this.notionVersion,
      userAgent: opts.userAgent ?? userAgentFor('dev'),
      timeoutMs,
      logger: opts.logger,
    });
  }

  async getBotUser(opts?: RequestOptions): Promise<BotUser> {
    return this.call({ method: 'GET', path: '/v1/users/me', retryClass: 'read', signal: opts?.signal });
  }

  async createFileUpload(p: CreateUploadParams, opts?: RequestOptions): Promise<FileUpload> {
    const body = createUploadBody(p);
    const upload = await this.call<FileUpload>({
      method: 'POST', path: '/v1/file_uploads', json: body, retryClass: 'unsafe', signal: opts?.signal,
    });
    return this.uploadUrls.remember(upload);
  }

  async sendFileUpload(id: string, part: SendPartParams, opts?: RequestOptions): Promise<FileUpload> {
    const uploadId = requireId(id, 'file upload id');
    checkPart(part);
    const path = uploadActionPath(this.uploadUrls.get(uploadId)?.send, this.baseUrl, uploadId, 'send');
    const upload = await this.call<FileUpload>({
      method: 'POST',
      path,
      form: (touch) =>
        sendBody({
          ...part,
          onBytes: (sent) => {
            touch();
            part.onBytes?.(sent);
          },
        }),
      retryClass: 'idempotent',
      retryConflict: true,
      settle: () => this.uploadedAlready(uploadId, opts),
      signal: opts?.signal,
    });
    return this.uploadUrls.remember(upload);
  }

  async completeFileUpload(id: string, opts?: RequestOptions): Promise<FileUpload> {
    const uploadId = requireId(id, 'file upload id');
    const path = uploadActionPath(this.uploadUrls.get(uploadId)?.complete, this.baseUrl, uploadId, 'complete');
    // A repeated complete of a finished upload is rejected (not pending), never applied twice;
    // the status read in settle turns that into success. Sent as recorded (hkob
    // complete_a_file_upload.sh): `Content-Type: application/json`, no body.
    const upload = await this.call<FileUpload>({
      method: 'POST', path, emptyJson: true, retryClass: 'idempotent', settle: () => this.uploadedAlready(uploadId, opts), signal: opts?.signal,
    });
    return this.uploadUrls.remember(upload);
  }

  async getFileUpload(id: string, opts?: RequestOptions): Promise<FileUpload> {
    const path = `/v1/file_uploads/${requireId(id, 'file upload id')}`;
    return this.uploadUrls.remember(await this.call<FileUpload>({ method: 'GET', path, retryClass: 'read', signal: opts?.signal }));
  }

  async listFileUploads(
    query: { status?: FileUploadStatus; startCursor?: string; pageSize?: number } = {},
    opts?: RequestOptions,
  ): Promise<ListResponse<FileUpload>> {
    const qs = new URLSearchParams();
    if (query.status) qs.set('status', query.status);
    if (query.startCursor) qs.set('start_cursor', query.startCursor);
    if (query.pageSize !== undefined) qs.set('page_size', String(checkPageSize(query.pageSize)));
    const path = `/v1/file_uploads${qs.size ? `?${qs}` : ''}`;
    const list = await this.call<ListResponse<FileUpload>>({ method: 'GET', path, retryClass: 'read', signal: opts?.signal });
    list.results.forEach((u) => this.uploadUrls.remember(u));
    return list;
  }

  async getPage(pageId: string, opts?: RequestOptions): Promise<Page> {
    return this.call({ method: 'GET', path: `/v1/pages/${requireId(pageId, 'page id')}`, retryClass: 'read', signal: opts?.signal });
  }

  async updatePage(pageId: string, body: Record<string, unknown>, opts?: RequestOptions): Promise<Page> {
    const path = `/v1/pages/${requireId(pageId, 'page id')}`;
    const json = trashFieldForVersion(body, this.notionVersion);
    // Setting the same cover/icon/properties twice gives the same page: safe to repeat.
    return this.call({ method: 'PATCH', path, json, retryClass: 'idempotent', signal: opts?.signal });
  }

  async getBlock(blockId: string, opts?: RequestOptions): Promise<Block> {
    return this.call({ method: 'GET', path: `/v1/blocks/${requireId(blockId, 'block id')}`, retryClass: 'read', signal: opts?.signal });
  }

  async updateBlock(blockId: string, body: Record<string, unknown>, opts?: RequestOptions): Promise<Block> {
    const path = `/v1/blocks/${requireId(blockId, 'block id')}`;
    const json = trashFieldForVersion(body, this.notionVersion);
    return this.call({ method: 'PATCH', path, json, retryClass: 'idempotent', signal: opts?.signal });
  }

  async listBlockChildren(
    blockId: string,
    query: { startCursor?: string; pageSize?: number } = {},
    opts?: RequestOptions,
  ): Promise<ListResponse<Block>> {
    const qs = new URLSearchParams({ page_size: String(checkPageSize(query.pageSize ?? 100)) });
    if (query.startCursor) qs.set('start_cursor', query.startCursor);
    const path = `/v1/blocks/${requireId(blockId, 'block id')}/children?${qs}`;
    return this.call({ method: 'GET', path, retryClass: 'read', signal: opts?.signal });
  }

  async appendBlockChildren(
    blockId: string,
    children: Record<string, unknown>[],
    position?: AppendPosition,
    opts?: RequestOptions,
  ): Promise<ListResponse<Block>> {
    const path = `/v1/blocks/${requireId(blockId, 'block id')}/children`;
    if (!Array.isArray(children) || children.length < 1 || children.length > 100) {
      throw new Error(`Append needs 1 to 100 child blocks per request, got ${Array.isArray(children) ? children.length : typeof children}.`);
    }
    if (position?.type === 'after_block') requireId(position.blockId, 'block id to insert after');
    const json = { children, ...positionFields(position, this.notionVersion) };
    // Not idempotent: after a 5xx or dropped connection the blocks may exist already, so the
    // error says so (mayHaveApplied) and the caller reads the children before writing again.
    return this.call({ method: 'PATCH', path, json, retryClass: 'unsafe', signal: opts?.signal });
  }

  async searchPages(
    query: string,
    page: { startCursor?: string; pageSize?: number } = {},
    opts?: RequestOptions,
  ): Promise<ListResponse<PageSummary>> {
    // Only fields real traffic shows (notion-sdk-py test_search / iterate_paginated_api cassettes:
    // query, sort, page_size, start_cursor). No `filter`: its value differs between versions
    // (page vs data_source objects) and no recording proves either; non-pages are dropped below.
    const json = {
      query,
      page_size: checkPageSize(page.pageSize ?? 20),
      ...(page.startCursor ? { start_cursor: page.startCursor } : {}),
    };
    const found = await this.call<ListResponse<Record<string, unknown>>>({
      method: 'POST', path: '/v1/search', json, retryClass: 'read', signal: opts?.signal,
    });
    const results = found.results.filter((r) => r.object === 'page').map(toPageSummary);
    return { object: 'list', results, next_cursor: found.next_cursor, has_more: found.has_more };
  }

  async createPage(body: Record<string, unknown>, opts?: RequestOptions): Promise<Page> {
    // Not idempotent: a repeat would make a second page; an ambiguous failure says it may have applied.
    return this.call({ method: 'POST', path: '/v1/pages', json: body, retryClass: 'unsafe', signal: opts?.signal });
  }

  async getDataSource(id: string, opts?: RequestOptions): Promise<DataSourceSchema> {
    const dbId = requireId(id, 'database id');
    const read = <T>(path: string) => this.call<T>({ method: 'GET', path, retryClass: 'read', signal: opts?.signal });
    if (this.notionVersion < '2025-09-03') {
      return toSchema(await read<Record<string, unknown>>(`/v1/databases/${dbId}`), 'database_id');
    }
    try {
      return toSchema(await read<Record<string, unknown>>(`/v1/data_sources/${dbId}`), 'data_source_id');
    } catch (e) {
      // A database's own id (what its Notion link shows) names its data sources rather than one.
      if (!(e instanceof NotionError) || e.status !== 404) throw e;
      const db = await read<{ data_sources?: { id: string }[] }>(`/v1/databases/${dbId}`).catch(() => undefined);
      if (db?.data_sources?.length !== 1) throw e;
      return toSchema(await read<Record<string, unknown>>(`/v1/data_sources/${db.data_sources[0].id}`), 'data_source_id');
    }
  }

  async createComment(body: Record<string, unknown>, opts?: RequestOptions): Promise<Comment> {
    return this.call({ method: 'POST', path: '/v1/comments', json: body, retryClass: 'unsafe', signal: opts?.signal });
  }

  async listComments(blockId: string, query: { startCursor?: string; pageSize?: number } = {}, opts?: RequestOptions): Promise<ListResponse<Comment>> {
    const qs = new URLSearchParams({ block_id: requireId(blockId, 'block id'), page_size: String(checkPageSize(query.pageSize ?? 100)) });
    if (query.startCursor) qs.set('start_cursor', query.startCursor);
    return this.call({ method: 'GET', path: `/v1/comments?${qs}`, retryClass: 'read', signal: opts?.signal });
  }

  async searchDatabases(query: string, page: { startCursor?: string; pageSize?: number } = {}, opts?: RequestOptions): Promise<ListResponse<PageSummary>> {
    const kind = this.notionVersion < '2025-09-03' ? 'database' : 'data_source';
    const json = {
      query,
      filter: { property: 'object', value: kind },
      page_size: checkPageSize(page.pageSize ?? 20),
      ...(page.startCursor ? { start_cursor: page.startCursor } : {}),
    };
    const found = await this.call<ListResponse<Record<string, unknown>>>({ method: 'POST', path: '/v1/search', json, retryClass: 'read', signal: opts?.signal });
    const results = found.results.filter((r) => r.object === kind).map((r) => ({ ...toPageSummary(r), title: plainTitle(r.title) }));
    return { object: 'list', results, next_cursor: found.next_cursor, has_more: found.has_more };
  }

  /** The upload, if its status is `uploaded` (the send/complete that failed did its work). */
  private async uploadedAlready(id: string, opts?: RequestOptions): Promise<FileUpload | undefined> {
    const upload = await this.getFileUpload(id, opts);
    return upload.status === 'uploaded' ? upload : undefined;
  }

  /** Runs one operation: pacing, attempts, waits, and the settle check after ambiguous failures. */
  private async call<T>(op: Operation<T>): Promise<T> {
    let waitedMs = 0;
    let sawAmbiguous = false;
    for (let attempt = 1; ; attempt++) {
      if (op.signal?.aborted) throw new NotionAbortError(op.method, op.path);
      await this.limiter?.acquire(op.signal, op.method, op.path);
      const progress: { touch: (() => void) | undefined } = { touch: undefined };
      try {
        const body = await this.transport.send({
          method: op.method,
          path: op.path,
          json: op.json,
          emptyJson: op.emptyJson,
          form: op.form?.(() => progress.touch?.()),
          signal: op.signal,
          progress,
          unsafe: op.retryClass === 'unsafe',
          write: op.retryClass !== 'read',
          attempt,
        });
        return normaliseTrash(body) as T;
      } catch (e) {
        if (isAbortError(e)) throw e;
        const delayMs = retryDelayMs(e, attempt);
        if (e instanceof NotionError && e.status === 429) this.limiter?.pause(delayMs);
        const retry =
          attempt < this.retry.maxAttempts &&
          shouldRetry(e, op.retryClass, { retryConflict: op.retryConflict }) &&
          waitedMs + delayMs <= this.retry.maxTotalWaitMs;
        sawAmbiguous ||= isAmbiguous(e);
        if (retry) {
          await sleep(delayMs, op.signal, op.method, op.path);
          waitedMs += delayMs;
        }
        if (op.settle && sawAmbiguous) {
          const done = await settleQuietly(op.settle);
          if (done !== undefined) return done;
        }
        if (!retry) throw e;
      }
    }
  }
}

function plainTitle(raw: unknown): string {
  return Array.isArray(raw) ? raw.map((t: { plain_text?: string }) => t?.plain_text ?? '').join('') : '';
}

function toSchema(raw: Record<string, unknown>, parentKey: DataSourceSchema['parentKey']): DataSourceSchema {
  const properties: DataSourceSchema['properties'] = {};
  for (const [name, p] of Object.entries((raw.properties ?? {}) as Record<string, { id?: string; type?: string }>)) {
    properties[name] = { id: String(p?.id ?? name), type: String(p?.type ?? '') };
  }
  return { id: String(raw.id), parentKey, title: plainTitle(raw.title), properties };
}

/** The settle check's answer; a failed check means "unknown", and the policy decides. */
async function settleQuietly<T>(settle: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await settle();
  } catch (e) {
    if (isAbortError(e)) throw e;
    return undefined;
  }
}
