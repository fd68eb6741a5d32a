// The targets beyond new blocks: replacing the file of an existing block, new pages from files
// (under a page, or a database entry with its files property), and comment attachments
// (≤ 3 per comment, more become several comments) — through the same upload service, with
// checks before any write and the history recording each attachment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openEnv, randomFile, requestsTo, CREATE, type Env } from './helpers';
import { UploadValidationError } from '../../../src/core/upload/errors';
import { NotionClient } from '../../../src/core/notion/client';
import { UploadService } from '../../../src/core/upload/uploadService';

let env: Env;
let db: string;
before(async () => {
  env = await openEnv({ emulator: { tokens: { ntn_other: {} } } });
  db = env.emu.seed.database({ title: 'Assets', properties: { Name: 'title', Files: 'files', Notes: 'rich_text' } }).id;
});
after(() => env.close());

type Json = Record<string, any>;
const uploadIdOf = (fileObject: Json) => /\/files\/([0-9a-f-]{36})\//.exec(fileObject.file.url)?.[1];
const writes = () => env.emu.requests.filter((r) => r.method !== 'GET').length;

async function rejectsBeforeWrites(p: Promise<unknown>, rule: string, message: RegExp): Promise<void> {
  const before = writes();
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof UploadValidationError, String(e));
    assert.equal(e.rule, rule);
    assert.match(e.message, message);
    return true;
  });
  assert.equal(writes(), before, 'no write request was sent');
}

function seedImageBlock(page: string, caption = 'Team photo'): string {
  return env.emu.seed.blocks(page, [
    { type: 'image', image: { type: 'external', external: { url: 'https://example.com/old-photo.jpg' }, caption: [{ type: 'text', text: { content: caption } }] } },
  ]).ids[0];
}

// ── Replace ──────────────────────────────────────────────────────────────────

test('replace: an external image block now holds the upload, keeps its caption, history names the old file', async () => {
  const page = env.emu.seed.page({ title: 'Replace' }).id;
  const block = seedImageBlock(page);
  const png = await randomFile(env.dir, 'new-photo.png', 5_000);
  const res = await env.service.uploadAndAttach(png.path, { pageId: page, as: 'replace', blockId: `https://www.notion.so/Replace-${page.replace(/-/g, '')}#block-${block.replace(/-/g, '')}` });
  assert.equal(res.blockId, block);
  const after = (await env.client.getBlock(block)) as Json;
  assert.equal(after.image.type, 'file');
  assert.equal(uploadIdOf(after.image), res.fileUpload.id);
  assert.equal(after.image.caption[0].plain_text, 'Team photo', 'caption kept');
  assert.equal(env.emu.uploadSha256(res.fileUpload.id), png.sha256);
  const rec = env.history.get(res.key)!;
  assert.equal(rec.state, 'attached');
  assert.deepEqual(rec.attachments.map((a) => [a.pageId, a.placement, a.detail, a.blockId]), [[page, 'replace', 'image', block]]);
  assert.deepEqual(rec.attachments[0].replaced, { name: 'old-photo.jpg', contentType: 'image/jpeg', kind: 'external' });
});

test('replace: a new caption replaces the old one; a file block takes any type and shows the new name', async () => {
  const page = env.emu.seed.page({ title: 'Replace caption' }).id;
  const block = seedImageBlock(page);
  const jpg = await randomFile(env.dir, 'other.jpg', 3_000);
  await env.service.uploadAndAttach(jpg.path, { pageId: page, as: 'replace', blockId: block, caption: 'New caption' });
  assert.equal(((await env.client.getBlock(block)) as Json).image.caption[0].plain_text, 'New caption');
  const [fileBlock] = env.emu.seed.blocks(page, [{ type: 'file', file: { type: 'external', external: { url: 'https://example.com/a.zip' }, name: 'a.zip' } }]).ids;
  const pdf = await randomFile(env.dir, 'spec.pdf', 3_000);
  await env.service.uploadAndAttach(pdf.path, { pageId: page, as: 'replace', blockId: fileBlock });
  assert.equal(((await env.client.getBlock(fileBlock)) as Json).file.name, 'spec.pdf');
});

