// A cancel ends every wait at once and leaves the rows true: a wait for another file's
// background hash, and an attach cut short (the row says cancelled, not pending, and that the
// write may still land), while a request cancelled before it left says nothing of the kind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { openEnv, randomFile, CREATE, requestsTo, MiB, type Env } from './helpers';
import { ReuseIndex } from '../../../src/core/upload/reuseIndex';
import { inspectLocalFile } from '../../../src/core/upload/localFile';
import { NotionClient } from '../../../src/core/notion/client';
import { WorkspaceInfoCache } from '../../../src/core/upload/workspaceInfo';
import { DEFAULT_TOKEN } from '../../emulator';

let env: Env;
before(async () => (env = await openEnv()));
after(() => env.close());

/** A sparse file: big to read and hash, free to write. */
function sparse(name: string, size: number, marker: string): string {
  const p = path.join(env.dir, name);
  const fd = openSync(p, 'w');
  writeSync(fd, Buffer.from(marker), 0, undefined, size / 2);
  ftruncateSync(fd, size);
  closeSync(fd);
  return p;
}

test('a cancel ends the wait for another upload\'s background hash at once (the hash itself goes on)', async () => {
  const size = 256 * MiB;
  const uploaded = await inspectLocalFile(sparse('earlier.mp4', size, 'earlier'));
  const next = await inspectLocalFile(sparse('next.mp4', size, 'next'));
  const now = new Date(env.history.now()).toISOString();
  // An attached upload of the same size: the next file is hashed to see whether it can be reused.
  env.history.put({
    key: 'earlier', fileUploadId: '00000000-0000-4000-8000-000000000001', source: uploaded.path, filename: 'earlier.mp4', contentType: 'video/mp4',
    sizeBytes: size, mtimeMs: uploaded.mtimeMs, mode: 'multi_part', state: 'attached', sentBytes: size, createdTime: now, expiryTime: null,
    attachments: [], botId: 'bot', updatedTime: now,
  });
  const reuse = new ReuseIndex(env.client, env.history);
  reuse.hashLater('earlier', uploaded);
  let hashed = false;
  const background = reuse.whenHashed().then(() => (hashed = true));
  const ctl = new AbortController();
  setImmediate(() => ctl.abort());
  const e = await reuse.knownSha(next, 'bot', ctl.signal).then(() => undefined, (x: unknown) => x);
  assert.equal((e as Error | undefined)?.name, 'AbortError', String(e));
  assert.equal(hashed, false, 'the cancel did not wait for the 256 MiB background hash');
  await background;
  assert.ok(env.history.get('earlier')!.sha256, 'the background hash still finished and was recorded');
});

test('cancelled while its block is being added: the row says cancelled (not pending), and retry finishes it', async () => {
  const page = env.emu.seed.page({ title: 'Cancel While Attaching' }).id;
  const f = await randomFile(env.dir, 'clip.mp4', 40_000);
  // The append arrives and gets no answer: the cancel lands while it is in flight.
  env.emu.faults.arm({ method: 'PATCH', path: `/v1/blocks/${page}/children`, hang: true });
  const ctl = new AbortController();
  let key = '';
  const running = env.service.uploadAndAttach(f.path, { pageId: page, as: 'block' }, { signal: ctl.signal, onRecord: (k) => (key = k) });
  const appending = setInterval(() => {
    if (requestsTo(env.emu, /\/children$/, 'PATCH').some((r) => r.path.includes(page))) ctl.abort();
  }, 2);
  const e = await running.then(() => undefined, (x: unknown) => x).finally(() => clearInterval(appending));
  assert.equal((e as Error | undefined)?.name, 'AbortError', String(e));
  const row = env.history.get(key)!;
  assert.equal(row.state, 'cancelled');
  assert.equal(row.attachUnknown, true, 'the append was on its way: retry looks on the page first');
  assert.equal((e as { attachMayLand?: boolean }).attachMayLand, true, 'the error says the write may still land');
  assert.deepEqual(row.intent, { pageId: page, as: 'block' }, 'the target is kept for retry');
  const creates = requestsTo(env.emu, CREATE).length;
  const again = await env.service.retry(key);
  assert.equal(env.history.get(key)!.state, 'attached');
  assert.equal(requestsTo(env.emu, CREATE).length, creates, 'the uploaded bytes were attached, not sent again');
  assert.ok('blockId' in again && again.blockId);
});

