// Upload once, attach many: the same bytes are not sent twice while the earlier upload is usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { openEnv, randomFile, makeClient, CREATE, SEND, type Env } from './helpers';
import { UploadService } from '../../../src/core/upload/uploadService';

let env: Env;
before(async () => (env = await openEnv()));
after(() => env.close());

const count = (mark: number, re: RegExp) => env.emu.requests.slice(mark).filter((r) => re.test(r.path)).length;
type Json = Record<string, any>;
const coverId = (page: string) => /\/files\/([0-9a-f-]{36})\//.exec((env.emu.getPageJson(page) as Json).cover.file.url)?.[1];

test('attaching the same bytes again (another path, same name) reuses the attached upload: no create, no send', async () => {
  const p1 = env.emu.seed.page({ title: 'A' }).id;
  const p2 = env.emu.seed.page({ title: 'B' }).id;
  const a = await randomFile(env.dir, 'logo.png', 50_000);
  mkdirSync(path.join(env.dir, 'copies'), { recursive: true });
  const copy = path.join(env.dir, 'copies', 'logo.png');
  copyFileSync(a.path, copy);
  const first = await env.service.uploadAndAttach(a.path, { pageId: p1, as: 'cover' });
  const mark = env.emu.requests.length;
  const notices: string[] = [];
  const second = await env.service.uploadAndAttach(copy, { pageId: p2, as: 'cover' }, { onNotice: (m) => notices.push(m) });
  assert.equal(second.reused, true);
  assert.equal(second.fileUpload.id, first.fileUpload.id);
  assert.equal(count(mark, CREATE), 0);
  assert.equal(count(mark, SEND), 0);
  assert.equal(coverId(p2), first.fileUpload.id);
  assert.match(notices[0], /same bytes were uploaded before; reusing/);
  // The copy has its own row (the file the user chose), pointing at the reused upload.
  assert.notEqual(second.key, first.key);
  const row = env.history.get(second.key)!;
  assert.deepEqual([row.source, row.fileUploadId, row.state], [copy, first.fileUpload.id, 'attached']);
  assert.deepEqual(row.attachments.map((x) => x.pageId), [p2]);
  assert.deepEqual(env.history.get(first.key)!.attachments.map((x) => x.pageId), [p1]);
  // The same path again: its own row again, no third one.
  const third = await env.service.uploadAndAttach(copy, { pageId: p1, as: 'cover' });
  assert.equal(third.key, second.key);
});

test('a pending (not yet attached) upload is reused within its hour, not after', async () => {
  const p = env.emu.seed.page({ title: 'C' }).id;
  const f = await randomFile(env.dir, 'pending.jpg', 30_000);
  const up = await env.service.upload(f.path);
  let mark = env.emu.requests.length;
  const r = await env.service.uploadAndAttach(f.path, { pageId: p, as: 'block' });
  assert.equal(r.reused, true);
  assert.equal(r.fileUpload.id, up.id);
  assert.equal(count(mark, SEND), 0);

  const g = await randomFile(env.dir, 'pending2.jpg', 30_000);
  const up2 = await env.service.upload(g.path);
  env.emu.clock.advance(61 * 60_000);
  mark = env.emu.requests.length;
  const r2 = await env.service.uploadAndAttach(g.path, { pageId: p, as: 'block' });
  assert.equal(r2.reused, false);
  assert.notEqual(r2.fileUpload.id, up2.id);
  assert.equal(count(mark, SEND), 1);
  assert.equal(env.emu.uploadSha256(r2.fileUpload.id), g.sha256);
});

test('same size, different bytes: uploaded anew', async () => {
  const p = env.emu.seed.page({ title: 'D' }).id;
  const a = await randomFile(env.dir, 'x1.png', 20_000);
  const b = await randomFile(env.dir, 'x2.png', 20_000);
  const ra = await env.service.uploadAndAttach(a.path, { pageId: p, as: 'cover' });
  const rb = await env.service.uploadAndAttach(b.path, { pageId: p, as: 'cover' });
  assert.equal(rb.reused, false);
  assert.notEqual(ra.fileUpload.id, rb.fileUpload.id);
  assert.equal(env.emu.uploadSha256(rb.fileUpload.id), b.sha256);
});

test('dedupe off (service option or per call) sends the bytes again', async () => {
  const p = env.emu.seed.page({ title: 'E' }).id;
  const f = await randomFile(env.dir, 'again.png', 10_000);
  const first = await env.service.uploadAndAttach(f.path, { pageId: p, as: 'cover' });
  const perCall = await env.service.uploadAndAttach(f.path, { pageId: p, as: 'cover' }, { dedupe: false });
  assert.equal(perCall.reused, false);
  assert.notEqual(perCall.fileUpload.id, first.fileUpload.id);
  const off = new UploadService(env.client, { history: env.history, dedupe: false });
  const mark = env.emu.requests.length;
  const r = await off.uploadAndAttach(f.path, { pageId: p, as: 'cover' });
  assert.equal(r.reused, false);
  assert.equal(count(mark, SEND), 1);
});

