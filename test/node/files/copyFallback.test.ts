// Copy's fallback: when Notion will not import a hosted file's signed link (refused at
// create, import `failed`, or not https), the file is downloaded to a temp folder and
// uploaded again from there. Checked: the bytes that arrive, that the temp folder is empty
// afterwards whatever happened, and that nothing is attached when the copy fails.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { CopyFailedError } from '../../../src/core/files/copy';
import { PageFilesService } from '../../../src/core/files/service';
import { NotionClient } from '../../../src/core/notion/client';
import type { PageFile } from '../../../src/core/files/types';
import { UploadService } from '../../../src/core/upload/uploadService';
import { openFilesEnv, rawUpload, scratchTmpdir, type FilesEnv } from './helpers';

let env: FilesEnv;
let tmp: ReturnType<typeof scratchTmpdir>;
let source: string;
let notes: { id: string; sha256: string };
let photo: { sha256: string };
before(async () => {
  env = await openFilesEnv();
  source = env.emu.seed.page({ title: 'Source' }).id;
  notes = await rawUpload(env, 'notes.txt', 40_000);
  const p = await rawUpload(env, 'photo.png', 30_000);
  photo = p;
  // Notion's name for the second file has no extension; its stored name (in the URL) has.
  await env.client.appendBlockChildren(source, [
    { type: 'file', file: { type: 'file_upload', file_upload: { id: notes.id }, name: 'notes.txt' } },
    { type: 'file', file: { type: 'file_upload', file_upload: { id: p.id }, name: 'Holiday photo' } },
  ]);
  tmp = scratchTmpdir();
});
afterEach(() => {
  env.emu.faults.clear();
  env.emu.setAllowHttpImports(true);
  env.emu.setImportChecksAtCreate(false);
});
after(async () => {
  tmp.restore();
  await env.close();
});

