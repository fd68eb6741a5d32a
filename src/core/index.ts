// Public surface of the core: everything here runs under plain Node, without vscode.
export * from './notion/types';
export type { NotionApi, RequestOptions, CreateUploadParams, SendPartParams } from './notion/api';
export * from './upload/types';
export * from './history/types';
export { Emitter } from './events';
export type { Event, Disposable } from './events';
