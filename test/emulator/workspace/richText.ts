// Rich text in and out: requests carry {type: "text", text: {content, link}}; responses add
// annotations, plain_text and href like Notion does.
import { validation } from '../errors';

export interface TextItem {
  content: string;
  link: string | null;
}

export function plainText(items: TextItem[]): string {
  return items.map((t) => t.content).join('');
}

export function textOf(s: string): TextItem[] {
  return s ? [{ content: s, link: null }] : [];
}

export function parseRichText(raw: unknown, where: string): TextItem[] {
  if (!Array.isArray(raw)) throw validation(`${where} should be an array, instead was \`${JSON.stringify(raw)}\`.`);
  if (raw.length > 100) throw validation(`${where}.length should be ≤ \`100\`, instead was \`${raw.length}\`.`);
  return raw.map((item, i) => {
    const t = (item as { text?: { content?: unknown; link?: { url?: unknown } | null } }).text;
    if (!t || typeof t.content !== 'string') throw validation(`${where}[${i}].text.content should be a string.`);
    if (t.content.length > 2000) throw validation(`${where}[${i}].text.content.length should be ≤ \`2000\`, instead was \`${t.content.length}\`.`);
    return { content: t.content, link: typeof t.link?.url === 'string' ? t.link.url : null };
  });
}

export function renderRichText(items: TextItem[]): Array<Record<string, unknown>> {
  return items.map((t) => ({
    type: 'text',
    text: { content: t.content, link: t.link ? { url: t.link } : null },
    annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' },
    plain_text: t.content,
    href: t.link,
  }));
}
