// The record-level operations the tree view calls: retry(key), refreshStatus(key).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { UploadValidationError } from '../../../src/core/upload/errors';
import { openEnv, randomFile, SEND, type Env } from './helpers';

let env: Env;
before(async () => (env = await openEnv()));
after(() => env.close());

test('attach failing after the upload: the record keeps the target; retry(key) attaches without resending', async () => {
  const page = env.emu.seed.page({ title: 'Retry' }).id;
  const f = await randomFile(env.dir, 'retry.png', 8_000);
  env.emu.faults.arm({ method: 'PATCH', path: `/v1/pages/${page}`, status: 400, code: 'validation_error', message: 'Injected failure' });
  await assert.rejects(env.service.uploadAndAttach(f.path, { pageId: page, as: 'cover' }), /Injected failure/);
  const rec = env.history.findBySource(f.path)[0];
  assert.equal(rec.state, 'pending');
  assert.deepEqual(rec.intent, { pageId: page, as: 'cover' });
  assert.match(rec.error!, /Attaching failed: .*Injected failure/);
  const mark = env.emu.requests.length;
  await env.service.retry(rec.key);
  assert.equal(env.emu.requests.slice(mark).filter((r) => SEND.test(r.path)).length, 0);
  const after = env.history.get(rec.key)!;
  assert.equal(after.state, 'attached');
  assert.equal(after.intent, undefined);
  assert.equal(after.attachments.length, 1);
});

test('refreshStatus reads Notion: attached uploads become permanent, unattached ones expire', async () => {
  const page = env.emu.seed.page({ title: 'Refresh' }).id;
  const a = await randomFile(env.dir, 'ra.png', 1_000);
  const b = await randomFile(env.dir, 'rb.png', 1_001);
  const upA = await env.service.upload(a.path);
  const upB = await env.service.upload(b.path);
  // Attached elsewhere (another tool with the same token): the history only learns on refresh.
  await env.client.updatePage(page, { cover: { type: 'file_upload', file_upload: { id: upA.id } } });
  const keyA = env.history.findByUploadId(upA.id)!.key;
  const keyB = env.history.findByUploadId(upB.id)!.key;
  assert.equal((await env.service.refreshStatus(keyA)).state, 'attached');
  env.emu.clock.advance(61 * 60_000);
  assert.equal(env.history.get(keyB)!.state, 'expired', 'computed from expiry_time against the clock');
  assert.equal((await env.service.refreshStatus(keyB)).state, 'expired');
  assert.equal(env.history.get(keyA)!.state, 'attached');
});

test('retry of a record whose file was moved or deleted names the file and sends no request', async () => {
  const page = env.emu.seed.page({ title: 'Moved' }).id;
  const f = await randomFile(env.dir, 'moved.png', 3_000);
  env.emu.faults.arm({ method: 'PATCH', path: `/v1/pages/${page}`, status: 400, code: 'validation_error', message: 'Injected failure' });
  await assert.rejects(env.service.uploadAndAttach(f.path, { pageId: page, as: 'cover' }), /Injected failure/);
  const withIntent = env.history.findBySource(f.path)[0];
  const g = await randomFile(env.dir, 'gone.png', 3_001);
  const plain = env.history.findByUploadId((await env.service.upload(g.path)).id)!;
  await rename(f.path, `${f.path}.bak`);
  await rm(g.path);
  const mark = env.emu.requests.length;
  for (const [rec, p] of [[withIntent, f.path], [plain, g.path]] as const) {
    for (const op of [env.service.retry.bind(env.service), env.service.resume.bind(env.service)]) {
      await assert.rejects(op(rec.key), (e: unknown) => {
        assert.ok(e instanceof UploadValidationError && e.rule === 'file-not-found', String(e));
        assert.equal(e.message, `Cannot retry "${path.basename(p)}": ${p} was moved or deleted. Upload it again from where it is now.`);
        return true;
      });
    }
  }
  assert.equal(env.emu.requests.length, mark, 'no request sent');
});

test('retry(key) of a failed single-part upload keeps the key: one record, attached, no second row', async () => {
  const page = env.emu.seed.page({ title: 'Same key' }).id;
  const f = await randomFile(env.dir, 'same-key.png', 4_000);
  env.emu.faults.arm({ method: 'POST', path: SEND, status: 400, code: 'validation_error', message: 'Injected send failure' });
  await assert.rejects(env.service.uploadAndAttach(f.path, { pageId: page, as: 'block' }), /Injected send failure/);
  const [failed] = env.history.findBySource(f.path);
  assert.equal(failed.state, 'failed');
  const res = (await env.service.retry(failed.key)) as { key: string; blockId?: string };
  assert.equal(res.key, failed.key, 'the result names the same record');
  const rows = env.history.findBySource(f.path);
  assert.deepEqual(rows.map((r) => [r.key, r.state]), [[failed.key, 'attached']]);
  assert.equal(rows[0].attachments[0].blockId, res.blockId);
  assert.equal(rows[0].error, undefined);
});

test('retry(key) of a failed upload without a target (upload only) keeps the key too; a failing retry leaves the one row failed', async () => {
  const f = await randomFile(env.dir, 'upload-only.pdf', 2_000);
  env.emu.faults.arm({ method: 'POST', path: SEND, status: 400, code: 'validation_error', message: 'Injected send failure' });
  await assert.rejects(env.service.upload(f.path), /Injected send failure/);
  const [failed] = env.history.findBySource(f.path);
  env.emu.faults.arm({ method: 'POST', path: SEND, status: 400, code: 'validation_error', message: 'Injected again' });
  await assert.rejects(env.service.retry(failed.key), /Injected again/);
  assert.deepEqual(env.history.findBySource(f.path).map((r) => [r.key, r.state]), [[failed.key, 'failed']]);
  const up = (await env.service.retry(failed.key)) as { id: string; status: string };
  assert.equal(up.status, 'uploaded');
  assert.deepEqual(env.history.findBySource(f.path).map((r) => [r.key, r.state, r.fileUploadId]), [[failed.key, 'pending', up.id]]);
});

test('retry(key) whose bytes are reused from another upload leaves no failed row behind', async () => {
  const page = env.emu.seed.page({ title: 'Reused on retry' }).id;
  const f = await randomFile(env.dir, 'twin-a.png', 5_000);
  // The same file (same name) in another folder: reusable as an image block, which shows the upload's name.
  await mkdir(path.join(env.dir, 'twin'), { recursive: true });
  const twin = path.join(env.dir, 'twin', 'twin-a.png');
  await copyFile(f.path, twin);
  const first = await env.service.uploadAndAttach(f.path, { pageId: page, as: 'block' });
  await env.service.whenHashed();
  // The twin's earlier attempt, failed before anything was sent.
  const failedKey = 'failed-twin';
  env.history.put({ ...env.history.get(first.key)!, key: failedKey, source: twin, state: 'failed', fileUploadId: undefined, attachments: [], intent: { pageId: page, as: 'block' }, error: 'Injected' });
  const res = (await env.service.retry(failedKey)) as { key: string; reused: boolean };
  assert.equal(res.reused, true);
  // The failed attempt's row is the twin's row, now attached through the reused upload.
  assert.equal(res.key, failedKey);
  assert.deepEqual(env.history.findBySource(twin).map((r) => [r.key, r.state, r.fileUploadId]), [[failedKey, 'attached', first.fileUpload.id]]);
});
