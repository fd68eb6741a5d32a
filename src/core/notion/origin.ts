// The token goes only to the configured API origin. URLs the server hands back (upload_url,
// complete_url) are followed only when they point at that same origin.
import * as l10n from '@vscode/l10n';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The API base without a trailing slash; https required except on loopback (the emulator). */
export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(l10n.t('Notion API base URL "{0}" is not a URL.', baseUrl));
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(l10n.t('Notion API base URL "{0}" must use https (plain http is allowed only for 127.0.0.1/localhost).', baseUrl));
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(l10n.t('Notion API base URL "{0}" must not carry credentials, a query or a fragment.', baseUrl));
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Whether import and link URLs may be plain http: only when the API base itself is on this
 * machine (the local emulator of the sandbox and tests, which can fetch its own http files).
 * Notion itself fetches only https, so against any other API every http link is refused early.
 */
export function httpLinksAllowed(baseUrl: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

/** True when `candidate` is an absolute URL under `baseUrl` (same scheme, host and port, and path prefix). */
export function isOnApiOrigin(candidate: string, baseUrl: string): boolean {
  let url: URL;
  let base: URL;
  try {
    url = new URL(candidate);
    base = new URL(baseUrl);
  } catch {
    return false;
  }
  if (url.origin !== base.origin || url.username || url.password) return false;
  const prefix = base.pathname.replace(/\/+$/, '');
  return url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}

/**
 * Where to send an upload's `send`/`complete` request: the server's URL when it is on the API
 * origin, else the URL built from the id. Returns a path relative to `baseUrl`.
 */
export function uploadActionPath(
  serverUrl: string | undefined,
  baseUrl: string,
  fileUploadId: string,
  action: 'send' | 'complete',
): string {
  if (serverUrl && isOnApiOrigin(serverUrl, baseUrl)) {
    const url = new URL(serverUrl);
    const prefix = new URL(baseUrl).pathname.replace(/\/+$/, '');
    return `${url.pathname.slice(prefix.length)}${url.search}`;
  }
  return `/v1/file_uploads/${encodeURIComponent(fileUploadId)}/${action}`;
}
