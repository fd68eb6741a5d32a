// One HTTP attempt against the Notion API: headers, timeout, cancellation, error mapping and a
// log entry. Retrying and pacing are the client's job (client.ts).
import * as l10n from '@vscode/l10n';
import type { Readable } from 'node:stream';
import { request } from 'undici';
import { poolFor } from './dispatcher';
import type { MultipartBody } from './multipart';
import { NotionAbortError, NotionError, NotionNetworkError, parseRetryAfter } from './errors';
import { redactSecrets, redactUrlsIn } from './redact';
import { reachedServer } from './retry';
import { BODY_LIMITS, readCapped, ResponseTooLargeError, type BodyKind } from './readBody';

/** One line per attempt, for the extension's output channel. Never carries headers or the token. */
export interface RequestLogEntry {
  method: string;
  /** Path and query under the base URL, e.g. `/v1/pages/…`. */
  path: string;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  durationMs: number;
  requestId?: string;
  /** 1 for the first try. */
  attempt: number;
  /** The error's message (redacted), when the attempt failed. */
  error?: string;
}
export type RequestLogger = (entry: RequestLogEntry) => void;

export interface TransportConfig {
  baseUrl: string;
  token: string;
  notionVersion: string;
  userAgent: string;
  timeoutMs: number;
  logger?: RequestLogger;
  /** Caps on answer bodies by kind (default BODY_LIMITS). */
  bodyLimits?: Partial<Record<BodyKind, number>>;
}

export interface Attempt {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path (and query) under the base URL. */
  path: string;
  json?: unknown;
  /** Sends `Content-Type: application/json` without a body (what a recorded complete sent). */
  emptyJson?: boolean;
  form?: MultipartBody;
  signal?: AbortSignal;
  /** For uploads: the timeout counts from the last progress, not from the start. */
  progress?: { touch: (() => void) | undefined };
  /** Marks failures after which the server may have applied the request (non-idempotent writes). */
  unsafe?: boolean;
  /** Changes something on Notion's side (not a read): cancelled on its way, it may still be applied. */
  write?: boolean;
  attempt: number;
}

export class Transport {
  private readonly origin: string;
  private readonly prefix: string;

  constructor(private readonly cfg: TransportConfig) {
    const url = new URL(cfg.baseUrl);
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/+$/, '');
  }

  /** Sends one request; resolves with the parsed JSON body of a 2xx answer. */
  async send(a: Attempt): Promise<unknown> {
    const started = performance.now();
    // Cancelled before it left: nothing was sent (see failure()).
    const abortedBefore = a.signal?.aborted === true;
    const deadline = new Deadline(this.cfg.timeoutMs, a.signal);
    if (a.progress) a.progress.touch = () => deadline.restart();
    let status = 0;
    let requestId: string | undefined;
    try {
      const res = await request(`${this.origin}${this.prefix}${a.path}`, {
        dispatcher: poolFor(this.origin),
        method: a.method,
        headers: this.headers(a),
        // undici documents AsyncIterable bodies (Dispatcher.md, `body`); its .d.ts omits them.
        body: (a.form?.body as unknown as Readable | undefined) ?? (a.json !== undefined ? JSON.stringify(a.json) : undefined),
        signal: deadline.signal,
      });
      status = res.statusCode;
      requestId = header(res.headers['x-notion-request-id']);
      const kind: BodyKind = status >= 200 && status < 300 ? 'json' : 'error';
      const limit = this.cfg.bodyLimits?.[kind] ?? BODY_LIMITS[kind];
      const text = await readCapped(res.body, limit, () => new ResponseTooLargeError(a.method, this.redact(a.path), status, limit, kind), res.headers['content-length']);
      const body = parseJson(text);
      requestId ??= typeof body?.request_id === 'string' ? body.request_id : undefined;
      if (status >= 200 && status < 300) {
        if (body === undefined) throw this.httpError(a, status, requestId, { message: l10n.t('Notion answered with a body that is not JSON.') }, undefined);
        this.log(a, status, started, requestId);
        return body;
      }
      throw this.httpError(a, status, requestId, body ?? { message: text.slice(0, 300) }, res.headers['retry-after']);
    } catch (e) {
      const err = e instanceof NotionError || e instanceof ResponseTooLargeError ? e : this.failure(a, e, deadline, abortedBefore);
      this.log(a, status, started, requestId, err.message);
      throw err;
    } finally {
      deadline.clear();
      if (a.progress) a.progress.touch = undefined;
    }
  }

  private headers(a: Attempt): Record<string, string> {
    const h: Record<string, string> = {
      authorization: `Bearer ${this.cfg.token}`,
      'notion-version': this.cfg.notionVersion,
      'user-agent': this.cfg.userAgent,
      accept: 'application/json',
    };
    if (a.json !== undefined || a.emptyJson) h['content-type'] = 'application/json';
    if (a.form) {
      h['content-type'] = a.form.contentType;
      // undici checks the bytes sent against it (a file that shrank mid-send fails the attempt).
      h['content-length'] = String(a.form.contentLength);
    }
    return h;
  }

  private httpError(
    a: Attempt,
    status: number,
    requestId: string | undefined,
    body: Record<string, unknown>,
    retryAfter: string | string[] | undefined,
  ): NotionError {
    const code = typeof body.code === 'string' ? body.code : undefined;
    const message = typeof body.message === 'string' ? body.message : '';
    return new NotionError({
      status,
      code,
      notionMessage: this.redact(message),
      requestId,
      retryAfterSeconds: parseRetryAfter(retryAfter),
      method: a.method,
      path: this.redact(a.path),
      mayHaveApplied: a.unsafe === true && status >= 500 && status !== 529,
    });
  }

  /** A thrown error that is not an HTTP answer: cancellation, timeout, or a connection failure. */
  private failure(a: Attempt, e: unknown, deadline: Deadline, abortedBefore: boolean): Error {
    const path = this.redact(a.path);
    if (a.signal?.aborted) return new NotionAbortError(a.method, path, a.write === true && !abortedBefore);
    const causeCode = errorCode(e);
    const kind = deadline.timedOut ? 'timeout' : 'network';
    const sent = kind === 'timeout' || reachedServer(causeCode);
    return new NotionNetworkError({
      kind,
      method: a.method,
      path,
      detail: this.redact(causeCode ?? (e instanceof Error ? e.message : String(e))),
      causeCode,
      mayHaveApplied: a.unsafe === true && sent,
    });
  }

  private redact(text: string): string {
    return redactUrlsIn(redactSecrets(text, [this.cfg.token]));
  }

  private log(a: Attempt, status: number, started: number, requestId: string | undefined, error?: string): void {
    if (!this.cfg.logger) return;
    try {
      this.cfg.logger({
        method: a.method,
        path: this.redact(a.path),
        status,
        durationMs: Math.round(performance.now() - started),
        requestId,
        attempt: a.attempt,
        ...(error !== undefined ? { error: this.redact(error) } : {}),
      });
    } catch {
      // A failing logger must not fail the request.
    }
  }
}

/** The per-request timeout joined with the caller's signal; `restart()` on progress. */
class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  timedOut = false;
  private readonly onCallerAbort = () => this.controller.abort();

  constructor(private readonly ms: number, private readonly caller: AbortSignal | undefined) {
    if (caller?.aborted) this.controller.abort();
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.restart();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  restart(): void {
    if (this.timedOut || this.cleared) return;
    // Called per chunk of an upload: refresh() re-arms the same timer instead of making one.
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.ms);
  }

  private cleared = false;

  clear(): void {
    this.cleared = true;
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function errorCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
