// GET /pages/<id>: a read-only HTML view of a page on the emulator's own origin, so that a
// person in the sandbox can see what a command did (Notion's own page URLs do not exist for
// emulator pages). An emulator convenience, not part of Notion's API: it sits outside /v1/,
// needs no token (loopback only), and renders the page and its blocks from the very JSON that
// GET /v1/pages/<id> and GET /v1/blocks/<id>/children return. All text is escaped; the CSP
// allows no script, and styles only from the page's one nonce'd <style>.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalizeId } from './ids';
import type { PageRecord } from './workspace/records';
import type { World } from './world';

type Json = Record<string, any>;

const VERSION = '2025-09-03';
const MAX_DEPTH = 5;

export const PAGE_VIEW_PATH = /^\/pages\/([^/]+)\/?$/;

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only http(s) links reach an attribute: anything else (javascript:, data:) becomes "#". */
function safeUrl(raw: unknown): string {
  try {
    const u = new URL(String(raw));
    return u.protocol === 'https:' || u.protocol === 'http:' ? escapeHtml(u.href) : '#';
  } catch {
    return '#';
  }
}

const text = (items: unknown): string => (Array.isArray(items) ? items.map((t: Json) => escapeHtml(t?.plain_text ?? '')).join('') : '');

/** The URL and the name a file object (cover, icon, media block, files property item) carries. */
function fileOf(f: Json | null | undefined): { url: string; name: string } | undefined {
  const url = f?.type === 'external' ? f.external?.url : f?.type === 'file' ? f.file?.url : undefined;
  if (typeof url !== 'string') return undefined;
  const name = typeof f?.name === 'string' ? f.name : decodeURIComponent(new URL(url).pathname.split('/').pop() ?? 'file');
  return { url, name };
}

function link(f: { url: string; name: string }): string {
  return `<a href="${safeUrl(f.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(f.name)}</a>`;
}

const TEXT_TAGS: Record<string, string> = {
  paragraph: 'p', heading_1: 'h2', heading_2: 'h3', heading_3: 'h4', quote: 'blockquote',
  bulleted_list_item: 'li', numbered_list_item: 'li', to_do: 'li', callout: 'aside', code: 'pre',
};

export interface ViewBlock {
  block: Json;
  children: ViewBlock[];
}

