// Errors the upload service raises itself (Notion's own errors come through as NotionError).
import * as l10n from '@vscode/l10n';
import { ExpectedError, redactText } from '../expectedError';

export type ValidationRule =
  | 'file-not-found'
  | 'unreadable'
  | 'not-a-file'
  | 'outside-workspace'
  | 'link-type'
  | 'unsupported-extension'
  | 'empty-file'
  | 'too-large'
  | 'filename-too-long'
  | 'placement'
  | 'invalid-page-id'
  | 'not-a-page'
  | 'property-missing'
  | 'property-not-files'
  | 'not-in-database'
  | 'too-many-files'
  | 'invalid-url'
  | 'invalid-target'
  | 'invalid-block-type'
  | 'invalid-caption'
  | 'invalid-property'
  | 'invalid-options'
  | 'unknown-upload'
  | 'cannot-retry'
  | 'invalid-block-id'
  | 'not-a-media-block'
  | 'invalid-comment';

/**
 * A bad input, found before any write request. `file` is the path, URL or value at fault
 * (redacted like the message: a pasted token or a signed link's query never stays in it).
 */
export class UploadValidationError extends ExpectedError {
  override readonly name = 'UploadValidationError';
  readonly file: string;
  constructor(file: string, readonly rule: ValidationRule, message: string) {
    super(message);
    this.file = redactText(file);
  }
}

/** The file's size or mtime changed while its bytes were being sent: nothing is completed or attached. */
export class FileChangedError extends ExpectedError {
  override readonly name = 'FileChangedError';
  readonly rule = 'changed-during-upload';
  constructor(readonly file: string, detail: string) {
    super(l10n.t('{0} changed during the upload ({1}); nothing was attached. Upload it again once it is saved.', file, detail));
  }
}

/** An external import Notion could not complete (`file_import_result.error`). `url` is without its query. */
export class ImportFailedError extends ExpectedError {
  override readonly name = 'ImportFailedError';
  readonly url: string;
  constructor(url: string, readonly code: string | undefined, message: string) {
    super(message);
    this.url = redactText(url);
  }
}

/** Cancelled while the attach write was on its way: Notion may still apply it (Retry looks on the target first). */
export class AttachCancelledError extends ExpectedError {
  override readonly name = 'AbortError';
  /** Read by the batch summary (across bundles, so not by instanceof). */
  readonly attachMayLand = true;
  constructor(filenames: string[], options?: ErrorOptions) {
    const names = filenames.map((f) => `"${f}"`).join(', ');
    super(filenames.length === 1
      ? l10n.t('Cancelled while {0} was being attached: Notion may still apply that write.', names)
      : l10n.t('Cancelled while {0} were being attached: Notion may still apply that write.', names), options);
  }
}
