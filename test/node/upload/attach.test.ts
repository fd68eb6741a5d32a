// Attaching uploads (and external links) to covers, icons, blocks and files properties.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openEnv, randomFile, type Env } from './helpers';
import { NotionNetworkError } from '../../../src/core/notion/errors';
import { UploadService } from '../../../src/core/upload/uploadService';

let env: Env;
before(async () => (env = await openEnv()));
after(() => env.close());

type Json = Record<string, any>;
const pageJson = (id: string) => env.emu.getPageJson(id) as Json;

async function children(pageId: string): Promise<Json[]> {
  return (await env.client.listBlockChildren(pageId, { pageSize: 100 })).results as Json[];
}

/** The upload id in the emulator's signed URL of an attached file. */
const uploadIdOf = (fileObject: Json) => /\/files\/([0-9a-f-]{36})\//.exec(fileObject.file.url)?.[1];

test('cover and icon: upload, attach, bytes equal, record attached and permanent', async () => {
  const page = env.emu.seed.page({ title: 'Cover me', icon: { type: 'emoji', emoji: '🙂' } }).id;
  const img = await randomFile(env.dir, 'cover.jpg', 40_000);
  const res = await env.service.uploadAndAttach(img.path, { pageId: page, as: 'cover' });
  assert.equal(res.reused, false);
  assert.equal(uploadIdOf(pageJson(page).cover), res.fileUpload.id);
  assert.equal(env.emu.uploadSha256(res.fileUpload.id), img.sha256);

  const icon = await randomFile(env.dir, 'icon.png', 2_000);
  const r2 = await env.service.uploadAndAttach(icon.path, { pageId: `https://www.notion.so/Cover-me-${page.replace(/-/g, '')}`, as: 'icon' });
  assert.equal(uploadIdOf(pageJson(page).icon), r2.fileUpload.id);
  const rec = env.history.get(r2.key)!;
  assert.equal(rec.state, 'attached');
  assert.equal(rec.expiryTime, null);
  assert.deepEqual(rec.attachments.map((a) => [a.pageId, a.placement]), [[page, 'icon']]);
  const upload = await env.client.getFileUpload(r2.fileUpload.id);
  assert.equal(upload.expiry_time, null, 'Notion made it permanent');
});

test('blocks: type chosen from the file, caption kept, explicit file block with name', async () => {
  const page = env.emu.seed.page({ title: 'Blocks' }).id;
  const pdf = await randomFile(env.dir, 'paper.pdf', 10_000);
  const r = await env.service.uploadAndAttach(pdf.path, { pageId: page, as: 'block', caption: 'The paper' });
  const mp3 = await randomFile(env.dir, 'song.mp3', 10_000);
  const r2 = await env.service.uploadAndAttach(mp3.path, { pageId: page, as: 'block', blockType: 'file' });
  const kids = await children(page);
  assert.deepEqual(kids.map((b) => b.type), ['pdf', 'file']);
  assert.equal(kids[0].id, r.blockId);
  assert.equal(kids[0].pdf.caption[0].plain_text ?? kids[0].pdf.caption[0].text.content, 'The paper');
  assert.equal(uploadIdOf(kids[0].pdf), r.fileUpload.id);
  assert.equal(kids[1].id, r2.blockId);
  assert.equal(kids[1].file.name, 'song.mp3');
  assert.equal(env.history.get(r2.key)!.attachments[0].detail, 'file');
});

test('files property: appends to the current files instead of replacing them', async () => {
  const db = env.emu.seed.database({ title: 'DB', properties: { Name: 'title', Files: 'files' } });
  const row = env.emu.seed.databasePage(db.id, { title: 'Row' }).id;
  const a = await randomFile(env.dir, 'a.png', 1_000);
  const b = await randomFile(env.dir, 'b.pdf', 2_000);
  const ra = await env.service.uploadAndAttach(a.path, { pageId: row, as: 'property', property: 'Files' });
  await env.service.attachExternal('https://example.com/spec.pdf', { pageId: row, as: 'property', property: 'Files' });
  const rb = await env.service.uploadAndAttach(b.path, { pageId: row, as: 'property', property: 'Files' });
  const files = pageJson(row).properties.Files.files as Json[];
  assert.deepEqual(files.map((f) => f.name), ['a.png', 'spec.pdf', 'b.pdf']);
  assert.equal(uploadIdOf(files[0]), ra.fileUpload.id);
  assert.equal(files[1].external.url, 'https://example.com/spec.pdf');
  assert.equal(uploadIdOf(files[2]), rb.fileUpload.id);
  assert.deepEqual(await env.service.listFilesProperties(row), ['Files']);
});