test('uploads belong to their integration: another token never reuses them', async () => {
  env.emu.addToken('second-bot');
  const p = env.emu.seed.page({ title: 'F' }).id;
  const f = await randomFile(env.dir, 'mine.png', 10_000);
  const first = await env.service.uploadAndAttach(f.path, { pageId: p, as: 'cover' });
  const other = new UploadService(makeClient(env.emu, 'second-bot'), { history: env.history });
  const r = await other.uploadAndAttach(f.path, { pageId: p, as: 'cover' });
  assert.equal(r.reused, false);
  assert.notEqual(r.fileUpload.id, first.fileUpload.id);
  assert.equal(coverId(p), r.fileUpload.id);
});

test('the hash is computed after the upload and indexed for later dedupe; not if the file changed meanwhile', async () => {
  const f = await randomFile(env.dir, 'unique-size.png', 12_345);
  const up = await env.service.upload(f.path);
  await env.service.whenHashed();
  assert.equal(env.history.findByUploadId(up.id)!.sha256, f.sha256);
  assert.equal(env.history.findByContent(f.sha256, 12_345)[0].fileUploadId, up.id);
  const g = await randomFile(env.dir, 'edited-after.png', 12_346);
  const up2 = await env.service.upload(g.path);
  appendFileSync(g.path, 'edited');
  await env.service.whenHashed();
  assert.equal(env.history.findByUploadId(up2.id)!.sha256, undefined, 'the bytes on disk are no longer the uploaded ones');
});

// Reuse must not change what the user sees (issue 15): a renamed copy shows its own name.
test('a renamed copy as an image block (which takes no name) is sent again under its new name', async () => {
  const p = env.emu.seed.page({ title: 'Renamed image' }).id;
  const shot = await randomFile(env.dir, 'screenshot.png', 20_000);
  const first = await env.service.uploadAndAttach(shot.path, { pageId: p, as: 'block' });
  const renamed = path.join(env.dir, 'Design review – final.png');
  copyFileSync(shot.path, renamed);
  const mark = env.emu.requests.length;
  const notices: string[] = [];
  const second = await env.service.uploadAndAttach(renamed, { pageId: p, as: 'block' }, { onNotice: (m) => notices.push(m) });
  assert.equal(second.reused, false);
  assert.notEqual(second.fileUpload.id, first.fileUpload.id);
  assert.equal(count(mark, CREATE), 1);
  assert.equal(second.fileUpload.filename, 'Design review – final.png');
  assert.match(notices.join('\n'), /uploaded before as "screenshot\.png".*sending it again under this name/);
  assert.equal(env.history.get(second.key)!.filename, 'Design review – final.png');
});

test('a renamed copy as a file block or a files property item reuses the upload and sets the new name; a row of its own', async () => {
  const p = env.emu.seed.page({ title: 'Renamed file' }).id;
  const notes = await randomFile(env.dir, 'notes.pdf', 21_000);
  const first = await env.service.uploadAndAttach(notes.path, { pageId: p, as: 'block', blockType: 'file' });
  const renamed = path.join(env.dir, 'Minutes – final.pdf');
  copyFileSync(notes.path, renamed);
  const mark = env.emu.requests.length;
  const second = await env.service.uploadAndAttach(renamed, { pageId: p, as: 'block', blockType: 'file' });
  assert.equal(second.reused, true);
  assert.equal(second.fileUpload.id, first.fileUpload.id);
  assert.equal(count(mark, CREATE), 0);
  const blocks = (await env.client.listBlockChildren(p)).results as Json[];
  assert.deepEqual(blocks.map((b) => b.file.name), ['notes.pdf', 'Minutes – final.pdf']);
  const row = env.history.get(second.key)!;
  assert.notEqual(second.key, first.key);
  assert.deepEqual([row.filename, row.source, row.fileUploadId, row.state], ['Minutes – final.pdf', renamed, first.fileUpload.id, 'attached']);
  assert.match(row.notice ?? '', /Same bytes as "notes\.pdf"/);

  const db = env.emu.seed.database({ title: 'DB', properties: { Name: 'title', Files: 'files' } }).id;
  const entry = env.emu.seed.databasePage(db, { title: 'Row' }).id;
  const third = await env.service.uploadAndAttach(renamed, { pageId: entry, as: 'property', property: 'Files' });
  assert.equal(third.reused, true);
  assert.equal(third.key, second.key, 'the same file again: its own row');
  assert.deepEqual((env.emu.getPageJson(entry) as Json).properties.Files.files.map((x: Json) => x.name), ['Minutes – final.pdf']);
});

test('Attach to… from the renamed copy\'s row names the file as that row does', async () => {
  const p = env.emu.seed.page({ title: 'Attach renamed' }).id;
  const a = await randomFile(env.dir, 'spec.pdf', 22_000);
  await env.service.uploadAndAttach(a.path, { pageId: p, as: 'block', blockType: 'file' });
  const renamed = path.join(env.dir, 'Spec v2.pdf');
  copyFileSync(a.path, renamed);
  const second = await env.service.uploadAndAttach(renamed, { pageId: p, as: 'block', blockType: 'file' });
  const q = env.emu.seed.page({ title: 'Attach target' }).id;
  await env.service.attach(second.fileUpload.id, { pageId: q, as: 'block', blockType: 'file' }, undefined, second.key);
  const [block] = (await env.client.listBlockChildren(q)).results as Json[];
  assert.equal(block.file.name, 'Spec v2.pdf');
  assert.deepEqual(env.history.get(second.key)!.attachments.map((x) => x.pageId), [p, q]);
});
