// Every validation rule: a clear message naming the file and the rule, and no upload request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openEnv, randomFile, makeClient, CREATE, type Env } from './helpers';
import { UploadService } from '../../../src/core/upload/uploadService';
import { UploadValidationError } from '../../../src/core/upload/errors';

let env: Env;
let page: string;
let dbPage: string;
before(async () => {
  env = await openEnv();
  page = env.emu.seed.page({ title: 'Target' }).id;
  const db = env.emu.seed.database({ title: 'Assets', properties: { Name: 'title', Files: 'files', Notes: 'rich_text' } });
  dbPage = env.emu.seed.databasePage(db.id, { title: 'Row' }).id;
});
after(() => env.close());

async function rejects(p: Promise<unknown>, rule: string, file: string, pattern: RegExp) {
  const createsBefore = env.emu.requests.filter((r) => CREATE.test(r.path)).length;
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof UploadValidationError, `expected UploadValidationError, got ${e}`);
    assert.equal(e.rule, rule);
    assert.ok(e.message.includes(file), `message names ${file}: ${e.message}`);
    assert.match(e.message, pattern);
    return true;
  });
  assert.equal(env.emu.requests.filter((r) => CREATE.test(r.path)).length, createsBefore, 'no upload was created');
}

test('unsupported extension lists the supported extensions of the category the placement needs', async () => {
  const p = path.join(env.dir, 'notes.md');
  writeFileSync(p, '# hi');
  await rejects(env.service.upload(p), 'unsupported-extension', p, /\.md is not a file type Notion accepts.*document: .*\.pdf/);
  await rejects(
    env.service.uploadAndAttach(p, { pageId: page, as: 'icon' }),
    'unsupported-extension', p, /Supported image extensions — image: \.gif .*\.ico\.$/,
  );
  const noExt = path.join(env.dir, 'Makefile');
  writeFileSync(noExt, 'all:');
  await rejects(env.service.upload(noExt), 'unsupported-extension', noExt, /a name without an extension/);
});

test('zero-byte file', async () => {
  const p = path.join(env.dir, 'empty.png');
  writeFileSync(p, '');
  await rejects(env.service.upload(p), 'empty-file', p, /is empty \(0 bytes\)/);
});

test('missing file and directories', async () => {
  const p = path.join(env.dir, 'nope.png');
  await rejects(env.service.upload(p), 'file-not-found', p, /cannot read the file \(ENOENT: no such file or directory\)/);
  const d = path.join(env.dir, 'folder.png');
  require('node:fs').mkdirSync(d);
  await rejects(env.service.upload(d), 'not-a-file', d, /not a regular file/);
});

test('file name over 900 UTF-8 bytes (checked before touching the disk)', async () => {
  // 300 × "é" (2 bytes) + 301 ASCII: under 900 characters, over 900 bytes.
  const name = 'é'.repeat(300) + 'a'.repeat(297) + '.png';
  const p = path.join(env.dir, name);
  await rejects(env.service.upload(p), 'filename-too-long', p, /file name is 901 bytes in UTF-8; Notion allows at most 900/);
  await assert.rejects(env.service.importFromUrl('https://example.com/x.png', { filename: name }), /over 900 UTF-8 bytes/);
});

test("file larger than the workspace's limit (read once from users/me)", async () => {
  env.emu.addToken('small-ws', { maxFileUploadSizeBytes: 5 * 1024 * 1024 });
  const svc = new UploadService(makeClient(env.emu, 'small-ws'));
  const f = await randomFile(env.dir, 'big.png', 5 * 1024 * 1024 + 1);
  await rejects(svc.upload(f.path), 'too-large', f.path, /5\.0 MiB \(5242881 bytes\); this workspace accepts files up to 5\.0 MiB \(5242880 bytes\)/);
  const meBefore = env.emu.requests.filter((r) => r.path === '/v1/users/me').length;
  await rejects(svc.upload(f.path), 'too-large', f.path, /this workspace accepts/);
  assert.equal(env.emu.requests.filter((r) => r.path === '/v1/users/me').length, meBefore, 'limit cached');
});

