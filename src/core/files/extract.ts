// Reads PageFiles out of Notion's page and block objects. Pure functions: no requests.
import type { Block, Page } from '../notion/types';
import { FILE_BLOCK_TYPES, URL_BLOCK_TYPES, type FileBlockType, type FileLocation, type PageFile, type UrlBlockType } from './types';

interface Hosting {
  kind: 'hosted' | 'external';
  url: string;
  expiryTime?: string;
  name?: string;
}

function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null;
}

/** A file object as Notion returns it (`file`, `external`, or an unresolved `file_upload`). */
function readFileObject(obj: unknown): Hosting | undefined {
  if (!isRecord(obj)) return undefined;
  const name = typeof obj.name === 'string' && obj.name ? obj.name : undefined;
  if (obj.type === 'file' && isRecord(obj.file) && typeof obj.file.url === 'string') {
    const expiry = typeof obj.file.expiry_time === 'string' ? obj.file.expiry_time : undefined;
    return { kind: 'hosted', url: obj.file.url, expiryTime: expiry, name };
  }
  if (obj.type === 'external' && isRecord(obj.external) && typeof obj.external.url === 'string') {
    return { kind: 'external', url: obj.external.url, name };
  }
  if (obj.type === 'file_upload' && isRecord(obj.file_upload)) {
    // Some responses echo the request shape; the owner must be re-read for a URL.
    return { kind: 'hosted', url: '', name };
  }
  return undefined;
}

/** The last path segment of a URL, decoded; '' when there is none. */
export function nameFromUrl(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    const last = segments.at(-1) ?? '';
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  } catch {
    return '';
  }
}

function keyOf(loc: FileLocation): string {
  switch (loc.type) {
    case 'cover':
    case 'icon':
      return loc.type;
    case 'block':
      return `block:${loc.blockId}`;
    case 'property':
      return `property:${loc.property}:${loc.index}`;
  }
}

function toPageFile(pageId: string, location: FileLocation, h: Hosting, fallbackName: string): PageFile {
  const name = h.name || nameFromUrl(h.url) || fallbackName;
  const file: PageFile = { key: keyOf(location), pageId, name, location, kind: h.kind, url: h.url };
  if (h.expiryTime) file.expiryTime = h.expiryTime;
  return file;
}

/** Cover, icon and every `files` property item of a page, in that order. */
export function filesOfPage(page: Page): PageFile[] {
  const out: PageFile[] = [];
  const cover = readFileObject(page.cover);
  if (cover) out.push(toPageFile(page.id, { type: 'cover' }, cover, 'cover'));
  const icon = readFileObject(page.icon);
  if (icon) out.push(toPageFile(page.id, { type: 'icon' }, icon, 'icon'));
  for (const [property, value] of Object.entries(page.properties ?? {})) {
    if (!isRecord(value) || value.type !== 'files' || !Array.isArray(value.files)) continue;
    value.files.forEach((item: unknown, index: number) => {
      const h = readFileObject(item);
      if (h) out.push(toPageFile(page.id, { type: 'property', property, index }, h, `${property} ${index + 1}`));
    });
  }
  return out;
}

/** The file a block holds, if it is a file-bearing block (media, file, embed, bookmark). */
export function fileOfBlock(pageId: string, block: Block, depth: number): PageFile | undefined {
  const payload = block[block.type];
  if (!isRecord(payload)) return undefined;
  if ((FILE_BLOCK_TYPES as readonly string[]).includes(block.type)) {
    const h = readFileObject(payload);
    if (!h) return undefined;
    const loc: FileLocation = { type: 'block', blockId: block.id, blockType: block.type as FileBlockType, depth };
    return toPageFile(pageId, loc, h, block.type);
  }
  if ((URL_BLOCK_TYPES as readonly string[]).includes(block.type) && typeof payload.url === 'string' && payload.url) {
    const loc: FileLocation = { type: 'block', blockId: block.id, blockType: block.type as UrlBlockType, depth };
    return toPageFile(pageId, loc, { kind: 'external', url: payload.url }, block.type);
  }
  return undefined;
}

/** Blocks whose children belong to another page: the walk does not enter them. */
export function isOtherPage(block: Block): boolean {
  return block.type === 'child_page' || block.type === 'child_database';
}
