// Multi-part under faults, cancellation, resume after cancel/crash/expiry, files that change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { openEnv, randomFile, makeClient, MiB, SEND, CREATE, type Env } from './helpers';
import { UploadService } from '../../../src/core/upload/uploadService';
import { UploadHistory } from '../../../src/core/history/uploadHistory';
import { MemoryHistoryStore } from '../../../src/core/history/memoryStore';
import { FileChangedError } from '../../../src/core/upload/errors';
import type { UploadRecord } from '../../../src/core/history/types';

let env: Env;
let file: { path: string; sha256: string };
const SIZE = 26 * MiB + 333; // 6 parts of 5 MiB (last one small)
before(async () => {
  env = await openEnv({ service: { partSizeBytes: 5 * MiB, concurrency: 2, dedupe: false } });
  file = await randomFile(env.dir, 'big.mkv', SIZE);
});
after(() => env.close());

const sendsSince = (mark: number) => env.emu.requests.slice(mark).filter((r) => SEND.test(r.path));

/** Resolves with the record once `n` parts are acknowledged. */
function afterParts(history: UploadHistory, n: number): Promise<UploadRecord> {
  return new Promise((resolve) => {
    const d = history.onDidChange(({ keys }) => {
      for (const k of keys) {
        const r = history.get(k);
        if (r && (r.partsDone?.length ?? 0) >= n && r.state === 'uploading') {
          d.dispose();
          resolve(r);
        }
      }
    });
  });
}

test('a part failing with 500, 409 and a dropped connection still yields a byte-exact upload', async () => {
  const mark = env.emu.requests.length;
  env.emu.faults.arm({ method: 'POST', path: SEND, status: 500, code: 'internal_server_error' });
  env.emu.faults.arm({ method: 'POST', path: SEND, status: 409, code: 'conflict_error' });
  env.emu.faults.arm({ method: 'POST', path: SEND, dropConnection: true });
  const up = await env.service.upload(file.path);
  assert.equal(up.status, 'uploaded');
  assert.equal(env.emu.uploadSha256(up.id), file.sha256);
  const sends = sendsSince(mark);
  assert.equal(sends.filter((r) => r.status === 500).length, 1);
  assert.equal(sends.filter((r) => r.status === 409).length, 1);
  assert.equal(sends.filter((r) => r.status === 200).length, 6);
  assert.ok(sends.length >= 9, 'three failed attempts were repeated');
});

/** Starts an upload of `path`, cancels it once `n` parts are acknowledged (later parts hang), returns the record. */
async function interruptAfter(n: number, path: string, extra: { pageId?: string } = {}): Promise<UploadRecord> {
  const ac = new AbortController();
  const reached = afterParts(env.history, n).then((r) => {
    env.emu.faults.arm({ method: 'POST', path: SEND, hang: true, count: 100 });
    return r;
  });
  const run = extra.pageId
    ? env.service.uploadAndAttach(path, { pageId: extra.pageId, as: 'block' }, { signal: ac.signal })
    : env.service.upload(path, { signal: ac.signal });
  const rec = await reached;
  await new Promise((r) => setTimeout(r, 100)); // let the next parts be in flight (hanging)
  ac.abort();
  await assert.rejects(run, (e: Error) => e.name === 'AbortError');
  env.emu.faults.clear();
  return env.history.get(rec.key)!;
}

test('cancel stops every request in flight; the record keeps the acknowledged parts; nothing is attached', { timeout: 30_000 }, async () => {
  const page = env.emu.seed.page({ title: 'Not yet' }).id;
  const mark = env.emu.requests.length;
  const rec = await interruptAfter(2, file.path, { pageId: page });
  assert.equal(rec.state, 'cancelled');
  assert.ok(rec.partsDone!.length >= 2 && rec.partsDone!.length < 6, `parts done: ${rec.partsDone}`);
  assert.equal(env.service.isRunning(rec.key), false);
  assert.equal(env.emu.requests.slice(mark).filter((r) => /\/complete$/.test(r.path)).length, 0, 'not completed');
  assert.equal((await env.client.listBlockChildren(page)).results.length, 0, 'nothing attached');
  assert.equal((await env.client.getFileUpload(rec.fileUploadId!)).status, 'pending');

  // Resume after cancel: only the parts not acknowledged go again, then attach.
  const mark2 = env.emu.requests.length;
  const notices: string[] = [];
  const res = await env.service.uploadAndAttach(file.path, { pageId: page, as: 'block' }, { onNotice: (m) => notices.push(m) });
  assert.equal(res.resumed, true);
  assert.equal(res.key, rec.key);
  assert.equal(sendsSince(mark2).length, 6 - rec.partsDone!.length);
  assert.equal(env.emu.requests.slice(mark2).filter((r) => CREATE.test(r.path)).length, 0);
  assert.equal(env.emu.uploadSha256(res.fileUpload.id), file.sha256);
  assert.match(notices[0], /continuing the interrupted upload \(\d of 6 parts already sent\)/);
  assert.equal((await env.client.listBlockChildren(page)).results.length, 1);
  assert.equal(env.history.get(rec.key)!.state, 'attached');
});

