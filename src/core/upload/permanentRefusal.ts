// Which refusals cannot change by trying again: a value the user or caller gave (caption,
// type, name, page link, option) was refused before any request. Retry is not offered for
// them; the same call would be refused the same way.
/** Refusals of a given value (caption, type, name, page link) that no retry can change. */
const PERMANENT_RULES = new Set([
  'unsupported-extension', 'filename-too-long', 'placement', 'invalid-page-id', 'invalid-url', 'invalid-target',
  'invalid-block-type', 'invalid-caption', 'invalid-property', 'invalid-options', 'empty-file', 'too-large',
  'not-a-file', 'outside-workspace', 'cannot-retry',
]);

/** True for a refusal that Retry would only repeat (the batch runner does not offer Retry for it). */
export function isPermanentRefusal(err: unknown): boolean {
  const e = err as { rule?: unknown } | null;
  return typeof e?.rule === 'string' && PERMANENT_RULES.has(e.rule);
}