test('a write cancelled while it waits its turn at the rate limiter never leaves, and says it cannot land', async () => {
  const page = env.emu.seed.page({ title: 'Cancel While Paced' }).id;
  // Its own pacing (one request, then one every 2 s): the second append waits its turn.
  const paced = new NotionClient({ token: DEFAULT_TOKEN, baseUrl: env.emu.url, limiter: { perSecond: 0.5, burst: 1 } });
  const block = { object: 'block', type: 'paragraph', paragraph: { rich_text: [] } };
  await paced.appendBlockChildren(page, [block]);
  const appends = () => requestsTo(env.emu, new RegExp(`^/v1/blocks/${page}/children$`), 'PATCH').length;
  const ctl = new AbortController();
  setImmediate(() => ctl.abort());
  const e = await paced.appendBlockChildren(page, [block], undefined, { signal: ctl.signal }).then(() => undefined, (x: unknown) => x);
  assert.equal((e as Error | undefined)?.name, 'AbortError', String(e));
  assert.equal((e as { mayHaveApplied?: boolean }).mayHaveApplied, false);
  assert.equal(appends(), 1, 'the second append never reached Notion');
});

test('the workspace read shared by several callers: one caller\'s cancel ends only its own wait, at once', async () => {
  const cache = new WorkspaceInfoCache(env.client);
  env.emu.setLatency(300);
  try {
    // A cancelled caller does not cancel the others' read.
    const a = new AbortController();
    const first = cache.get(a.signal).then(() => 'read', (x: Error) => x.name);
    const second = cache.get(new AbortController().signal);
    a.abort();
    assert.equal(await first, 'AbortError');
    assert.ok((await second).botId, 'the other caller still got the workspace');

    // A caller's cancel ends its wait even when the read in flight was started without a signal.
    cache.invalidate();
    let unsignalledDone = false;
    const unsignalled = cache.get().then((w) => ((unsignalledDone = true), w));
    const b = new AbortController();
    const waiting = cache.get(b.signal).then(() => 'read', (x: Error) => x.name);
    b.abort();
    assert.equal(await waiting, 'AbortError');
    assert.equal(unsignalledDone, false, 'the cancel did not wait for the read');
    assert.ok((await unsignalled).botId);
  } finally {
    env.emu.setLatency(0);
  }
});

test('cancelled while a cover is being set: the row says cancelled, and that the write may still land', async () => {
  const page = env.emu.seed.page({ title: 'Cancel While Covering' }).id;
  const f = await randomFile(env.dir, 'cover.png', 30_000);
  env.emu.faults.arm({ method: 'PATCH', path: `/v1/pages/${page}`, hang: true });
  const ctl = new AbortController();
  let key = '';
  const running = env.service.uploadAndAttach(f.path, { pageId: page, as: 'cover' }, { signal: ctl.signal, onRecord: (k) => (key = k) });
  const covering = setInterval(() => {
    if (requestsTo(env.emu, new RegExp(`^/v1/pages/${page}$`), 'PATCH').length) ctl.abort();
  }, 2);
  const e = await running.then(() => undefined, (x: unknown) => x).finally(() => clearInterval(covering));
  assert.equal((e as { attachMayLand?: boolean } | undefined)?.attachMayLand, true, String(e));
  assert.deepEqual([env.history.get(key)!.state, env.history.get(key)!.attachUnknown], ['cancelled', true]);
});