function mediaBlock(type: string, payload: Json): string {
  const f = fileOf(payload);
  if (!f) return '';
  const src = safeUrl(f.url);
  const media =
    type === 'image' ? `<img src="${src}" alt="${escapeHtml(f.name)}">`
      : type === 'video' ? `<video controls preload="metadata" src="${src}"></video>`
        : type === 'audio' ? `<audio controls preload="metadata" src="${src}"></audio>`
          : type === 'pdf' ? `<iframe title="${escapeHtml(f.name)}" src="${src}"></iframe>`
            : '';
  const caption = text(payload.caption);
  return `<figure class="${escapeHtml(type)}">${media}<div class="file">${link(f)}</div>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

function blockHtml({ block, children }: ViewBlock): string {
  const type = String(block.type);
  const payload: Json = block[type] ?? {};
  const inner = children.length ? `<div class="children">${children.map(blockHtml).join('')}</div>` : '';
  if (['image', 'video', 'audio', 'pdf', 'file'].includes(type)) return mediaBlock(type, payload) + inner;
  if (type === 'child_page') return `<p class="child-page">${escapeHtml(payload.title)}</p>${inner}`;
  if (type === 'divider') return '<hr>';
  if (type === 'embed' || type === 'bookmark') return `<p>${link({ url: payload.url, name: payload.url })}</p>${inner}`;
  const tag = TEXT_TAGS[type];
  if (tag) return `<${tag}>${text(payload.rich_text)}</${tag}>${inner}`;
  return `<p class="unsupported">(${escapeHtml(type)} block)</p>${inner}`;
}

/** No script at all; the one inline style by its nonce; files from anywhere a file object may point. */
export function pageViewCsp(nonce: string): string {
  return [
    "default-src 'none'", "img-src 'self' https: http:", "media-src 'self' https: http:", "frame-src 'self' https: http:",
    `style-src 'nonce-${nonce}'`, "base-uri 'none'", "form-action 'none'",
  ].join('; ');
}

/** The page (as GET /v1/pages returns it) and its block tree (as the blocks API returns them) as one HTML document. */
export function pageHtml(page: Json, blocks: ViewBlock[], nonce: string): string {
  const titleProp = Object.values(page.properties ?? {}).find((p: any) => p?.type === 'title') as Json | undefined;
  const title = text(titleProp?.title) || 'Untitled';
  const cover = fileOf(page.cover);
  const icon = page.icon?.type === 'emoji' ? `<span class="icon">${escapeHtml(page.icon.emoji)}</span>` : fileOf(page.icon) ? `<img class="icon" src="${safeUrl(fileOf(page.icon)!.url)}" alt="">` : '';
  const filesProps = Object.entries(page.properties ?? {}).filter(([, p]: [string, any]) => p?.type === 'files') as [string, Json][];
  const props = filesProps.map(([name, p]) => {
    const items = (p.files as Json[]).map(fileOf).filter((f): f is { url: string; name: string } => !!f);
    return `<tr><th>${escapeHtml(name)}</th><td>${items.length ? items.map(link).join('<br>') : '<span class="empty">Empty</span>'}</td></tr>`;
  }).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${pageViewCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Notion emulator</title>
<style nonce="${nonce}">
body { margin: 0; font: 16px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #37352f; }
.cover { width: 100%; height: 30vh; object-fit: cover; display: block; }
main { max-width: 760px; margin: 0 auto; padding: 24px 48px 64px; }
.icon { font-size: 64px; line-height: 1; display: block; margin-top: -40px; }
img.icon { width: 72px; height: 72px; object-fit: cover; border-radius: 4px; }
h1 { font-size: 40px; margin: 8px 0 16px; }
table { border-collapse: collapse; margin-bottom: 16px; } th { text-align: left; color: #787774; font-weight: normal; padding: 4px 16px 4px 0; vertical-align: top; }
figure { margin: 16px 0; } figure img, figure video { max-width: 100%; } figure iframe { width: 100%; height: 480px; border: 1px solid #e9e9e7; }
figcaption { color: #787774; font-size: 14px; } .file a { font-size: 14px; color: #787774; }
.children { margin-left: 24px; } .empty, .unsupported { color: #9b9a97; }
footer { color: #9b9a97; font-size: 12px; margin-top: 48px; }
</style></head>
<body>
${cover ? `<img class="cover" src="${safeUrl(cover.url)}" alt="">` : ''}
<main>
${icon}
<h1>${title}</h1>
${props ? `<table>${props}</table>` : ''}
${blocks.map(blockHtml).join('\n')}
<footer>Read-only view served by the Notion emulator (not Notion). Page ${escapeHtml(page.id)}.</footer>
</main>
</body></html>
`;
}

function tree(w: World, parentId: string, depth: number): ViewBlock[] {
  return w.workspace.childIds(parentId)
    .map((id) => w.workspace.objects.get(id)!)
    .filter((r) => !r.inTrash && r.kind !== 'database')
    .map((r) => ({
      block: r.kind === 'page' ? w.render.pageAsBlock(r, VERSION) : w.render.block(r as never, VERSION),
      children: depth < MAX_DEPTH && r.kind === 'block' ? tree(w, r.id, depth + 1) : [],
    }));
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(message) });
  res.end(message);
}

export function servePageView(w: World, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'The page view is read-only.');
  const raw = decodeURIComponent(PAGE_VIEW_PATH.exec(url.pathname)![1]);
  const id = normalizeId(raw.slice(-32)) ?? normalizeId(raw);
  const rec = id ? w.workspace.objects.get(id) : undefined;
  if (!rec || rec.kind !== 'page' || rec.inTrash) return plain(res, 404, `No page ${raw} in this emulator.`);
  const nonce = randomBytes(16).toString('base64');
  const html = Buffer.from(pageHtml(w.render.page(rec as PageRecord, VERSION), tree(w, rec.id, 1), nonce));
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(html.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': `${pageViewCsp(nonce)}; frame-ancestors 'none'`,
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}
