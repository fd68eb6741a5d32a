// Upload once, attach many: the same bytes are not sent twice while the earlier upload is usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { openEnv, randomFile, makeClient, CREATE, SEND, type Env } from './helpers';
import { UploadService } from '../../../src/core/upload/uploadService';

let env: Env;
before(async () => (env = await openEnv()));
after(() => env.close());

const count = (mark: number, re: RegExp) => env.emu.requests.slice(mark).filter((r) => re.test(r.path)).length;
type Json = Record<string, any>;
const coverId = (page: string) => /\/files\/([0-9a-f-]{36})\//.exec((env.emu.getPageJson(page) as Json).cover.file.url)?.[1];

test('attaching the same bytes again (another path) reuses the attached upload: no create, no send', async () => {
  const p1 = env.emu.seed.page({ title: 'A' }).id;
  const p2 = env.emu.seed.page({ title: 'B' }).id;
  const a = await randomFile(env.dir, 'logo.png', 50_000);
  const copy = path.join(env.dir, 'logo-copy.png');
  copyFileSync(a.path, copy);
  const first = await env.service.uploadAndAttach(a.path, { pageId: p1, as: 'cover' });
  const mark = env.emu.requests.length;
  const notices: string[] = [];
  const second = await env.service.uploadAndAttach(copy, { pageId: p2, as: 'cover' }, { onNotice: (m) => notices.push(m) });
  assert.equal(second.reused, true);
  assert.equal(second.fileUpload.id, first.fileUpload.id);
  assert.equal(second.key, first.key);
  assert.equal(count(mark, CREATE), 0);
  assert.equal(count(mark, SEND), 0);
  assert.equal(coverId(p2), first.fileUpload.id);
  assert.match(notices[0], /same bytes were uploaded before; reusing/);
  assert.deepEqual(env.history.get(first.key)!.attachments.map((x) => x.pageId), [p1, p2]);
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