test('placements that do not fit the type: PDF as icon, video in an image block, non-image cover', async () => {
  const pdf = await randomFile(env.dir, 'doc.pdf', 1000);
  const mov = await randomFile(env.dir, 'clip.mov', 1000);
  const txt = await randomFile(env.dir, 'readme.txt', 1000);
  await rejects(env.service.uploadAndAttach(pdf.path, { pageId: page, as: 'icon' }), 'placement', pdf.path, /\.pdf\) cannot be a page icon: it takes image files/);
  await rejects(
    env.service.uploadAndAttach(mov.path, { pageId: page, as: 'block', blockType: 'image' }),
    'placement', mov.path, /video file \(\.mov\) cannot be an image block/,
  );
  await rejects(env.service.uploadAndAttach(txt.path, { pageId: page, as: 'cover' }), 'placement', txt.path, /cannot be a page cover: it takes image files/);
  await rejects(
    env.service.uploadAndAttach(txt.path, { pageId: page, as: 'block', blockType: 'pdf' }),
    'placement', txt.path, /only \.pdf files/,
  );
});

test('property targets: not a files property, no such property, page not in a database', async () => {
  const png = await randomFile(env.dir, 'p.png', 1000);
  await rejects(env.service.uploadAndAttach(png.path, { pageId: dbPage, as: 'property', property: 'Notes' }), 'property-not-files', png.path, /"Notes": it is a rich_text property/);
  await rejects(env.service.uploadAndAttach(png.path, { pageId: dbPage, as: 'property', property: 'Photos' }), 'property-missing', png.path, /no such property \(its files properties: "Files"\)/);
  await rejects(env.service.uploadAndAttach(png.path, { pageId: page, as: 'property', property: 'Files' }), 'not-in-database', png.path, /not in a database/);
});

test('targets that are not pages: unparsable id, unknown/unshared id, a block id', async () => {
  const png = await randomFile(env.dir, 'q.png', 1000);
  await rejects(env.service.uploadAndAttach(png.path, { pageId: 'not an id', as: 'cover' }), 'invalid-page-id', 'not an id', /Not a Notion page id or link/);
  const unknown = '0123456789abcdef0123456789abcdef';
  await rejects(env.service.uploadAndAttach(png.path, { pageId: unknown, as: 'cover' }), 'not-a-page', unknown, /not a page the integration can see.*Connections/);
  const block = env.emu.seed.blocks(page, [{ type: 'paragraph', paragraph: { rich_text: [] } }]).ids[0];
  await rejects(env.service.uploadAndAttach(png.path, { pageId: block, as: 'cover' }), 'not-a-page', block, /not a page/);
  env.emu.addToken('other-bot');
  const hidden = env.emu.seed.page({ title: 'Hidden', sharedWith: ['other-bot'] }).id;
  // The way to share is said once, with Notion's own words after it (not the client's hint again).
  const onceOnly = /^(?![\s\S]*Connections[\s\S]*Connections)[\s\S]*Connections[\s\S]*Could not find page/;
  await rejects(env.service.uploadAndAttach(png.path, { pageId: hidden, as: 'cover' }), 'not-a-page', hidden, onceOnly);
});

test('validateFile checks the same rules without uploading', async () => {
  const png = await randomFile(env.dir, 'v.png', 1000);
  const ok = await env.service.validateFile(png.path, { pageId: `https://www.notion.so/Target-${page.replace(/-/g, '')}`, as: 'cover' });
  assert.equal(ok.contentType, 'image/png');
  assert.equal(ok.sizeBytes, 1000);
  await rejects(env.service.validateFile(png.path, { pageId: page, as: 'block', blockType: 'video' }), 'placement', png.path, /cannot be a video block/);
});

test('service options are checked', () => {
  assert.throws(() => new UploadService(env.client, { partSizeBytes: 4 * 1024 * 1024 }), /partSizeBytes must be an integer from 5242880 \(5 MiB\) to 20971520 \(20 MiB\)/);
  assert.throws(() => new UploadService(env.client, { partSizeBytes: 21 * 1024 * 1024 }), /partSizeBytes/);
  assert.throws(() => new UploadService(env.client, { concurrency: 0 }), /concurrency/);
});
