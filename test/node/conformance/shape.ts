// Compares the shape of an answer with a recorded one: every recorded key must be there with
// the same JSON type (null, boolean, number, string, array, object), nested. Extra keys in
// the answer are allowed (they are checked elsewhere); values are not compared.
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'undefined';

export function jsonType(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as JsonType;
}

/** The differences, as readable lines (empty when the answer has the recorded shape). */
export function shapeDiff(recorded: unknown, actual: unknown, at = '$', skip: ReadonlySet<string> = new Set()): string[] {
  const want = jsonType(recorded);
  const got = jsonType(actual);
  if (want !== got) return [`${at}: recorded ${want}${want === 'undefined' ? '' : ` (${JSON.stringify(recorded)?.slice(0, 60)})`}, got ${got === 'undefined' ? 'nothing' : `${got} (${JSON.stringify(actual)?.slice(0, 60)})`}`];
  if (want === 'object') {
    const out: string[] = [];
    for (const [k, v] of Object.entries(recorded as Record<string, unknown>)) {
      if (skip.has(k)) continue;
      const a = (actual as Record<string, unknown>)[k];
      if (!(k in (actual as object))) out.push(`${at}.${k}: recorded ${jsonType(v)}, missing`);
      else out.push(...shapeDiff(v, a, `${at}.${k}`, skip));
    }
    return out;
  }
  if (want === 'array') {
    const r = recorded as unknown[];
    const a = actual as unknown[];
    const out: string[] = [];
    for (let i = 0; i < Math.min(r.length, a.length); i++) out.push(...shapeDiff(r[i], a[i], `${at}[${i}]`, skip));
    return out;
  }
  return [];
}
