// Page and block ids from what users paste: ids (with or without dashes) and Notion URLs.
// The id in a URL is the 32 hex after the last `-` of the last path segment; a title such as
// "2026-11-22 Notes" contains dashes and digits, so never strip dashes and grab any 32 hex.
import * as l10n from '@vscode/l10n';

export type NotionIdKind = 'page' | 'block';

const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT = /^[0-9a-f]{32}$/i;
/** A segment that ends with an id: `Title-Words-<32hex>`, or the id alone. */
const SEGMENT_ENDING_IN_ID = /(?:^|-)([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** Query parameters that name the page itself (a peek over a database view, `page_id=` links). */
const PAGE_QUERY_PARAMS = ['p', 'page_id'];
/** Hosts written without a scheme, e.g. `www.notion.so/...` pasted from an address bar. */
const SCHEMELESS_HOST = /^(?:[a-z0-9-]+\.)*notion\.(?:so|site)(?:[/?#]|$)/i;

/** A bare id: 32 hex or a dashed UUID → lowercase 8-4-4-4-12; anything else (URLs too) → undefined. */
export function normaliseBareId(text: string): string | undefined {
  if (DASHED.test(text)) return text.toLowerCase();
  if (COMPACT.test(text)) {
    const h = text.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return undefined;
}

function idFromSegment(segment: string): string | undefined {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A stray `%` in a title: match on the raw text.
  }
  const m = SEGMENT_ENDING_IN_ID.exec(decoded);
  return m ? normaliseBareId(m[1]) : undefined;
}

/** `#<id>` or `#block-<id>`: the block a "Copy link to block" URL points at. */
function idFromHash(hash: string): string | undefined {
  const h = hash.replace(/^#/, '').replace(/^block-/i, '');
  return normaliseBareId(h);
}

function idFromUrl(url: URL, kind: NotionIdKind): string | undefined {
  if (kind === 'block' && url.hash) {
    const blockId = idFromHash(url.hash);
    if (blockId) return blockId;
  }
  for (const name of PAGE_QUERY_PARAMS) {
    const value = url.searchParams.get(name);
    // A peek parameter that is not an id must not fall back to the database in the path.
    if (value !== null) return normaliseBareId(value.trim());
  }
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  const last = segments[segments.length - 1];
  return last ? idFromSegment(last) : undefined;
}

/** Absolute URLs as they are; a bare slug or path (`Title-<32hex>`, `/ws/Title-<32hex>?p=…`) resolved as a relative one. */
function toUrl(text: string): URL | undefined {
  const candidate = SCHEMELESS_HOST.test(text) ? `https://${text}` : text;
  try {
    return new URL(candidate, 'https://relative.invalid/');
  } catch {
    return undefined;
  }
}

/**
 * The id in `input` as a dashed lowercase UUID, or undefined.
 * `kind: 'page'` (default) reads the page a URL shows, ignoring a `#block` anchor;
 * `kind: 'block'` prefers the `#<id>` / `#block-<id>` anchor and falls back to the page.
 */
export function tryParseNotionId(input: string, kind: NotionIdKind = 'page'): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  const bare = normaliseBareId(text);
  if (bare) return bare;
  const url = toUrl(text);
  return url ? idFromUrl(url, kind) : undefined;
}

/** True for a link to Notion itself (notion.so, *.notion.site), whether or not it carries an id. */
export function isNotionLink(input: string): boolean {
  const text = input.trim();
  if (!/^https?:\/\//i.test(text) && !SCHEMELESS_HOST.test(text)) return false;
  const url = toUrl(text);
  return !!url && /(?:^|\.)notion\.(?:so|site)$/i.test(url.hostname);
}

/** Like tryParseNotionId, but throws an Error that names the input when nothing parses. */
export function parseNotionId(input: string, kind: NotionIdKind = 'page'): string {
  const id = tryParseNotionId(input, kind);
  if (id) return id;
  const shown = input.length > 200 ? `${input.slice(0, 200)}…` : input;
  throw new Error(
    `Not a Notion ${kind} id or link: "${shown}". Expected a ${kind} URL (https://www.notion.so/Title-<32 hex>, ` +
      `…?p=<32 hex>, https://<site>.notion.site/<slug>-<32 hex>${kind === 'block' ? ', …#block-<32 hex>' : ''}), ` +
      l10n.t('a 32-character hex id, or a dashed UUID.'),
  );
}
