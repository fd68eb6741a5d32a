// The file browser's public surface (re-exported from src/core/index.ts).
export * from './types';
export { filesOfPage, fileOfBlock, nameFromUrl } from './extract';
export { walkPageFiles, DEFAULT_MAX_DEPTH, type WalkOptions, type WalkResult } from './walk';
export { ensureFresh, needsRefresh, refetchFile, FileGoneError, REFRESH_MARGIN_MS } from './freshLink';
export { deriveFileName, assertSafeFileName, UnsafeFileNameError } from './fileName';
export { downloadToFile, DownloadHttpError, TargetExistsError, type DownloadOptions, type DownloadResult } from './download';
export { copyFileToPage, CopyFailedError, type CopyUploader, type CopyResult, type CopyOptions } from './copy';
export { identifyFromHistory, type UploadIdentifier } from './ourUploads';
export { PageFilesModel, type PageFilesChange, type WalkState } from './model';
export { PageFilesService, type PageFilesServiceOptions, type PageDownloadOptions, type FreshFileOptions } from './service';
export { closeFileHostConnections } from './fileHost';
export { redactUrl } from '../notion/redact';
export { PageFilesBrowser } from './browser';
