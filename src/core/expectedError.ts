// Errors the user caused or Notion answered ("the file is too large", "the page is not
// shared"): their message says everything, so logs show no stack trace for them. Marked by a
// property, not a class check, because the VS Code side and the core are separate bundles.

export abstract class ExpectedError extends Error {
  /** Read by isExpected(); never a bug of ours. */
  readonly expected = true;
}

/** True for an ExpectedError (from any bundle) and for an abort (the user cancelled). */
export function isExpected(e: unknown): boolean {
  return e instanceof Error && ((e as { expected?: unknown }).expected === true || e.name === 'AbortError');
}
