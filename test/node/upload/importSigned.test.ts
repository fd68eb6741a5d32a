// Imports of signed links: the history (persisted and shown in the Uploads view) never holds
// the link's query, where the signature is; the import itself still gets the whole link.
// Retry redoes an import only when nothing was cut from its link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { CREATE, openEnv, type Env } from './helpers';
import { ImportFailedError, UploadValidationError } from '../../../src/core/upload/errors';
import { UploadHistory } from '../../../src/core/history/uploadHistory';
import { MemoryHistoryStore } from '../../../src/core/history/memoryStore';
import type { UploadRecord } from '../../../src/core/history/types';

const SIG = 'X-Amz-Signature=0123456789abcdef&sig=s3cr3t';
const body = randomBytes(20_000);
let env: Env;
let server: Server;
let base: string;
/** Paths the test server serves (only with the signature when `signed`). */
const served = new Map<string, { signed: boolean }>();

before(async () => {
  env = await openEnv({ emulator: { allowHttpImports: true }, service: { importPoll: { initialDelayMs: 20, maxDelayMs: 100 } } });
  server = createServer((req, res) => {
    const u = new URL(req.url!, 'http://x');
    const route = served.get(u.pathname);
    if (!route || (route.signed && u.search !== `?${SIG}`)) return void res.writeHead(route ? 403 : 404).end();
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.close();
  await env.close();
});

/** What the store holds once pending saves are written. */
async function persisted(): Promise<string> {
  await env.history.flush();
  return JSON.stringify(await env.store.load());
}

function assertNoSignature(text: string, what: string): void {
  assert.doesNotMatch(text, /sig=|X-Amz-Signature|s3cr3t|0123456789abcdef/, `${what} holds the signature`);
}

test('a signed link is imported whole, but its record keeps only the link without its query', async () => {
  served.set('/signed/pic.png', { signed: true });
  const up = await env.service.importFromUrl(`${base}/signed/pic.png?${SIG}`);
  assert.equal(up.status, 'uploaded', 'the server answers only the signed link: Notion got it whole');
  const rec = env.history.findByUploadId(up.id)!;
  assert.equal(rec.source, `${base}/signed/pic.png?…`);
  assertNoSignature(JSON.stringify(env.history.list()), 'the history');
  assertNoSignature(await persisted(), 'the stored history');
});

test('a failed import of a signed link: no signature in the error, the record or the store; retry says to copy again', async () => {
  const url = `${base}/signed/gone.png?${SIG}`;
  let key: string | undefined;
  await assert.rejects(env.service.importFromUrl(url, { onRecord: (k) => (key = k) }), (e: unknown) => {
    assert.ok(e instanceof ImportFailedError, String(e));
    assert.match(e.message, /^Notion could not import http:\/\/127\.0\.0\.1:\d+\/signed\/gone\.png\?…: /);
    assertNoSignature(`${e.message} ${e.url} ${e.stack}`, 'the error');
    return true;
  });
  const rec = env.history.get(key!)!;
  assert.equal(rec.state, 'failed');
  assert.match(rec.error!, /^Notion could not import .*\/signed\/gone\.png\?…: .*404/);
  assertNoSignature(await persisted(), 'the stored history');

  const mark = env.emu.requests.length;
  await assert.rejects(env.service.retry(key!), (e: unknown) => {
    assert.ok(e instanceof UploadValidationError && e.rule === 'cannot-retry', String(e));
    assert.match(e.message, /^Cannot retry "gone\.png": .*query.*Copy the file again from the Page Files view/);
    return true;
  });
  assert.equal(env.emu.requests.length, mark, 'no request sent');
});

test('a failed import of a link without a query is imported again on retry, under the same key', async () => {
  const url = `${base}/plain/late.png`;
  let key: string | undefined;
  await assert.rejects(env.service.importFromUrl(url, { onRecord: (k) => (key = k) }), ImportFailedError);
  assert.equal(env.history.get(key!)!.source, url);
  served.set('/plain/late.png', { signed: false });
  const mark = env.emu.requests.length;
  const again = (await env.service.retry(key!)) as { id: string; status: string };
  assert.equal(again.status, 'uploaded');
  assert.equal(env.emu.requests.slice(mark).filter((r) => CREATE.test(r.path) && r.method === 'POST').length, 1);
  // The same record, not a second one next to the failed attempt.
  assert.equal(env.history.findByUploadId(again.id)?.key, key);
  assert.deepEqual(env.history.list().filter((r) => r.source === url).map((r) => r.state), ['pending']);
});

test('records an older version stored with a signed link are redacted on load and written back', async () => {
  const at = new Date().toISOString();
  const old: UploadRecord = {
    key: 'old-import', source: `https://files.example/a/photo.png?${SIG}`, filename: 'photo.png', contentType: 'image/png',
    sizeBytes: 0, mode: 'external_url', state: 'failed', sentBytes: 0, createdTime: at, expiryTime: null, attachments: [],
    updatedTime: at, error: `Notion could not import https://files.example/a/photo.png?${SIG}: HTTP 403.`,
  };
  const store = new MemoryHistoryStore([old]);
  const history = await UploadHistory.open(store, { saveDelayMs: 1 });
  try {
    const rec = history.get('old-import')!;
    assert.equal(rec.source, 'https://files.example/a/photo.png?…');
    assert.equal(rec.error, 'Notion could not import https://files.example/a/photo.png?…: HTTP 403.');
    assert.match(rec.noRetry!, /Copy the file again from the Page Files view/);
    await history.flush();
    assert.equal(store.saves, 1, 'written back without waiting for another change');
    assertNoSignature(JSON.stringify(store.load()), 'the stored history');
  } finally {
    history.dispose();
  }
});
