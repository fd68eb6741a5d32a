// The record-level operations the tree view calls: retry(key), refreshStatus(key).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rename, rm } from 'node:fs/promises';
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
