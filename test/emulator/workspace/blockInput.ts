// Block bodies in requests (append children, seeding, block update): type, payload, media
// file compatibility (image ← images, video ← videos, audio ← audio, pdf ← .pdf, file ← any),
// ≤ 100 children per array and at most two levels of nesting per request.
import type { Bot } from '../bots';
import { validation } from '../errors';
import type { Slot } from '../uploads/store';
import type { FileObjects, ParsedFile } from './fileObjects';
import { MEDIA_TYPES } from './render';
import { parseRichText } from './richText';
import { isObject } from '../isObject';

export const MAX_CHILDREN = 100;
const MAX_NESTING = 2;

const TEXT_TYPES = [
  'paragraph', 'heading_1', 'heading_2', 'heading_3', 'bulleted_list_item', 'numbered_list_item',
  'to_do', 'toggle', 'quote', 'callout', 'code',
];
const NESTABLE = ['paragraph', 'bulleted_list_item', 'numbered_list_item', 'to_do', 'toggle', 'quote', 'callout', 'heading_1', 'heading_2', 'heading_3'];
const OTHER_TYPES = ['divider', 'embed', 'bookmark', 'table_of_contents', 'breadcrumb'];
const ALL_TYPES = [...TEXT_TYPES, ...OTHER_TYPES, ...MEDIA_TYPES];

export interface ParsedBlock {
  type: string;
  payload: Record<string, unknown>;
  children: ParsedBlock[];
  files: ParsedFile[];
}

export function blockTypeOf(raw: Record<string, unknown>, where: string): string {
  const type = typeof raw.type === 'string' ? raw.type : ALL_TYPES.find((t) => t in raw);
  if (!type || !ALL_TYPES.includes(type)) {
    throw validation(`${where}.type should be a supported block type (${ALL_TYPES.join(', ')}), instead was \`${JSON.stringify(raw.type)}\`.`);
  }
  if (!isObject(raw[type])) throw validation(`${where}.${type} should be an object, instead was \`${JSON.stringify(raw[type])}\`.`);
  return type;
}

export class BlockInput {
  constructor(private readonly files: FileObjects) {}

  /** `bot` undefined (seeding) forbids file uploads: seed media with external URLs. */
  children(bot: Bot | undefined, raw: unknown, where: string, depth = 0, max = MAX_CHILDREN): ParsedBlock[] {
    if (!Array.isArray(raw)) throw validation(`${where} should be an array, instead was \`${JSON.stringify(raw)}\`.`);
    if (raw.length > max) throw validation(`${where}.length should be ≤ \`${MAX_CHILDREN}\`, instead was \`${raw.length}\`.`);
    if (depth > MAX_NESTING) throw validation(`${where}: blocks may be nested at most ${MAX_NESTING} levels deep in one request.`);
    return raw.map((child, i) => this.block(bot, child, `${where}[${i}]`, depth));
  }

  block(bot: Bot | undefined, raw: unknown, where: string, depth: number): ParsedBlock {
    if (!isObject(raw)) throw validation(`${where} should be an object.`);
    const type = blockTypeOf(raw, where);
    const body = raw[type] as Record<string, unknown>;
    const parsed: ParsedBlock = { type, payload: {}, children: [], files: [] };
    if ((MEDIA_TYPES as readonly string[]).includes(type)) {
      this.media(bot, type, body, `${where}.${type}`, parsed);
    } else {
      for (const [k, v] of Object.entries(body)) {
        if (k === 'children') continue;
        parsed.payload[k] = k === 'rich_text' || k === 'caption' ? parseRichText(v, `${where}.${type}.${k}`) : v;
      }
      if (TEXT_TYPES.includes(type) && parsed.payload.rich_text === undefined) {
        throw validation(`${where}.${type}.rich_text should be defined, instead was \`undefined\`.`);
      }
      if ((type === 'embed' || type === 'bookmark') && typeof body.url !== 'string') throw validation(`${where}.${type}.url should be a string.`);
    }
    if (body.children !== undefined) {
      if (!NESTABLE.includes(type)) throw validation(`${where}.${type}.children: a ${type} block cannot have children.`);
      parsed.children = this.children(bot, body.children, `${where}.${type}.children`, depth + 1);
    }
    return parsed;
  }

  /** A media payload: the file object (slot = block type) and caption. */
  media(bot: Bot | undefined, type: string, body: Record<string, unknown>, where: string, into: { payload: Record<string, unknown>; files: ParsedFile[] }): void {
    if (!bot && (body.type === 'file_upload' || 'file_upload' in body)) throw new Error('seed.blocks: use external URLs for media, file uploads need a token');
    const file = this.files.parse(bot as Bot, body, type as Slot, where);
    if (type === 'file' && typeof body.name === 'string' && file.stored.kind !== 'emoji') file.stored.name = body.name;
    into.payload.file = file.stored;
    into.payload.caption = body.caption === undefined ? [] : parseRichText(body.caption, `${where}.caption`);
    into.files.push(file);
  }
}