test('attach(id, target): upload once, attach many times by id', async () => {
  const p1 = env.emu.seed.page({ title: 'One' }).id;
  const p2 = env.emu.seed.page({ title: 'Two' }).id;
  const img = await randomFile(env.dir, 'shared.webp', 5_000);
  const up = await env.service.upload(img.path);
  await env.service.attach(up.id, { pageId: p1, as: 'block' });
  await env.service.attach(up.id, { pageId: p2, as: 'cover' });
  assert.equal(uploadIdOf((await children(p1))[0].image), up.id);
  assert.equal(uploadIdOf(pageJson(p2).cover), up.id);
  const rec = env.history.findByUploadId(up.id)!;
  assert.deepEqual(rec.attachments.map((a) => a.placement), ['block', 'cover']);
  await assert.rejects(env.service.attach(up.id, { pageId: p1, as: 'block', blockType: 'video' }), /cannot be a video block/);
});

test('external links attach directly for https URLs, without an upload', async () => {
  const page = env.emu.seed.page({ title: 'Links' }).id;
  const creates = env.emu.requests.filter((r) => r.path === '/v1/file_uploads').length;
  await env.service.attachExternal('https://images.example.com/pic.png', { pageId: page, as: 'cover' });
  const { blockId } = await env.service.attachExternal('https://cdn.example.com/v.mp4', { pageId: page, as: 'block' });
  assert.equal(pageJson(page).cover.external.url, 'https://images.example.com/pic.png');
  const kids = await children(page);
  assert.equal(kids[0].type, 'video');
  assert.equal(kids[0].id, blockId);
  assert.equal(env.emu.requests.filter((r) => r.path === '/v1/file_uploads').length, creates);
  // Against this loopback emulator http links are allowed (httpLinksAllowed); the https-only path as against Notion:
  const httpsOnly = new UploadService(env.client, { allowHttpUrls: false });
  await assert.rejects(httpsOnly.attachExternal('http://example.com/a.png', { pageId: page, as: 'cover' }), /only https:\/\//);
  await assert.rejects(env.service.attachExternal('https://example.com/doc.pdf', { pageId: page, as: 'icon' }), /cannot be a page icon/);
});

test('append after a dropped connection (request cut, not applied): reads the children, appends once more', async () => {
  const page = env.emu.seed.page({ title: 'Flaky' }).id;
  const img = await randomFile(env.dir, 'once.gif', 3_000);
  env.emu.faults.arm({ method: 'PATCH', path: `/v1/blocks/${page}/children`, dropConnection: true });
  const r = await env.service.uploadAndAttach(img.path, { pageId: page, as: 'block' });
  const kids = await children(page);
  const carrying = kids.filter((b) => b.type === 'image' && uploadIdOf(b.image) === r.fileUpload.id);
  assert.equal(carrying.length, 1, 'exactly one block carries the upload');
  assert.equal(kids.length, 1);
  assert.equal(r.blockId, carrying[0].id);
  const log = env.emu.requests.filter((q) => q.path === `/v1/blocks/${page}/children`).map((q) => q.method);
  assert.deepEqual(log.slice(0, 3), ['PATCH', 'GET', 'PATCH'], 'looked before appending again');
});

test('append applied but its answer lost: finds the block instead of appending twice', async () => {
  const page = env.emu.seed.page({ title: 'Lost answer' }).id;
  const img = await randomFile(env.dir, 'lost.gif', 3_000);
  // The server applies the append; the answer never arrives (what a reset after the write looks like).
  const losing = Object.create(env.client, {
    appendBlockChildren: {
      value: async (...args: Parameters<typeof env.client.appendBlockChildren>) => {
        await env.client.appendBlockChildren(...args);
        throw new NotionNetworkError({ kind: 'network', method: 'PATCH', path: 'children', detail: 'socket hang up', causeCode: 'ECONNRESET', mayHaveApplied: true });
      },
    },
  });
  const svc = new UploadService(losing, { history: env.history });
  const r = await svc.uploadAndAttach(img.path, { pageId: page, as: 'block' });
  const kids = await children(page);
  assert.equal(kids.length, 1, 'not appended twice');
  assert.equal(uploadIdOf(kids[0].image), r.fileUpload.id);
  assert.equal(r.blockId, kids[0].id);
  assert.equal(env.emu.requests.filter((q) => q.method === 'PATCH' && q.path === `/v1/blocks/${page}/children`).length, 1);
});

test('append after a 500 that did nothing: appends again, once', async () => {
  const page = env.emu.seed.page({ title: 'Flaky 500' }).id;
  const img = await randomFile(env.dir, 'twice.gif', 3_000);
  env.emu.faults.arm({ method: 'PATCH', path: `/v1/blocks/${page}/children`, status: 500, code: 'internal_server_error' });
  const r = await env.service.uploadAndAttach(img.path, { pageId: page, as: 'block' });
  const kids = await children(page);
  assert.equal(kids.length, 1);
  assert.equal(uploadIdOf(kids[0].image), r.fileUpload.id);
  assert.equal(env.emu.requests.filter((q) => q.method === 'PATCH' && q.path === `/v1/blocks/${page}/children`).length, 2);
});
