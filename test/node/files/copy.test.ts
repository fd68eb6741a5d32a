// Copy to another page: a hosted file is imported by Notion from its fresh signed URL
// (external_url mode; the emulator allows http://127.0.0.1 only when told to), then
// attached; failures leave the target page as it was. When the import is refused the file
// is re-uploaded instead: see copyFallback.test.ts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { identifyFromHistory } from '../../../src/core/files/ourUploads';
import { PageFilesService } from '../../../src/core/files/service';
import type { PageFile } from '../../../src/core/files/types';
import { externalImage, openFilesEnv, randomFile, rawUpload, scratchTmpdir, type FilesEnv } from './helpers';

let env: FilesEnv;
let tmp: ReturnType<typeof scratchTmpdir>;
let source: string;
let photo: { sha256: string };
let notes: { sha256: string };
before(async () => {
  env = await openFilesEnv();
  source = env.emu.seed.page({ title: 'Source' }).id;
  const p = randomFile(env.dir, 'photo.png', 50_000);
  await env.uploads.uploadAndAttach(p.path, { pageId: source, as: 'block' });
  photo = p;
  const n = await rawUpload(env, 'notes.txt', 4_000);
  await env.client.appendBlockChildren(source, [{ type: 'file', file: { type: 'file_upload', file_upload: { id: n.id }, name: 'notes.txt' } }]);
  notes = n;
  env.emu.seed.blocks(source, [externalImage('https://example.com/img/logo.png')]);
  tmp = scratchTmpdir();
});
after(async () => {
  tmp.restore();
  await env.close();
});

type Json = Record<string, any>;
const file = async (name: string, svc = env.files): Promise<PageFile> => (await svc.listFiles(source)).find((f) => f.name === name)!;
const uploadIdIn = (url: string) => /\/files\/([0-9a-f-]{36})\//.exec(url)?.[1];
const blocksOf = async (pageId: string) => (await env.client.listBlockChildren(pageId)).results as Json[];
const sends = (from: number) => env.emu.requests.slice(from).filter((r) => r.path.endsWith('/send'));
const creates = (from: number) => env.emu.requests.slice(from).filter((r) => r.method === 'POST' && r.path === '/v1/file_uploads');
const newPage = (title: string) => env.emu.seed.page({ title }).id;

test('a hosted file is imported from its signed URL and attached to the other page', async () => {
  const target = newPage('Target A');
  const f = await file('notes.txt');
  assert.equal(f.kind, 'hosted');
  const from = env.emu.requests.length;
  const res = await env.files.copyToPage(f, { pageId: target, as: 'block', blockType: 'file' });
  assert.equal(res.how, 'imported');
  assert.equal(res.via, 'import');
  assert.deepEqual(sends(from), [], 'Notion fetched the bytes: nothing was uploaded from here');
  assert.deepEqual(tmp.entries(), [], 'no local copy');
  const [block] = await blocksOf(target);
  assert.equal(block.type, 'file');
  const id = uploadIdIn(block.file.file.url)!;
  assert.equal(id, res.fileUploadId);
  assert.notEqual(id, uploadIdIn(f.url), 'a new upload, not the source one');
  assert.equal(env.emu.uploadSha256(id), notes.sha256, 'same bytes');
  const upload = await env.client.getFileUpload(id);
  assert.equal(upload.filename, 'notes.txt');
});

test('an image goes to the other page as its cover', async () => {
  const target = newPage('Target B');
  const f = await file('photo.png');
  // Not ours as far as this service knows: forces the import path.
  const plain = new PageFilesService({ api: env.client, uploads: env.uploads, now: () => env.emu.clock.now() });
  const res = await plain.copyToPage({ ...f, kind: 'hosted', fileUploadId: undefined }, { pageId: target, as: 'cover' });
  assert.equal(res.how, 'imported');
  const cover = (env.emu.getPageJson(target) as Json).cover;
  assert.equal(env.emu.uploadSha256(uploadIdIn(cover.file.url)!), photo.sha256);
});

test('one of our uploads is attached again by id, without a new upload', async () => {
  const target = newPage('Target C');
  const f = await file('photo.png');
  assert.equal(f.kind, 'upload');
  const from = env.emu.requests.length;
  const res = await env.files.copyToPage(f, { pageId: target, as: 'block' });
  assert.deepEqual(res, { how: 'reattached', fileUploadId: f.fileUploadId });
  assert.equal(creates(from).length, 0);
  const [block] = await blocksOf(target);
  assert.equal(uploadIdIn(block.image.file.url), f.fileUploadId);
});

test('an external file is linked, not uploaded', async () => {
  const target = newPage('Target D');
  const from = env.emu.requests.length;
  const res = await env.files.copyToPage(await file('logo.png'), { pageId: target, as: 'block' });
  assert.equal(res.how, 'linked');
  assert.equal(creates(from).length, 0);
  const [block] = await blocksOf(target);
  assert.equal(block.image.external.url, 'https://example.com/img/logo.png');
});

test('a link that expired although our clock says otherwise is renewed before the import', async () => {
  const target = newPage('Target E');
  const skewed = new PageFilesService({ api: env.client, uploads: env.uploads }); // real clock
  const f = await file('notes.txt', skewed);
  env.emu.clock.advance(2 * 60 * 60_000);
  const from = env.emu.requests.length;
  const res = await skewed.copyToPage(f, { pageId: target, as: 'block', blockType: 'file' });
  assert.deepEqual([res.how, res.via], ['imported', 'import']);
  assert.equal(creates(from).length, 1, 'the link was checked on the file host and renewed first');
  const fileGets = env.emu.requests.slice(from).filter((r) => r.path.startsWith('/files/'));
  assert.equal(fileGets[0].status, 403, 'the old link was tried once and refused');
  assert.equal(env.emu.uploadSha256(res.fileUploadId!), notes.sha256);
});

test('a target attach would refuse is refused before the import creates an upload', async () => {
  const f = await file('notes.txt');
  const target = newPage('Target H');
  const from = env.emu.requests.length;
  await assert.rejects(env.files.copyToPage(f, { pageId: target, as: 'cover' }), /Could not copy “notes\.txt”.*cannot be a page cover/);
  await assert.rejects(env.files.copyToPage(f, { pageId: target, as: 'property', property: 'Files' }), /not in a database/);
  await assert.rejects(env.files.copyToPage(f, { pageId: 'no-such-page', as: 'block' }), /Not a Notion page id or link: "no-such-page"/);
  const missing = '0123456789abcdef0123456789abcdef';
  await assert.rejects(env.files.copyToPage(f, { pageId: missing, as: 'block' }), /not a page the integration can see/);
  assert.equal(creates(from).length, 0);
  assert.deepEqual(await blocksOf(target), []);
});

test('our uploads are recognised from the history', async () => {
  const id = identifyFromHistory(env.history);
  const f = await file('photo.png', new PageFilesService({ api: env.client }));
  assert.equal(f.kind, 'hosted');
  assert.equal(id(f), uploadIdIn(f.url));
  assert.equal(id(await file('notes.txt', new PageFilesService({ api: env.client }))), undefined);
});