test('replace: a file that does not fit the block, a non-media block, a block on another page: refused before any write', async () => {
  const page = env.emu.seed.page({ title: 'Wrong type' }).id;
  const block = seedImageBlock(page);
  const pdf = await randomFile(env.dir, 'not-an-image.pdf', 2_000);
  await rejectsBeforeWrites(env.service.uploadAndAttach(pdf.path, { pageId: page, as: 'replace', blockId: block }), 'placement', /not-an-image\.pdf: a document file \(\.pdf\) cannot be an image block/);
  const [para] = env.emu.seed.blocks(page, [{ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'x' } }] } }]).ids;
  const png = await randomFile(env.dir, 'fits.png', 2_000);
  await rejectsBeforeWrites(env.service.uploadAndAttach(png.path, { pageId: page, as: 'replace', blockId: para }), 'not-a-media-block', /is a paragraph block/);
  const elsewhere = env.emu.seed.page({ title: 'Elsewhere' }).id;
  await rejectsBeforeWrites(env.service.uploadAndAttach(png.path, { pageId: elsewhere, as: 'replace', blockId: block }), 'not-a-media-block', /is not on page/);
});

test('replace: pending and expired uploads are refused by id; Notion refuses them too and the old file stays', async () => {
  const page = env.emu.seed.page({ title: 'Expired' }).id;
  const block = seedImageBlock(page);
  const png = await randomFile(env.dir, 'late.png', 2_000);
  const upload = await env.service.upload(png.path, { dedupe: false });
  env.emu.clock.advance(3_600_001);
  await rejectsBeforeWrites(env.service.attach(upload.id, { pageId: page, as: 'replace', blockId: block }), 'unknown-upload', /is expired, not uploaded/);
  const pending = await env.client.createFileUpload({ mode: 'single_part', filename: 'p.png', contentType: 'image/png' });
  await rejectsBeforeWrites(env.service.attach(pending.id, { pageId: page, as: 'replace', blockId: block }), 'unknown-upload', /is pending/);
  // Past the service's check (a stale id sent directly): Notion's own refusal, and nothing changed.
  await assert.rejects(env.client.updateBlock(block, { image: { file_upload: { id: upload.id } } }), /has expired/);
  assert.equal(((await env.client.getBlock(block)) as Json).image.external.url, 'https://example.com/old-photo.jpg');
});

test('replace and comment: a page not shared with the integration is refused before anything uploads', async () => {
  const hidden = env.emu.seed.page({ title: 'Private', sharedWith: ['ntn_other'] }).id;
  const png = await randomFile(env.dir, 'hidden.png', 2_000);
  const creates = requestsTo(env.emu, CREATE).length;
  await rejectsBeforeWrites(env.service.uploadAndAttach(png.path, { pageId: hidden, as: 'replace', blockId: hidden }), 'not-a-page', /not a page the integration can see/);
  await rejectsBeforeWrites(env.service.uploadAndAttach(png.path, { pageId: hidden, as: 'comment', comment: 'hi' }), 'not-a-page', /Connections/);
  await rejectsBeforeWrites(env.service.uploadAndAttach(png.path, { pageId: hidden, as: 'newPage' }), 'not-a-page', /not a page or database the integration can see/);
  assert.equal(requestsTo(env.emu, CREATE).length, creates, 'nothing uploaded');
});

// ── Comments ─────────────────────────────────────────────────────────────────

test('comment: four files become two comments (3 + 1) with the text, each record attached', async () => {
  const page = env.emu.seed.page({ title: 'Review' }).id;
  const files = await Promise.all(['a.png', 'b.pdf', 'c.mp4', 'd.docx'].map((n, i) => randomFile(env.dir, n, 1_000 + i)));
  let last = 0;
  const res = await env.service.uploadAndAttachGroup(files.map((f) => f.path), { pageId: page, as: 'comment', comment: 'Screens for review' }, { onProgress: (s, t) => (last = s / t) });
  assert.equal(last, 1, 'progress counts all files');
  assert.equal(res.commentIds?.length, 2);
  const comments = (await env.client.listComments(page)).results;
  assert.deepEqual(comments.map((c) => c.rich_text.map((t) => t.plain_text).join('')), ['Screens for review (1/2)', 'Screens for review (2/2)']);
  assert.deepEqual(comments.map((c) => c.attachments?.length), [3, 1]);
  assert.deepEqual(comments[0].attachments!.map((a) => a.category), ['image', 'pdf', 'video']);
  for (const [i, f] of res.files.entries()) {
    const rec = env.history.get(f.key)!;
    assert.equal(rec.state, 'attached');
    assert.deepEqual(rec.attachments.map((a) => [a.placement, a.commentId]), [['comment', comments[i < 3 ? 0 : 1].id]]);
    assert.equal(env.emu.uploadSha256(f.fileUpload.id), files[i].sha256);
  }
});

