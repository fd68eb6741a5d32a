// Block routes: children list (paginated) and append (≤ 100, `after` before 2026-03-11,
// `position` from 2026-03-11), block retrieve / update / delete.
import type { Bot } from '../bots';
import { validation } from '../errors';
import { normalizeId } from '../ids';
import type { Router } from '../router';
import { paginate, parsePageSize } from '../uploads/store';
import { usesInTrash, type NotionVersion } from '../versions';
import type { ParsedBlock } from '../workspace/blockInput';
import { blockTypeOf } from '../workspace/blockInput';
import type { ParsedFile } from '../workspace/fileObjects';
import type { AnyRecord, BlockRecord, PageRecord } from '../workspace/records';
import { MEDIA_TYPES } from '../workspace/render';
import { parseRichText } from '../workspace/richText';
import type { World } from '../world';
import { trashFlag } from './pages';
import { isObject } from '../isObject';

/** Index in the parent's child list where new blocks go. */
function insertionIndex(w: World, parent: AnyRecord, body: Record<string, unknown>, v: NotionVersion): number {
  const list = w.workspace.childIds(parent.id);
  const afterIndex = (raw: unknown, where: string) => {
    const id = typeof raw === 'string' ? normalizeId(raw) : undefined;
    const i = id ? list.indexOf(id) : -1;
    if (i < 0 || w.workspace.objects.get(id!)?.inTrash) {
      throw validation(`${where} should be the id of a child block of ${parent.id}, instead was \`${JSON.stringify(raw)}\`.`);
    }
    return i + 1;
  };
  if (usesInTrash(v)) {
    if ('after' in body) throw validation('body.after is not supported in Notion-Version 2026-03-11: use body.position {type: "after_block", after_block: {id}}.');
    const pos = body.position;
    if (pos === undefined) return list.length;
    if (!isObject(pos)) throw validation('body.position should be an object.');
    if (pos.type === 'end') return list.length;
    if (pos.type === 'start') return 0;
    if (pos.type === 'after_block') return afterIndex(isObject(pos.after_block) ? pos.after_block.id : undefined, 'body.position.after_block.id');
    throw validation(`body.position.type should be "after_block", "start" or "end", instead was \`${JSON.stringify(pos.type)}\`.`);
  }
  if ('position' in body) throw validation(`body.position requires Notion-Version 2026-03-11 (this request uses ${v}): use body.after.`);
  return body.after === undefined ? list.length : afterIndex(body.after, 'body.after');
}

function insert(w: World, bot: Bot, parentId: string, blocks: ParsedBlock[], index?: number): BlockRecord[] {
  return blocks.map((b, i) => {
    const rec = w.workspace.addBlock(parentId, b.type, b.payload, bot.id, index === undefined ? undefined : index + i);
    insert(w, bot, rec.id, b.children);
    return rec;
  });
}

function allFiles(blocks: ParsedBlock[]): ParsedFile[] {
  return blocks.flatMap((b) => [...b.files, ...allFiles(b.children)]);
}

export function blockRoutes(router: Router, w: World): void {
  const findContainer = (bot: Bot, id: string) => w.workspace.find(bot, id, ['page', 'block'], 'block');
  const findBlock = (bot: Bot, id: string) => w.workspace.find(bot, id, ['block'], 'block');
  const archivedRefusal = () => validation("Can't edit block that is archived. You must unarchive the block before editing.");

  router.add('GET', '/v1/blocks/:id/children', (ctx) => {
    const parent = findContainer(ctx.bot, ctx.params[0]);
    const live = w.workspace.childIds(parent.id).filter((id) => !w.workspace.objects.get(id)!.inTrash);
    const page = paginate(live, ctx.url.searchParams.get('start_cursor'), parsePageSize(ctx.url.searchParams.get('page_size')), (id) => id);
    return {
      object: 'list',
      results: page.results.map((id) => {
        const r = w.workspace.objects.get(id) as BlockRecord | PageRecord;
        return r.kind === 'page' ? w.render.pageAsBlock(r, ctx.version) : w.render.block(r, ctx.version);
      }),
      next_cursor: page.next_cursor,
      has_more: page.has_more,
      type: 'block',
      block: {},
    };
  });

  router.add('PATCH', '/v1/blocks/:id/children', (ctx) => {
    const parent = findContainer(ctx.bot, ctx.params[0]);
    if (parent.inTrash) throw archivedRefusal();
    const body = ctx.body;
    if (!isObject(body)) throw validation('body should be an object.');
    if (body.children === undefined) throw validation('body.children should be defined, instead was `undefined`.');
    const parsed = w.blockInput.children(ctx.bot, body.children, 'body.children');
    const index = insertionIndex(w, parent, body, ctx.version);
    const created = insert(w, ctx.bot, parent.id, parsed, index);
    w.files.markAttached(allFiles(parsed));
    w.workspace.touch(parent, ctx.bot);
    return { object: 'list', results: created.map((b) => w.render.block(b, ctx.version)), next_cursor: null, has_more: false, type: 'block', block: {} };
  });

  router.add('GET', '/v1/blocks/:id', (ctx) => {
    const r = findContainer(ctx.bot, ctx.params[0]);
    return r.kind === 'page' ? w.render.pageAsBlock(r, ctx.version) : w.render.block(r, ctx.version);
  });

  router.add('PATCH', '/v1/blocks/:id', (ctx) => {
    const block = findBlock(ctx.bot, ctx.params[0]);
    const body = ctx.body;
    if (!isObject(body)) throw validation('body should be an object.');
    const trash = trashFlag(body, ctx.version);
    if (block.inTrash && trash !== false) throw archivedRefusal();
    const other = Object.keys(body).find((k) => k !== block.type && k !== 'type' && k !== 'in_trash' && k !== 'archived');
    if (other) {
      throw validation(`body.${other}: block ${block.id} is of type ${block.type}; its payload must be given as body.${block.type}.`);
    }
    if (body.type !== undefined && body.type !== block.type) throw validation(`body.type should be \`${block.type}\` (the block's type), instead was \`${JSON.stringify(body.type)}\`.`);
    const files: ParsedFile[] = [];
    const next: Record<string, unknown> = { ...block.payload };
    if (body[block.type] !== undefined) {
      blockTypeOf({ type: block.type, [block.type]: body[block.type] }, 'body');
      const upd = body[block.type] as Record<string, unknown>;
      if ((MEDIA_TYPES as readonly string[]).includes(block.type)) {
        const into = { payload: {} as Record<string, unknown>, files };
        w.blockInput.media(ctx.bot, block.type, upd, `body.${block.type}`, into);
        next.file = into.payload.file;
        if (upd.caption !== undefined) next.caption = into.payload.caption;
      } else {
        for (const [k, v] of Object.entries(upd)) next[k] = k === 'rich_text' || k === 'caption' ? parseRichText(v, `body.${block.type}.${k}`) : v;
      }
    }
    block.payload = next;
    if (trash !== undefined) block.inTrash = trash;
    w.files.markAttached(files);
    w.workspace.touch(block, ctx.bot);
    return w.render.block(block, ctx.version);
  });

  // Recorded (notion-sdk-py cassettes): deleting a page through this route trashes it and
  // answers the child_page block.
  router.add('DELETE', '/v1/blocks/:id', (ctx) => {
    const r = findContainer(ctx.bot, ctx.params[0]);
    r.inTrash = true;
    w.workspace.touch(r, ctx.bot);
    return r.kind === 'page' ? w.render.pageAsBlock(r, ctx.version) : w.render.block(r, ctx.version);
  });
}
