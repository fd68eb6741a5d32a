// POST /v1/pages: a page under a page (`page_id`) or a database entry (`database_id`; from
// 2025-09-03 also `data_source_id`, which 2022-06-28 does not know), with properties (a page
// parent takes only `title`; a title may be given as a bare rich-text array, as a recorded
// request does), `children` (append's rules), `cover` and `icon` (images only). Every check
// passes before anything is created; the uploads used are then marked attached.
import type { Bot } from '../bots';
import { validation } from '../errors';
import { isObject } from '../isObject';
import type { Router } from '../router';
import type { ParsedFile } from '../workspace/fileObjects';
import type { DatabaseRecord, PageRecord, PropertyValue } from '../workspace/records';
import type { NotionVersion } from '../versions';
import type { World } from '../world';
import { parseProperty } from './pages';

function parentOf(w: World, bot: Bot, raw: unknown, v: NotionVersion): PageRecord['parent'] {
  if (!isObject(raw)) throw validation('body.parent should be an object with page_id, database_id or data_source_id.');
  if (typeof raw.page_id === 'string') {
    const page = w.workspace.find(bot, raw.page_id, ['page'], 'page');
    if (page.inTrash) throw validation("Can't edit page that is archived. You must unarchive the page before editing.");
    return { type: 'page_id', id: page.id };
  }
  const dbId = raw.data_source_id ?? raw.database_id;
  if (typeof dbId === 'string') {
    if (raw.data_source_id !== undefined && v < '2025-09-03') {
      throw validation(`body.parent.data_source_id requires Notion-Version 2025-09-03 or later (this request uses ${v}): use database_id.`);
    }
    const db = w.workspace.find(bot, dbId, ['database'], raw.data_source_id !== undefined ? 'data_source' : 'database');
    if (db.inTrash) throw validation(`Can't add a page to ${db.id}: it is archived.`);
    return { type: 'database_id', id: db.id };
  }
  if (raw.workspace === true) throw validation('An internal integration cannot create top-level workspace pages: give body.parent.page_id.');
  throw validation(`body.parent should define page_id, database_id or data_source_id, instead was \`${JSON.stringify(raw)}\`.`);
}

function parseProperties(w: World, bot: Bot, parent: PageRecord['parent'], raw: unknown, files: ParsedFile[]): Map<string, PropertyValue> {
  const out = new Map<string, PropertyValue>();
  if (raw === undefined) return out;
  if (!isObject(raw)) throw validation('body.properties should be an object.');
  const db = parent.type === 'database_id' ? (w.workspace.objects.get(parent.id) as DatabaseRecord) : undefined;
  for (const [key, value] of Object.entries(raw)) {
    const name = db ? [...db.schema].find(([n, p]) => n === key || p.id === key)?.[0] : key === 'title' ? 'title' : undefined;
    if (!name) {
      throw validation(db ? `${key} is not a property that exists.` : `${key} is not a property that exists: a page under a page has only "title".`);
    }
    const type = db ? db.schema.get(name)!.type : 'title';
    // The recording (notion-sdk-py test_pages_create) sends `"title": [...]`: the bare array is the title.
    const wrapped = type === 'title' && Array.isArray(value) ? { title: value } : value;
    out.set(name, parseProperty(w, bot, name, type, wrapped, files));
  }
  return out;
}

export function createPageRoutes(router: Router, w: World): void {
  router.add('POST', '/v1/pages', (ctx) => {
    const body = ctx.body;
    if (!isObject(body)) throw validation('body should be an object.');
    if (body.parent === undefined) throw validation('body.parent should be defined, instead was `undefined`.');
    const parent = parentOf(w, ctx.bot, body.parent, ctx.version);
    const files: ParsedFile[] = [];
    const properties = parseProperties(w, ctx.bot, parent, body.properties, files);
    const slots: Partial<Record<'cover' | 'icon', ParsedFile>> = {};
    for (const slot of ['cover', 'icon'] as const) {
      if (body[slot] === undefined || body[slot] === null) continue;
      slots[slot] = w.files.parse(ctx.bot, body[slot], slot, `body.${slot}`, { emoji: slot === 'icon' });
      files.push(slots[slot]!);
    }
    const children = body.children === undefined ? [] : w.blockInput.children(ctx.bot, body.children, 'body.children');
    // Everything checked: create.
    const page = w.workspace.createPage(parent, properties, ctx.bot.id);
    page.cover = slots.cover?.stored ?? null;
    page.icon = slots.icon?.stored ?? null;
    const insert = (pid: string, list: typeof children): void =>
      list.forEach((b) => {
        const rec = w.workspace.addBlock(pid, b.type, b.payload, ctx.bot.id);
        files.push(...b.files);
        insert(rec.id, b.children);
      });
    insert(page.id, children);
    w.files.markAttached(files);
    return w.render.page(page, ctx.version);
  });
}
