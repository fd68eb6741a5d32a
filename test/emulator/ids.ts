// Notion ids are UUIDs, accepted with or without dashes and always returned dashed.
import { randomUUID } from 'node:crypto';

const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNDASHED = /^[0-9a-f]{32}$/i;

export function newId(): string {
  return randomUUID();
}

/** The dashed lower-case form, or undefined when `raw` is not a UUID in either form. */
export function normalizeId(raw: string): string | undefined {
  if (DASHED.test(raw)) return raw.toLowerCase();
  if (UNDASHED.test(raw)) {
    const h = raw.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return undefined;
}
