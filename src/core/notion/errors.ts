// The client's error types: an HTTP error Notion answered with (NotionError), a request that
// got no usable answer (NotionNetworkError), and a cancelled request (NotionAbortError).
import * as l10n from '@vscode/l10n';
import { ExpectedError } from '../expectedError';

/** Notion error codes (https://developers.notion.com/reference/status-codes). */
export type NotionErrorCode =
  | 'invalid_json'
  | 'invalid_request_url'
  | 'invalid_request'
  | 'validation_error'
  | 'missing_version'
  | 'unauthorized'
  | 'restricted_resource'
  | 'object_not_found'
  | 'conflict_error'
  | 'rate_limited'
  | 'internal_server_error'
  | 'bad_gateway'
  | 'service_unavailable'
  | 'database_connection_unavailable'
  | 'gateway_timeout'
  | 'service_overload';

const shareHint = () =>
  l10n.t('If it exists, share it with the integration: open the page in Notion, choose ••• → Connections, and add the integration.');

/** A message a user can act on, for each Notion error code. `notionMessage` is Notion's own text. */
export function humanMessage(status: number, code: string | undefined, notionMessage: string): string {
  const said = notionMessage ? l10n.t(' Notion said: {0}', notionMessage) : '';
  switch (code) {
    case 'unauthorized':
      return l10n.t('Notion rejected the integration token (401 unauthorized). Check the token: set it again with "Notion: Set Token", and make sure the integration still exists.');
    case 'object_not_found':
      return l10n.t('Notion could not find the page, block or upload, or the integration has no access to it (404).{0} {1}', said, shareHint());
    case 'restricted_resource':
      return l10n.t('The integration is not allowed to do this (403 restricted_resource). Check its capabilities (read, update and insert content) in Notion\'s integration settings.{0}', said);
    case 'validation_error':
      return l10n.t('Notion rejected the request: {0}', notionMessage || 'validation_error');
    case 'invalid_json':
    case 'invalid_request':
    case 'invalid_request_url':
      return l10n.t('Notion rejected the request as malformed ({0}).{1}', code, said);
    case 'missing_version':
      return l10n.t('Notion requires a Notion-Version header (400 missing_version).{0}', said);
    case 'conflict_error':
      return l10n.t('Notion reported a conflict (409); the data changed or its storage failed during the request. Try again.{0}', said);
    case 'rate_limited':
      return l10n.t('Notion\'s rate limit was reached (429) and retries ran out. Wait a minute and try again.{0}', said);
    case 'internal_server_error':
    case 'bad_gateway':
    case 'service_unavailable':
    case 'database_connection_unavailable':
    case 'gateway_timeout':
    case 'service_overload':
      return l10n.t('Notion is having trouble ({0} {1}); try again later.{2}', status, code, said);
    default:
      return code ? l10n.t('Notion answered HTTP {0} {1}.{2}', status, code, said) : l10n.t('Notion answered HTTP {0}.{1}', status, said);
  }
}

export interface NotionErrorInit {
  status: number;
  code?: string;
  notionMessage: string;
  requestId?: string;
  retryAfterSeconds?: number;
  method: string;
  path: string;
  /** The request may have been applied although it failed (see NotionNetworkError.mayHaveApplied). */
  mayHaveApplied?: boolean;
}

/** Notion answered with an error status. `message` is for people; `notionMessage` is Notion's text. */
export class NotionError extends ExpectedError {
  override readonly name = 'NotionError';
  readonly status: number;
  readonly code?: string;
  readonly notionMessage: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  readonly method: string;
  readonly path: string;
  readonly mayHaveApplied: boolean;

  constructor(init: NotionErrorInit) {
    super(withAmbiguity(humanMessage(init.status, init.code, init.notionMessage), init.mayHaveApplied));
    this.status = init.status;
    this.code = init.code;
    this.notionMessage = init.notionMessage;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.method = init.method;
    this.path = init.path;
    this.mayHaveApplied = init.mayHaveApplied ?? false;
  }
}

export type NetworkFailureKind = 'network' | 'timeout';

/** No usable response: the connection failed or dropped, or the request timed out. */
export class NotionNetworkError extends ExpectedError {
  override readonly name = 'NotionNetworkError';
  readonly kind: NetworkFailureKind;
  readonly method: string;
  readonly path: string;
  /** The low-level error code (ECONNRESET, UND_ERR_SOCKET, …), when there is one. */
  readonly causeCode?: string;
  /**
   * True when the server may have received and applied the request. For non-idempotent
   * writes (append children) the caller must read the current state before writing again.
   */
  readonly mayHaveApplied: boolean;

  constructor(init: { kind: NetworkFailureKind; method: string; path: string; detail: string; causeCode?: string; mayHaveApplied: boolean }) {
    const what = init.kind === 'timeout' ? l10n.t('timed out') : l10n.t('failed ({0})', init.detail);
    super(withAmbiguity(l10n.t('{0} {1} {2}: could not reach Notion.', init.method, init.path, what), init.mayHaveApplied));
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.causeCode = init.causeCode;
    this.mayHaveApplied = init.mayHaveApplied;
  }
}

/** The caller's AbortSignal fired. `name` is 'AbortError', as for fetch. */
export class NotionAbortError extends ExpectedError {
  override readonly name = 'AbortError';
  /** A write was already on its way when cancelled: Notion may still apply it. */
  readonly mayHaveApplied: boolean;
  constructor(method: string, path: string, mayHaveApplied = false) {
    super(l10n.t('{0} {1} was cancelled.', method, path));
    this.mayHaveApplied = mayHaveApplied;
  }
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

function withAmbiguity(message: string, mayHaveApplied: boolean | undefined): string {
  return mayHaveApplied
    ? l10n.t('{0} The request was not repeated because it may already have been applied; read the current state before trying again.', message)
    : message;
}

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - nowMs) / 1000);
}