test('comment: one file, one comment without a part number; empty text and unsupported files refused first', async () => {
  const page = env.emu.seed.page({ title: 'One comment' }).id;
  const png = await randomFile(env.dir, 'single.png', 1_000);
  const r = await env.service.uploadAndAttach(png.path, { pageId: page, as: 'comment', comment: 'Looks good' });
  const [c] = (await env.client.listComments(page)).results;
  assert.equal(c.id, r.commentId);
  assert.equal(c.rich_text[0].plain_text, 'Looks good');
  await rejectsBeforeWrites(env.service.uploadAndAttach(png.path, { pageId: page, as: 'comment', comment: '  ' }), 'invalid-comment', /needs text/);
  const md = await randomFile(env.dir, 'notes.md', 100);
  await rejectsBeforeWrites(env.service.uploadAndAttachGroup([png.path, md.path], { pageId: page, as: 'comment', comment: 'x' }), 'unsupported-extension', /notes\.md/);
});

test('comment: four attachments in one request are refused by Notion, nothing created', async () => {
  const page = env.emu.seed.page({ title: 'Four' }).id;
  const ids = [];
  for (let i = 0; i < 4; i++) ids.push((await env.service.upload((await randomFile(env.dir, `f${i}.png`, 500 + i)).path)).id);
  await assert.rejects(
    env.client.createComment({ parent: { page_id: page }, rich_text: [{ type: 'text', text: { content: 'x' } }], attachments: ids.map((id) => ({ file_upload_id: id })) }),
    /attachments.length should be ≤ `3`/,
  );
  assert.deepEqual((await env.client.listComments(page)).results, []);
});

test('comment: when the comment fails, the uploads keep the intent and retry(key) attaches without sending again', async () => {
  const page = env.emu.seed.page({ title: 'Retry comment' }).id;
  const png = await randomFile(env.dir, 'retry.png', 1_500);
  env.emu.faults.arm({ method: 'POST', path: '/v1/comments', status: 400, code: 'validation_error', message: 'Injected refusal.' });
  let key = '';
  await assert.rejects(env.service.uploadAndAttach(png.path, { pageId: page, as: 'comment', comment: 'again' }, { onRecord: (k) => (key = k) }), /Injected refusal/);
  assert.equal(env.history.get(key)!.intent?.as, 'comment');
  const sends = requestsTo(env.emu, /\/send$/).length;
  await env.service.retry(key);
  assert.equal(requestsTo(env.emu, /\/send$/).length, sends, 'no bytes sent again');
  assert.equal((await env.client.listComments(page)).results.length, 1);
  assert.equal(env.history.get(key)!.state, 'attached');
});

// ── New pages ────────────────────────────────────────────────────────────────

test('new page under a page: titled after the file, the file as its first block, an image as cover', async () => {
  const parent = env.emu.seed.page({ title: 'Parent' }).id;
  const png = await randomFile(env.dir, 'diagram.png', 4_000);
  const r = await env.service.uploadAndAttach(png.path, { pageId: parent, as: 'newPage' });
  assert.ok(r.createdPageId);
  const page = env.emu.getPageJson(r.createdPageId!) as Json;
  assert.equal(page.parent.page_id, parent);
  assert.equal(page.properties.title.title[0].plain_text, 'diagram.png');
  assert.equal(uploadIdOf(page.cover), r.fileUpload.id);
  const [block] = (await env.client.listBlockChildren(r.createdPageId!)).results as Json[];
  assert.equal(block.type, 'image');
  assert.equal(uploadIdOf(block.image), r.fileUpload.id);
  assert.deepEqual(env.history.get(r.key)!.attachments.map((a) => [a.pageId, a.placement, a.detail]), [[r.createdPageId, 'newPage', 'image']]);
});

