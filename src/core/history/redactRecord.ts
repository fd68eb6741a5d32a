// The history is persisted (VS Code globalState) and shown (Uploads view), so it never holds a
// URL's query, where signed file links carry their signature: every record stored goes
// through here, including those loaded from an older version's storage.
import * as l10n from '@vscode/l10n';
import { redactUrlsIn } from '../notion/redact';
import type { UploadRecord } from './types';

/** What retry says about an import whose link lost its query (see UploadService.importFromUrl). */
export const linkQueryNotKept = (): string =>
  l10n.t('its link carried a query (where signed links keep their signature), which is not stored. Copy the file again from the Page Files view, or import the full link again.');

/** The record with the query cut off every URL in its source, error and notice (itself when there is none). */
export function redactRecord(r: UploadRecord): UploadRecord {
  const source = redactUrlsIn(r.source);
  const error = r.error === undefined ? undefined : redactUrlsIn(r.error);
  const notice = r.notice === undefined ? undefined : redactUrlsIn(r.notice);
  if (source === r.source && error === r.error && notice === r.notice) return r;
  // An import whose link lost its query here cannot be redone from what is left.
  const cut = source !== r.source && source.endsWith('?…');
  const noRetry = r.noRetry ?? (r.mode === 'external_url' && cut ? linkQueryNotKept() : undefined);
  return { ...r, source, error, notice, noRetry };
}
