// Reduces a page from search results to what a page picker shows.
import type { PageSummary } from './types';

type Json = Record<string, unknown>;

function asObject(v: unknown): Json | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

/** The plain text of the page's title property ("" when it has none). */
export function pageTitle(page: Json): string {
  const properties = asObject(page.properties) ?? {};
  for (const prop of Object.values(properties)) {
    const p = asObject(prop);
    if (p?.type === 'title' && Array.isArray(p.title)) {
      return p.title.map((t) => String(asObject(t)?.plain_text ?? asObject(asObject(t)?.text)?.content ?? '')).join('');
    }
  }
  return '';
}

/** An emoji, or the URL of an external/uploaded/custom-emoji icon. */
function iconText(icon: unknown): string | undefined {
  const i = asObject(icon);
  if (!i || typeof i.type !== 'string') return undefined;
  if (i.type === 'emoji' && typeof i.emoji === 'string') return i.emoji;
  const url = asObject(i[i.type])?.url;
  return typeof url === 'string' ? url : undefined;
}

export function toPageSummary(page: Json): PageSummary {
  const parentType = asObject(page.parent)?.type;
  return {
    id: String(page.id),
    title: pageTitle(page),
    ...(typeof page.url === 'string' ? { url: page.url } : {}),
    ...(iconText(page.icon) !== undefined ? { icon: iconText(page.icon) } : {}),
    ...(typeof page.last_edited_time === 'string' ? { lastEditedTime: page.last_edited_time } : {}),
    ...(typeof parentType === 'string' ? { parentType } : {}),
  };
}