test('new page holding several files: one page, blocks in order, the title given', async () => {
  const parent = env.emu.seed.page({ title: 'Gallery parent' }).id;
  const files = await Promise.all(['one.pdf', 'two.png', 'three.mp3'].map((n, i) => randomFile(env.dir, n, 2_000 + i)));
  const g = await env.service.uploadAndAttachGroup(files.map((f) => f.path), { pageId: parent, as: 'newPage', title: 'Release assets', cover: false });
  const page = env.emu.getPageJson(g.createdPageId!) as Json;
  assert.equal(page.properties.title.title[0].plain_text, 'Release assets');
  assert.equal(page.cover, null, 'cover: false');
  assert.deepEqual(((await env.client.listBlockChildren(g.createdPageId!)).results as Json[]).map((b) => b.type), ['pdf', 'image', 'audio']);
  assert.equal(new Set(g.files.map((f) => f.createdPageId)).size, 1);
});

test('new database entry: title from the file name, the file in its files property', async () => {
  const pdf = await randomFile(env.dir, 'contract.pdf', 3_000);
  const r = await env.service.uploadAndAttach(pdf.path, { pageId: db, as: 'newPage', property: 'Files' });
  const page = env.emu.getPageJson(r.createdPageId!) as Json;
  assert.equal(page.parent.type, 'data_source_id');
  assert.equal(page.parent.data_source_id, db);
  assert.equal(page.properties.Name.title[0].plain_text, 'contract.pdf');
  assert.equal(page.properties.Files.files[0].name, 'contract.pdf');
  assert.equal(uploadIdOf(page.properties.Files.files[0]), r.fileUpload.id);
  assert.deepEqual(env.history.get(r.key)!.attachments.map((a) => [a.placement, a.detail]), [['newPage', 'Files']]);
});

test('new database entry on 2022-06-28 goes under database_id', async () => {
  const old = new NotionClient({ token: 'secret_emulator_default_token', baseUrl: env.emu.url, limiter: false, notionVersion: '2022-06-28' });
  const service = new UploadService(old);
  const png = await randomFile(env.dir, 'old-api.png', 1_000);
  const r = await service.uploadAndAttach(png.path, { pageId: db, as: 'newPage', property: 'Files' });
  assert.deepEqual((env.emu.getPageJson(r.createdPageId!, '2022-06-28') as Json).parent, { type: 'database_id', database_id: db });
});

test('new page: a property that is missing or not files, or on a page parent, is refused before any write', async () => {
  const png = await randomFile(env.dir, 'prop.png', 1_000);
  await rejectsBeforeWrites(env.service.uploadAndAttach(png.path, { pageId: db, as: 'newPage', property: 'Attachments' }), 'property-missing', /no property "Attachments" \(its files properties: "Files"\)/);
  await rejectsBeforeWrites(env.service.uploadAndAttach(png.path, { pageId: db, as: 'newPage', property: 'Notes' }), 'property-not-files', /rich_text property/);
  const parent = env.emu.seed.page({ title: 'Plain parent' }).id;
  await rejectsBeforeWrites(env.service.uploadAndAttach(png.path, { pageId: parent, as: 'newPage', property: 'Files' }), 'not-in-database', /has no files properties/);
});

test('comment: when the second comment fails, the first three files stay attached and only the fourth keeps the intent', async () => {
  const page = env.emu.seed.page({ title: 'Half done' }).id;
  const files = await Promise.all(['h1.png', 'h2.png', 'h3.png', 'h4.png'].map((n, i) => randomFile(env.dir, n, 700 + i)));
  const keys: string[] = [];
  const original = env.client.createComment.bind(env.client);
  let calls = 0;
  // Notion refuses the second comment (armed once the first is written).
  env.client.createComment = (body, opts) => {
    if (++calls === 2) env.emu.faults.arm({ method: 'POST', path: '/v1/comments', status: 400, code: 'validation_error', message: 'Injected second refusal.' });
    return original(body, opts);
  };
  try {
    await assert.rejects(
      env.service.uploadAndAttachGroup(files.map((f) => f.path), { pageId: page, as: 'comment', comment: 'split' }, { onRecord: (k) => keys.push(k) }),
      /Injected second refusal/,
    );
  } finally {
    env.client.createComment = original;
  }
  assert.equal((await env.client.listComments(page)).results.length, 1);
  const recs = keys.map((k) => env.history.get(k)!);
  assert.deepEqual(recs.map((r) => r.state), ['attached', 'attached', 'attached', 'pending']);
  assert.deepEqual(recs.map((r) => r.intent?.as), [undefined, undefined, undefined, 'comment']);
  assert.equal(recs[0].error, undefined);
});
