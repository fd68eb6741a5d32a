// What Copy to Another Page leaves in the upload history (persisted, shown in the Uploads
// view): one record per copy, naming the source page and file rather than the signed link or
// the deleted temp file, whichever way the bytes went; retry on it says to copy again.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { UploadRecord } from '../../../src/core/history/types';
import type { PageFile } from '../../../src/core/files/types';
import { UploadValidationError } from '../../../src/core/upload/errors';
import { openFilesEnv, rawUpload, scratchTmpdir, type FilesEnv } from './helpers';

let env: FilesEnv;
let tmp: ReturnType<typeof scratchTmpdir>;
let source: string;
before(async () => {
  env = await openFilesEnv();
  source = env.emu.seed.page({ title: 'Source' }).id;
  const notes = await rawUpload(env, 'notes.txt', 6_000);
  await env.client.appendBlockChildren(source, [{ type: 'file', file: { type: 'file_upload', file_upload: { id: notes.id }, name: 'notes.txt' } }]);
  tmp = scratchTmpdir();
});
afterEach(() => {
  env.emu.faults.clear();
  env.emu.setAllowHttpImports(true);
});
after(async () => {
  tmp.restore();
  await env.close();
});

const notesFile = async (): Promise<PageFile> => (await env.files.listFiles(source)).find((f) => f.name === 'notes.txt')!;
const newPage = (title: string) => env.emu.seed.page({ title }).id;

/** Runs `copy` and returns the history records it added (newest first) and what the store then holds. */
async function recordsOf(copy: () => Promise<unknown>): Promise<{ added: UploadRecord[]; stored: string; outcome: unknown }> {
  const before = new Set(env.history.list().map((r) => r.key));
  const outcome = await copy().catch((e: unknown) => e);
  await env.history.flush();
  const added = env.history.list().filter((r) => !before.has(r.key));
  return { added, stored: JSON.stringify(env.store.load()), outcome };
}

function assertClean(stored: string): void {
  assert.doesNotMatch(stored, /sig=|exp=/, 'no signed link in the stored history');
  assert.ok(!stored.includes(tmp.dir), 'no temp file in the stored history');
}

/** Retry on a copy's record: refused before any request, telling the user to copy again. */
async function assertRetryRefused(key: string): Promise<void> {
  const mark = env.emu.requests.length;
  await assert.rejects(env.uploads.retry(key), (e: unknown) => {
    assert.ok(e instanceof UploadValidationError && e.rule === 'cannot-retry', String(e));
    assert.match(e.message, /^Cannot retry "notes\.txt": it was copied from .*notes\.txt .*Copy it again from the Page Files view\.$/);
    return true;
  });
  assert.equal(env.emu.requests.length, mark, 'no request sent');
}

test("a copy Notion imports leaves one record naming the source page's title and file, not the signed link", async () => {
  const target = newPage('Target import');
  const { added, stored, outcome } = await recordsOf(async () =>
    env.files.copyToPage(await notesFile(), { pageId: target, as: 'block', blockType: 'file' }, { sourceTitle: 'Source' }),
  );
  assert.deepEqual(outcome, { how: 'imported', fileUploadId: added[0]?.fileUploadId, via: 'import' });
  assert.equal(added.length, 1);
  assert.deepEqual([added[0].source, added[0].mode, added[0].state], ['copied from “Source”/notes.txt', 'external_url', 'attached']);
  assertClean(stored);
});

test('a re-upload after Notion refused the link (400 at create) takes over the import record: one record, retry says copy again', async () => {
  env.emu.setAllowHttpImports(false);
  const target = newPage('Target refused');
  const { added, stored, outcome } = await recordsOf(async () => env.files.copyToPage(await notesFile(), { pageId: target, as: 'block', blockType: 'file' }));
  assert.equal((outcome as { via?: string }).via, 'reupload', String(outcome));
  assert.equal(added.length, 1, `one record, got: ${added.map((r) => `${r.mode} ${r.state}`).join(', ')}`);
  const [rec] = added;
  assert.deepEqual(
    [rec.source, rec.mode, rec.state, rec.fileUploadId, rec.error],
    [`copied from page ${source}/notes.txt`, 'single_part', 'attached', (outcome as { fileUploadId: string }).fileUploadId, undefined],
  );
  assertClean(stored);
  await assertRetryRefused(rec.key);
});

test('a re-upload after an import that ended failed leaves no trace of the failed import', async () => {
  env.emu.faults.arm({ method: 'HEAD', path: /^\/files\//, status: 500 });
  const target = newPage('Target failed import');
  const from = env.emu.requests.length;
  const { added, stored, outcome } = await recordsOf(async () => env.files.copyToPage(await notesFile(), { pageId: target, as: 'block', blockType: 'file' }));
  assert.equal((outcome as { via?: string }).via, 'reupload', String(outcome));
  const created = env.emu.requests.slice(from).filter((r) => r.method === 'POST' && r.path === '/v1/file_uploads' && r.status === 200);
  assert.equal(created.length, 2, 'an import and a re-upload were created');
  assert.equal(added.length, 1);
  assert.equal(added[0].mode, 'single_part');
  assertClean(stored);
});

test('a re-upload that fails leaves one failed record, and retry on it says copy again', async () => {
  env.emu.setAllowHttpImports(false);
  env.emu.faults.arm({ method: 'POST', path: /\/send$/, status: 400, code: 'validation_error', message: 'Injected send failure' });
  const target = newPage('Target send fails');
  const { added, stored, outcome } = await recordsOf(async () => env.files.copyToPage(await notesFile(), { pageId: target, as: 'block', blockType: 'file' }));
  assert.match(String(outcome), /re-uploading it failed: .*Injected send failure/);
  assert.equal(added.length, 1, `one record, got: ${added.map((r) => `${r.mode} ${r.state}`).join(', ')}`);
  assert.deepEqual([added[0].source, added[0].state], [`copied from page ${source}/notes.txt`, 'failed']);
  assertClean(stored);
  await assertRetryRefused(added[0].key);
});