type Json = Record<string, any>;
const file = async (name: string): Promise<PageFile> => (await env.files.listFiles(source)).find((f) => f.name === name)!;
const blocksOf = async (pageId: string) => (await env.client.listBlockChildren(pageId)).results as Json[];
const newPage = (title: string) => env.emu.seed.page({ title }).id;
const since = (from: number) => env.emu.requests.slice(from);
const until = async (what: string, ok: () => boolean) => {
  for (let i = 0; !ok(); i++) {
    if (i > 500) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Copies notes.txt to a new page as a file block and checks what a re-upload must give. */
async function copyReuploads(title: string, svc = env.files): Promise<{ from: number; id: string }> {
  const target = newPage(title);
  const from = env.emu.requests.length;
  const res = await svc.copyToPage(await file('notes.txt'), { pageId: target, as: 'block', blockType: 'file' });
  assert.deepEqual([res.how, res.via], ['imported', 'reupload']);
  const [block, ...rest] = await blocksOf(target);
  assert.equal(rest.length, 0);
  assert.equal(block.file.name, 'notes.txt');
  assert.ok(block.file.file.url.includes(`/files/${res.fileUploadId}/`), 'the new upload is what got attached');
  assert.equal(env.emu.uploadSha256(res.fileUploadId!), notes.sha256, 'same bytes as the source');
  assert.equal(since(from).filter((r) => r.path === `/v1/file_uploads/${res.fileUploadId}/send`).length, 1, 'sent from here');
  assert.deepEqual(tmp.entries(), [], 'the temp copy is gone');
  return { from, id: res.fileUploadId! };
}

test('an http link Notion refuses at create (400) is re-uploaded instead', async () => {
  env.emu.setAllowHttpImports(false);
  const { from } = await copyReuploads('Target http');
  const refused = since(from).filter((r) => r.method === 'POST' && r.path === '/v1/file_uploads' && r.status === 400);
  assert.equal(refused.length, 1, 'the import was tried first');
});

test('an upload service that imports only https links re-uploads without trying', async () => {
  const strict = new PageFilesService({ api: env.client, uploads: new UploadService(env.client, { allowHttpUrls: false }), now: () => env.emu.clock.now() });
  const { from } = await copyReuploads('Target https-only', strict);
  const created = since(from).filter((r) => r.method === 'POST' && r.path === '/v1/file_uploads');
  assert.deepEqual(created.map((r) => r.status), [200], 'only the re-upload was created');
});

test('a HEAD check refused at create (Notion guide) is re-uploaded instead', async () => {
  env.emu.setImportChecksAtCreate(true);
  env.emu.faults.arm({ method: 'HEAD', path: /^\/files\//, status: 500 });
  const { from } = await copyReuploads('Target HEAD at create');
  const heads = since(from).filter((r) => r.method === 'HEAD');
  assert.deepEqual(heads.map((r) => r.fault), ['status'], "Notion's check met the fault");
  const refused = since(from).filter((r) => r.method === 'POST' && r.path === '/v1/file_uploads' && r.status === 400);
  assert.equal(refused.length, 1);
});

test('an import that ends failed is re-uploaded instead, and the failed upload is not attached', async () => {
  env.emu.faults.arm({ method: 'HEAD', path: /^\/files\//, status: 500 });
  const { from, id } = await copyReuploads('Target failed import');
  const failed = (await env.client.listFileUploads({ status: 'failed' })).results;
  const importId = since(from).find((r) => r.method === 'GET' && /^\/v1\/file_uploads\/[0-9a-f-]{36}$/.test(r.path))!.path.split('/').pop();
  assert.ok(failed.some((u) => u.id === importId), 'the import ended failed');
  assert.notEqual(importId, id);
});

test('a name without an extension is re-uploaded under the stored name from the link', async () => {
  env.emu.setAllowHttpImports(false);
  const target = newPage('Target unnamed');
  const res = await env.files.copyToPage(await file('Holiday photo'), { pageId: target, as: 'cover' });
  assert.equal(res.via, 'reupload');
  assert.equal((await env.client.getFileUpload(res.fileUploadId!)).filename, 'photo.png');
  const cover = (env.emu.getPageJson(target) as Json).cover;
  assert.ok(cover.file.url.includes(`/files/${res.fileUploadId}/`));
  assert.equal(env.emu.uploadSha256(res.fileUploadId!), photo.sha256);
  assert.deepEqual(tmp.entries(), []);
});

test('a dead source link fails cleanly: clear error without signature, nothing attached, no temp file', async () => {
  const target = newPage('Target dead');
  const f = await file('notes.txt');
  env.emu.faults.arm({ path: /^\/files\//, status: 404, count: 20 });
  const from = env.emu.requests.length;
  await assert.rejects(env.files.copyToPage(f, { pageId: target, as: 'block', blockType: 'file' }), (e: unknown) => {
    assert.ok(e instanceof CopyFailedError, String(e));
    assert.match(
      e.message,
      /^Could not copy “notes\.txt” to page .*: Notion could not import its link \(file_import_bad_status\), and re-uploading it failed: The file host answered 404 for http:\/\/127\.0\.0\.1:\d+\/files\/.*\/notes\.txt\?…\.$/,
    );
    assert.doesNotMatch(e.message, /sig=|exp=/);
    assert.doesNotMatch(e.stack!, /sig=|exp=/);
    return true;
  });
  // Refreshed before the import and again before the download retry: the link stays dead.
  const refetches = since(from).filter((r) => r.method === 'GET' && r.path === `/v1/blocks/${f.location.type === 'block' && f.location.blockId}`);
  assert.equal(refetches.length, 2);
  assert.deepEqual(await blocksOf(target), []);
  assert.equal(since(from).filter((r) => r.path.endsWith('/send')).length, 0, 'nothing uploaded');
  assert.deepEqual(tmp.entries(), []);
});

test('a file over the workspace limit is not downloaded for a re-upload that would be refused too', async () => {
  env.emu.addToken('ntn_small_workspace', { maxFileUploadSizeBytes: 10_000 });
  const client = new NotionClient({ token: 'ntn_small_workspace', baseUrl: env.emu.url, limiter: false });
  const uploads = new UploadService(client, { importPoll: { initialDelayMs: 20, maxDelayMs: 50 } });
  const small = new PageFilesService({ api: client, uploads, now: () => env.emu.clock.now() });
  const target = newPage('Target too large');
  const from = env.emu.requests.length;
  await assert.rejects(
    small.copyToPage(await file('notes.txt'), { pageId: target, as: 'block', blockType: 'file' }),
    /Could not copy “notes\.txt”.*exceeds the limit of 10000.*\(file_upload_invalid_size\)/,
  );
  const fullGets = since(from).filter((r) => r.method === 'GET' && r.path.startsWith('/files/') && r.status === 200);
  assert.equal(fullGets.length, 0, 'no whole download (the probe and the import check read one byte)');
  assert.deepEqual(tmp.entries(), []);
  assert.deepEqual(await blocksOf(target), []);
});

test('cancelling while the re-upload sends leaves no temp file and nothing attached', async () => {
  env.emu.setAllowHttpImports(false);
  env.emu.faults.arm({ method: 'POST', path: /\/send$/, hang: true });
  const target = newPage('Target cancel send');
  const from = env.emu.requests.length;
  const ac = new AbortController();
  const copy = env.files.copyToPage(await file('notes.txt'), { pageId: target, as: 'block', blockType: 'file' }, { signal: ac.signal });
  await until('the send', () => since(from).some((r) => r.fault === 'hang'));
  const [folder, ...others] = tmp.entries();
  assert.deepEqual([readdirSync(join(tmp.dir, folder)), others], [['notes.txt'], []], 'the downloaded copy exists while it is sent');
  ac.abort();
  await assert.rejects(copy, { name: 'AbortError' });
  assert.deepEqual(tmp.entries(), []);
  assert.deepEqual(await blocksOf(target), []);
  const sentTo = since(from).find((r) => r.path.endsWith('/send'))!.path.split('/')[3];
  assert.equal((await env.client.getFileUpload(sentTo)).status, 'pending', 'never completed, never attached');
});

test('cancelling while the re-upload downloads leaves no temp file and creates no upload', async () => {
  env.emu.setAllowHttpImports(false);
  const target = newPage('Target cancel download');
  const from = env.emu.requests.length;
  const ac = new AbortController();
  let downloaded = 0;
  const onProgress = (stage: string, done: number) => {
    if (stage !== 'download') return;
    downloaded = done;
    ac.abort();
  };
  const copy = env.files.copyToPage(await file('notes.txt'), { pageId: target, as: 'block' }, { signal: ac.signal, onProgress });
  await assert.rejects(copy, { name: 'AbortError' });
  assert.ok(downloaded > 0, 'cancelled mid-download');
  assert.deepEqual(tmp.entries(), []);
  assert.deepEqual(await blocksOf(target), []);
  const created = since(from).filter((r) => r.method === 'POST' && r.path === '/v1/file_uploads');
  assert.deepEqual(created.map((r) => r.status), [400], 'only the refused import');
});
