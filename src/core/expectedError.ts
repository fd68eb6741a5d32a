// Errors the user caused or Notion answered ("the file is too large", "the page is not
// shared"): their message says everything, so logs show no stack trace for them. Marked by a
// property, not a class check, because the VS Code side and the core are separate bundles.
// Their message is redacted when made, like the log: a token pasted where a link belongs or
// a signed link's query never reaches a message, a stack or a notification.
import { redactSecrets, redactUrlsIn } from './notion/redact';

export abstract class ExpectedError extends Error {
  /** Read by isExpected(); never a bug of ours. */
  readonly expected = true;

  constructor(message: string, options?: ErrorOptions) {
    super(redactText(message), options);
  }
}

/** Token shapes and signed URL queries out of a text (the same rule as the log). */
export function redactText(text: string, secrets: readonly string[] = []): string {
  return redactUrlsIn(redactSecrets(text, secrets));
}

/** True for an ExpectedError (from any bundle) and for an abort (the user cancelled). */
export function isExpected(e: unknown): boolean {
  return e instanceof Error && ((e as { expected?: unknown }).expected === true || e.name === 'AbortError');
}
