// GET/PATCH /v1/pages/{id}: cover and icon (images only), properties (a files property is
// replaced by the given array, ≤ 100 items), trash. All checks pass before anything changes.
import type { Bot } from '../bots';
import { validation } from '../errors';
import type { Router } from '../router';
import type { ParsedFile } from '../workspace/fileObjects';
import type { DatabaseRecord, PageRecord, PropertyValue } from '../workspace/records';
import { parseRichText } from '../workspace/richText';
import { usesInTrash, type NotionVersion } from '../versions';
import type { World } from '../world';
import { isObject } from '../isObject';

export const MAX_FILES_PER_PROPERTY = 100;

/** `in_trash` (or `archived` before 2026-03-11) from a PATCH body; undefined when absent. */
export function trashFlag(body: Record<string, unknown>, v: NotionVersion): boolean | undefined {
  if (usesInTrash(v) && 'archived' in body) throw validation('body.archived is not supported in Notion-Version 2026-03-11: use in_trash.');
  const raw = body.in_trash ?? body.archived;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'boolean') throw validation(`body.in_trash should be a boolean, instead was \`${JSON.stringify(raw)}\`.`);
  return raw;
}

export function parseProperty(w: World, bot: Bot, name: string, type: PropertyValue['type'], raw: unknown, files: ParsedFile[]): PropertyValue {
  const where = `body.properties.${name}`;
  if (!isObject(raw)) throw validation(`${where} should be an object.`);
  const value = raw[type];
  switch (type) {
    case 'title':
    case 'rich_text':
      return { type, value: parseRichText(value, `${where}.${type}`) };
    case 'number':
      if (value !== null && typeof value !== 'number') throw validation(`${where}.number should be a number or null.`);
      return { type, value: value as number | null };
    case 'url':
      if (value !== null && typeof value !== 'string') throw validation(`${where}.url should be a string or null.`);
      return { type, value: value as string | null };
    case 'files': {
      if (!Array.isArray(value)) throw validation(`${where}.files should be an array, instead was \`${JSON.stringify(value)}\`.`);
      if (value.length > MAX_FILES_PER_PROPERTY) {
        throw validation(`${where}.files.length should be ≤ \`${MAX_FILES_PER_PROPERTY}\`, instead was \`${value.length}\`.`);
      }
      const parsed = value.map((item, i) => w.files.parse(bot, item, 'files_property', `${where}.files[${i}]`));
      files.push(...parsed);
      return { type, value: parsed.map((p) => p.stored) };
    }
  }
}

export function pageRoutes(router: Router, w: World): void {
  const findPage = (bot: Bot, id: string) => w.workspace.find(bot, id, ['page'], 'page');

  router.add('GET', '/v1/pages/:id', (ctx) => w.render.page(findPage(ctx.bot, ctx.params[0]), ctx.version));

  router.add('PATCH', '/v1/pages/:id', (ctx) => {
    const page = findPage(ctx.bot, ctx.params[0]);
    const body = ctx.body;
    if (!isObject(body)) throw validation('body should be an object.');
    const trash = trashFlag(body, ctx.version);
    if (page.inTrash && trash !== false) {
      throw validation("Can't edit page that is archived. You must unarchive the page before editing.");
    }
    const files: ParsedFile[] = [];
    const changes: Partial<Pick<PageRecord, 'cover' | 'icon'>> = {};
    for (const slot of ['cover', 'icon'] as const) {
      if (!(slot in body)) continue;
      const parsed = body[slot] === null ? null : w.files.parse(ctx.bot, body[slot], slot, `body.${slot}`, { emoji: slot === 'icon' });
      changes[slot] = parsed ? parsed.stored : null;
      if (parsed) files.push(parsed);
    }
    const props = new Map<string, PropertyValue>();
    if (body.properties !== undefined) {
      if (!isObject(body.properties)) throw validation('body.properties should be an object.');
      const db = page.parent.type === 'database_id' ? (w.workspace.objects.get(page.parent.id) as DatabaseRecord) : undefined;
      for (const [key, raw] of Object.entries(body.properties)) {
        const name = db ? [...db.schema].find(([n, p]) => n === key || p.id === key)?.[0] : key === 'title' ? 'title' : undefined;
        if (!name) throw validation(`${key} is not a property that exists.`);
        const type = db ? db.schema.get(name)!.type : 'title';
        props.set(name, parseProperty(w, ctx.bot, name, type, raw, files));
      }
    }
    // Everything checked: apply.
    Object.assign(page, changes);
    for (const [name, v] of props) page.properties.set(name, v);
    if (trash !== undefined) page.inTrash = trash;
    w.files.markAttached(files);
    w.workspace.touch(page, ctx.bot);
    return w.render.page(page, ctx.version);
  });
}
