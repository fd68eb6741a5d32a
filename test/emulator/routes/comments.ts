// POST /v1/comments (on a page, a block or an existing discussion; rich text required;
// attachments: ≤ 3 file uploads, each uploaded, unexpired and this integration's) and
// GET /v1/comments?block_id= (oldest first, paginated). All checks pass before anything changes.
import type { Bot } from '../bots';
import { validation } from '../errors';
import { normalizeId } from '../ids';
import { isObject } from '../isObject';
import type { Router } from '../router';
import { paginate, parsePageSize } from '../uploads/store';
import type { UploadRecord } from '../uploads/record';
import { attachmentCategory, MAX_COMMENT_ATTACHMENTS, type CommentRecord } from '../workspace/comments';
import { parseRichText } from '../workspace/richText';
import type { World } from '../world';

function parseAttachments(w: World, bot: Bot, raw: unknown): UploadRecord[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw validation(`body.attachments should be an array, instead was \`${JSON.stringify(raw)}\`.`);
  if (raw.length > MAX_COMMENT_ATTACHMENTS) {
    throw validation(`body.attachments.length should be ≤ \`${MAX_COMMENT_ATTACHMENTS}\`, instead was \`${raw.length}\`.`);
  }
  return raw.map((a, i) => {
    const where = `body.attachments[${i}]`;
    if (!isObject(a)) throw validation(`${where} should be an object.`);
    if (a.type !== undefined && a.type !== 'file_upload') throw validation(`${where}.type should be "file_upload", instead was \`${JSON.stringify(a.type)}\`.`);
    // Any supported file goes (the category only changes how Notion shows it): the `file` slot's rule.
    return w.uploads.attachable(bot, a.file_upload_id, 'file', where);
  });
}

export function commentRoutes(router: Router, w: World): void {
  router.add('POST', '/v1/comments', (ctx) => {
    const body = ctx.body;
    if (!isObject(body)) throw validation('body should be an object.');
    let parent: CommentRecord['parent'];
    let discussionId: string | undefined;
    if (body.discussion_id !== undefined) {
      if (body.parent !== undefined) throw validation('body.parent and body.discussion_id cannot both be given.');
      const id = typeof body.discussion_id === 'string' ? normalizeId(body.discussion_id) : undefined;
      const first = id ? w.comments.discussion(id) : undefined;
      if (!first || !w.workspace.visibleTo(ctx.bot, w.workspace.objects.get(first.parent.id)!)) {
        throw validation(`Could not find discussion with ID: ${JSON.stringify(body.discussion_id)}.`);
      }
      parent = first.parent;
      discussionId = first.discussionId;
    } else {
      const p = body.parent;
      if (!isObject(p)) throw validation('body.parent should be an object with page_id or block_id (or give body.discussion_id).');
      if (typeof p.page_id === 'string') parent = { type: 'page_id', id: w.workspace.find(ctx.bot, p.page_id, ['page'], 'page').id };
      else if (typeof p.block_id === 'string') parent = { type: 'block_id', id: w.workspace.find(ctx.bot, p.block_id, ['block'], 'block').id };
      else throw validation(`body.parent should define page_id or block_id, instead was \`${JSON.stringify(p)}\`.`);
    }
    const target = w.workspace.objects.get(parent.id)!;
    if (target.inTrash) throw validation(`Can't comment on ${parent.type === 'page_id' ? 'page' : 'block'} ${parent.id}: it is archived.`);
    if (body.rich_text === undefined) throw validation('body.rich_text should be defined, instead was `undefined`.');
    const richText = parseRichText(body.rich_text, 'body.rich_text');
    if (!richText.some((t) => t.content.length > 0)) throw validation('body.rich_text should contain some text: a comment cannot be empty.');
    const uploads = parseAttachments(w, ctx.bot, body.attachments);
    // Checked: create it and mark its uploads attached.
    const rec = w.comments.add({
      parent, discussionId, createdBy: ctx.bot.id, createdByName: ctx.bot.name, richText,
      attachments: uploads.map((u) => ({ uploadId: u.id, filename: u.filename ?? 'file', category: attachmentCategory(u) })),
    });
    for (const u of uploads) w.uploads.markAttached(u);
    return w.comments.render(rec);
  });

  router.add('GET', '/v1/comments', (ctx) => {
    const raw = ctx.url.searchParams.get('block_id');
    if (raw === null) throw validation('query.block_id should be defined, instead was `undefined`.');
    const on = w.workspace.find(ctx.bot, raw, ['page', 'block'], 'block');
    const page = paginate(w.comments.on(on.id), ctx.url.searchParams.get('start_cursor'), parsePageSize(ctx.url.searchParams.get('page_size')), (c) => c.id);
    return { object: 'list', results: page.results.map((c) => w.comments.render(c)), next_cursor: page.next_cursor, has_more: page.has_more, type: 'comment', comment: {} };
  });
}