test('cancel(key) aborts a running upload from outside (the tree view)', { timeout: 30_000 }, async () => {
  const f = await randomFile(env.dir, 'cancel-me.avi', 21 * MiB);
  const reached = afterParts(env.history, 1).then((r) => {
    env.emu.faults.arm({ method: 'POST', path: SEND, hang: true, count: 100 });
    return r;
  });
  const run = env.service.upload(f.path);
  const rec = await reached;
  assert.equal(env.service.isRunning(rec.key), true);
  assert.equal(env.service.cancel(rec.key), true);
  await assert.rejects(run, (e: Error) => e.name === 'AbortError');
  env.emu.faults.clear();
  assert.equal(env.history.get(rec.key)!.state, 'cancelled');
  assert.equal(env.service.cancel(rec.key), false, 'nothing running any more');
});

test('resume after a crash: a new service over the saved history sends only the missing parts', { timeout: 30_000 }, async () => {
  const f = await randomFile(env.dir, 'crash.webm', SIZE);
  const ac = new AbortController();
  const reached = afterParts(env.history, 3);
  const run = env.service.upload(f.path, { signal: ac.signal });
  const rec = await reached;
  await env.history.flush();
  const saved = env.store.load(); // what storage held at the moment of the "crash"
  ac.abort();
  await assert.rejects(run);
  const crashed = saved.find((r) => r.key === rec.key)!;
  assert.equal(crashed.state, 'uploading', 'the crash left the record mid-upload');

  const history2 = await UploadHistory.open(new MemoryHistoryStore(saved), { now: () => env.emu.clock.now() });
  const service2 = new UploadService(makeClient(env.emu), { history: history2, partSizeBytes: 5 * MiB });
  const mark = env.emu.requests.length;
  const up = await service2.upload(f.path);
  assert.equal(up.id, crashed.fileUploadId);
  assert.equal(sendsSince(mark).length, 6 - crashed.partsDone!.length);
  assert.equal(env.emu.uploadSha256(up.id), f.sha256);
  assert.equal(history2.get(rec.key)!.state, 'pending');
  history2.dispose();
});

test('past its hour an interrupted upload starts over, and says so', { timeout: 30_000 }, async () => {
  const f = await randomFile(env.dir, 'late.flv', SIZE);
  const rec = await interruptAfter(2, f.path);
  env.emu.clock.advance(61 * 60_000);
  const notices: string[] = [];
  const mark = env.emu.requests.length;
  const up = await env.service.upload(f.path, { onNotice: (m) => notices.push(m) });
  assert.notEqual(up.id, rec.fileUploadId);
  assert.equal(env.emu.requests.slice(mark).filter((r) => CREATE.test(r.path)).length, 1);
  assert.equal(sendsSince(mark).length, 6);
  assert.equal(env.emu.uploadSha256(up.id), f.sha256);
  assert.match(notices[0], /late\.flv: the interrupted upload is past its hour .*starting the upload over/);
  const old = env.history.get(rec.key)!;
  assert.equal(old.state, 'expired');
  assert.match(old.notice!, /starting the upload over/);
});

test('the file changing during the upload fails with that reason; nothing is completed', { timeout: 30_000 }, async () => {
  const f = await randomFile(env.dir, 'changing.mkv', 21 * MiB);
  void afterParts(env.history, 1).then(() => appendFileSync(f.path, 'more bytes'));
  const mark = env.emu.requests.length;
  await assert.rejects(env.service.upload(f.path), (e: unknown) => {
    assert.ok(e instanceof FileChangedError, String(e));
    assert.equal(e.file, f.path);
    assert.match(e.message, /changing\.mkv changed during the upload \(size 22020096 → 22020106 bytes\); nothing was attached/);
    return true;
  });
  assert.equal(env.emu.requests.slice(mark).filter((r) => /\/complete$/.test(r.path)).length, 0);
  const rec = env.history.findBySource(f.path)[0];
  assert.equal(rec.state, 'failed');
  assert.match(rec.error!, /changed during the upload/);
});

test('a single-part file edited before its bytes are acknowledged is not returned', async () => {
  const f = await randomFile(env.dir, 'small-change.png', 100_000);
  // The first progress callback fires while the part is being read: touch the file then.
  let touched = false;
  await assert.rejects(
    env.service.upload(f.path, {
      onProgress: () => {
        if (!touched) {
          touched = true;
          appendFileSync(f.path, 'x');
        }
      },
    }),
    (e: unknown) => e instanceof FileChangedError,
  );
});
