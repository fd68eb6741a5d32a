// External import: Notion fetches an https URL itself; we poll until it is `uploaded` or `failed`.
import * as l10n from '@vscode/l10n';
import type { NotionApi } from '../notion/api';
import type { FileUpload } from '../notion/types';
import { redactUrl, redactUrlsIn } from '../notion/redact';
import { ImportFailedError, UploadValidationError } from './errors';
import { sleep } from './retryable';

/** Notion's limit on a URL (external files, link values). */
export const MAX_URL_LENGTH = 2000;

/**
 * A link Notion can import or link: https (http only for the local emulator), at most 2000
 * characters, no user name or password. Refusals show the link without its query.
 */
export function checkHttpsUrl(url: string, allowHttp = false): URL {
  let parsed: URL;
  const shown = typeof url === 'string' ? redactUrl(url) : String(url);
  try {
    parsed = new URL(url);
  } catch {
    throw new UploadValidationError(String(url), 'invalid-url', l10n.t('"{0}" is not a URL; give a public https:// link.', String(url).slice(0, 200)));
  }
  if (parsed.protocol !== 'https:' && !(allowHttp && parsed.protocol === 'http:')) {
    throw new UploadValidationError(shown, 'invalid-url', l10n.t('{0}: only https:// links can be imported or linked by Notion.', shown));
  }
  if (parsed.username || parsed.password) {
    throw new UploadValidationError(shown, 'invalid-url', l10n.t('{0}: the link holds a user name or password; Notion cannot use them and they would be stored in the page.', shown));
  }
  if (url.length > MAX_URL_LENGTH) {
    throw new UploadValidationError(shown, 'invalid-url', l10n.t('{0}…: the link is {1} characters; Notion allows {2} characters.', shown.slice(0, 200), url.length, MAX_URL_LENGTH));
  }
  return parsed;
}

/** The last path segment, decoded (a name for the imported file when none is given). */
export function filenameFromUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export interface PollOptions {
  signal?: AbortSignal;
  /** First wait; doubles up to maxDelayMs (defaults 500 ms → 5 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this long (default 10 min). */
  timeoutMs?: number;
}

export async function waitForImport(client: NotionApi, upload: FileUpload, url: string, opts: PollOptions = {}): Promise<FileUpload> {
  // Errors get the link without its query: a signed link's signature must not reach records or logs.
  const shown = redactUrl(url);
  let delay = opts.initialDelayMs ?? 500;
  const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000);
  let current = upload;
  for (;;) {
    if (current.status === 'uploaded') return current;
    if (current.status === 'failed' || current.status === 'expired') {
      const result = current.file_import_result;
      const error = result && result.type === 'error' ? result.error : undefined;
      throw new ImportFailedError(
        shown,
        error?.code,
        l10n.t('Notion could not import {0}: {1}', shown, redactUrlsIn(error?.message ?? l10n.t('the upload is {0}', current.status))) + (error?.code ? ` (${error.code})` : ''),
      );
    }
    if (Date.now() > deadline) throw new ImportFailedError(shown, 'timeout', l10n.t('Notion did not finish importing {0} in time.', shown));
    await sleep(delay, opts.signal);
    delay = Math.min(delay * 2, opts.maxDelayMs ?? 5000);
    current = await client.getFileUpload(current.id, { signal: opts.signal });
  }
}
