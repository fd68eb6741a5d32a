// Public surface of the core: everything here runs under plain Node, without vscode.
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
