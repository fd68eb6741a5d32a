// Public surface of the core: everything here runs under plain Node, without vscode.
import * as l10n from '@vscode/l10n';
export * from './notion/types';
export type { NotionApi, RequestOptions, CreateUploadParams, SendPartParams } from './notion/api';
export * from './upload/types';
export * from './history/types';
export { Emitter } from './events';
export type { Event, Disposable } from './events';
// Upload service, media rules and upload history (upload issue #4).
export { UploadService } from './upload/uploadService';
export type { UploadServiceConfig } from './upload/uploadService';
export { UploadValidationError, FileChangedError, ImportFailedError } from './upload/errors';
export type { ValidationRule } from './upload/errors';
export type { LocalFile } from './upload/localFile';
export * from './media';
export { UploadHistory } from './history/uploadHistory';
export type { UploadHistoryOptions, HistoryChange } from './history/uploadHistory';
export { MemoryHistoryStore } from './history/memoryStore';
// Notion client (client issue): transport, errors, pacing, id parsing.
export { NotionClient, userAgentFor, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from './notion/client';
export type { NotionClientOptions } from './notion/client';
export { NotionError, NotionNetworkError, NotionAbortError, isAbortError, humanMessage } from './notion/errors';
export type { NotionErrorCode, NetworkFailureKind } from './notion/errors';
export type { RequestLogEntry, RequestLogger } from './notion/transport';
export type { RetryOptions } from './notion/retry';
export type { LimiterOptions } from './notion/limiter';
export { closeAllPools } from './notion/dispatcher';
export { configureL10n } from './l10n';
export { redactSecrets } from './notion/redact';
export { parseNotionId, tryParseNotionId } from './ids';
export type { NotionIdKind } from './ids';
// File browser (issue #6): walk a page's files, fresh links, downloads, copy to another page.
export * from './files';
