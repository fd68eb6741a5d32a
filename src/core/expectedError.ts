// Errors the user caused or Notion answered ("the file is too large", "the page is not
// shared"): their message says everything, so logs show no stack trace for them. Marked by a
// property, not a class check, because the VS Code side and the core are separate bundles.
// Their message is redacted when made, like the log: a token pasted where a link belongs or
// a signed link's query never reaches a message, a stack or a notification.
import { redactSecrets, redactUrl, redactUrlsIn } from './notion/redact';

export abstract class ExpectedError extends Error {
  /** Read by isExpected(); never a bug of ours. */
  readonly expected = true;

  constructor(message: string, options?: ErrorOptions) {
    super(redactText(message), options && 'cause' in options ? { cause: redactedCause(options.cause) } : options);
  }
}

/**
 * A cause as it may be kept: an expected error is redacted already; any other error is
 * replaced by a copy with its message and stack redacted (same name and code).
 */
function redactedCause(cause: unknown): unknown {
  if (!(cause instanceof Error) || isExpected(cause)) return cause;
  const copy = new Error(redactText(cause.message));
  copy.name = cause.name;
  copy.stack = cause.stack === undefined ? undefined : redactText(cause.stack);
  const code = (cause as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

/** A record holding a signed link (a page file), with the link's query cut: what error fields keep. */
export function withoutSignedQuery<T extends { url: string }>(value: T): T {
  return { ...value, url: redactUrl(value.url) };
}

/** Token shapes and signed URL queries out of a text (the same rule as the log). */
export function redactText(text: string, secrets: readonly string[] = []): string {
  return redactUrlsIn(redactSecrets(text, secrets));
}

/** True for an ExpectedError (from any bundle) and for an abort (the user cancelled). */
export function isExpected(e: unknown): boolean {
  return e instanceof Error && ((e as { expected?: unknown }).expected === true || e.name === 'AbortError');
}
