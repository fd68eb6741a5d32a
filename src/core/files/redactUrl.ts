// Signed URLs carry their signature in the query: it has no place in messages or logs.

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
