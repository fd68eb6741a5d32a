// Keeps secrets out of error messages and logs: tokens, even when a server echoes one
// back, and the signatures that signed file URLs carry in their query.

/** Notion token shapes (`ntn_…` new, `secret_…` old) and bearer credentials. */
const TOKEN_LIKE = /\b(?:ntn|secret)_[A-Za-z0-9_-]{4,}/g;
const BEARER = /\bBearer\s+[^\s"',;]+/gi;
const AUTH_HEADER = /(authorization["']?\s*[:=]\s*["']?)[^"'\r\n,}]+/gi;

export const REDACTED = '[redacted]';

/** `text` with the given secrets and anything that looks like a token replaced. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4) out = out.split(s).join(REDACTED);
  }
  return out.replace(AUTH_HEADER, `$1${REDACTED}`).replace(BEARER, `Bearer ${REDACTED}`).replace(TOKEN_LIKE, REDACTED);
}

/** The URL without its query (`…?…` marks that one was cut). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.search ? `${u.origin}${u.pathname}?…` : `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Text with the query of every http(s) URL in it cut off (a sentence's closing punctuation stays). */
export function redactUrlsIn(text: string): string {
  return text.replace(/https?:\/\/[^\s"'<>)`]*[^\s"'<>)`.,;:!?]/g, (u) => redactUrl(u));
}
