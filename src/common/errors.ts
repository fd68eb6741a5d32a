// The VS Code side's own errors. Like the core's, they are "expected": the user or Notion said
// no, and the message says why and what to do (no stack trace in the log).
import * as l10n from '@vscode/l10n';
import { ExpectedError } from '../core/expectedError';

/** Raised when a command needs a token and the user declined to set one. */
export class NoTokenError extends ExpectedError {
  override readonly name = 'NoTokenError';
  constructor() {
    super(l10n.t('No Notion token is set. Run "Notion: Set Token" and paste your integration\'s secret.'));
  }
}

/** A page the integration cannot see: said once, before any file is touched. */
export class PageNotSharedError extends ExpectedError {
  override readonly name = 'PageNotSharedError';
  readonly code = 'object_not_found';
  constructor(readonly pageId: string) {
    super(
      l10n.t('Notion cannot show page {0} to the integration: it is not shared with it (or it is not a page). ', pageId) +
      l10n.t('In Notion, open the page, choose ••• → Connections and add the integration, then try again.'),
    );
  }
}
