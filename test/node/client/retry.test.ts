// Retries with measured time, against faults injected into the emulator.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { NotionClient, type NotionClientOptions } from '../../../src/core/notion/client';
import { closeAllPools } from '../../../src/core/notion/dispatcher';
import { NotionError, NotionNetworkError } from '../../../src/core/notion/errors';
import { retryDelayMs, shouldRetry } from '../../../src/core/notion/retry';
import type { RequestLogEntry } from '../../../src/core/notion/transport';
import { startEmulator, type Emulator } from '../../emulator/index';

const TOKEN = 'ntn_client_retry_token';
let emu: Emulator;
let log: RequestLogEntry[];

before(async () => {
  emu = await startEmulator({ rateLimit: { enabled: false } });
  emu.addToken(TOKEN);
});
beforeEach(() => {
  emu.faults.clear();
  log = [];
});
after(async () => {
  await emu.close();
  await closeAllPools();
});

const client = (o: Partial<NotionClientOptions> = {}) =>
  new NotionClient({ token: TOKEN, baseUrl: emu.url, limiter: false, logger: (e) => log.push(e), ...o });
const requestsTo = (path: string | RegExp) =>
  emu.requests.filter((r) => (typeof path === 'string' ? r.path === path : path.test(r.path)));
const para = { type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'x' } }] } };

async function pendingPng(c: NotionClient) {
  return c.createFileUpload({ mode: 'single_part', filename: 'p.png', contentType: 'image/png' });
}
const pngPart = () => ({ data: new Blob([randomBytes(2000)]), filename: 'p.png', contentType: 'image/png' });

describe('throttling: 429 and 529 on any method', () => {
  it('429 with Retry-After: 1 costs at least 1 s and then succeeds', async () => {
    emu.faults.arm({ path: '/v1/users/me', status: 429, code: 'rate_limited', retryAfterSeconds: 1, message: 'Rate limited' });
    const t0 = performance.now();
    const me = await client().getBotUser();
    const elapsed = performance.now() - t0;
    assert.equal(me.object, 'user');
    assert.ok(elapsed >= 1000, `took ${elapsed} ms`);
    assert.deepEqual(log.map((l) => l.status), [429, 200]);
    assert.deepEqual(log.map((l) => l.attempt), [1, 2]);
  });

  it('429 on a non-idempotent POST (create upload) is retried too', async () => {
    emu.faults.arm({ method: 'POST', path: '/v1/file_uploads', status: 429, code: 'rate_limited', retryAfterSeconds: 1 });
    const before = requestsTo('/v1/file_uploads').length;
    const up = await pendingPng(client());
    assert.equal(up.status, 'pending');
    assert.equal(requestsTo('/v1/file_uploads').length - before, 2);
  });

  it('529 without Retry-After on append is retried with backoff, and appends once', async () => {
    const { id } = emu.seed.page({ title: 'Overloaded' });
    emu.faults.arm({ method: 'PATCH', path: `/v1/blocks/${id}/children`, status: 529, code: 'service_overload', message: 'overloaded' });
    const t0 = performance.now();
    await client().appendBlockChildren(id, [para]);
    const elapsed = performance.now() - t0;
    assert.ok(elapsed >= 250, `backoff waited ${elapsed} ms (first backoff is 250–500 ms)`);
    assert.equal((await client().listBlockChildren(id)).results.length, 1);
  });
});

describe('5xx and connection failures: only where repeating cannot duplicate work', () => {
  it('500 on a read is retried', async () => {
    const { id } = emu.seed.page({ title: 'Flaky read' });
    emu.faults.arm({ method: 'GET', path: `/v1/pages/${id}`, status: 500, code: 'internal_server_error', message: 'boom' });
    const page = await client().getPage(id);
    assert.equal(page.id, id);
    assert.deepEqual(log.map((l) => l.status), [500, 200]);
  });

  it('500 on append is NOT retried, and the error says the blocks may exist', async () => {
    const { id } = emu.seed.page({ title: 'No double append' });
    emu.faults.arm({ method: 'PATCH', path: `/v1/blocks/${id}/children`, status: 500, code: 'internal_server_error', message: 'boom' });
    const e = await client().appendBlockChildren(id, [para]).catch((x: unknown) => x);
    assert.ok(e instanceof NotionError);
    assert.equal(e.status, 500);
    assert.equal(e.mayHaveApplied, true);
    assert.match(e.message, /not repeated because it may already have been applied/);
    assert.equal(requestsTo(`/v1/blocks/${id}/children`).filter((r) => r.method === 'PATCH').length, 1);
  });

  it('a dropped connection on append is NOT retried either', async () => {
    const { id } = emu.seed.page({ title: 'Dropped append' });
    emu.faults.arm({ method: 'PATCH', path: `/v1/blocks/${id}/children`, dropConnection: true });
    const e = await client().appendBlockChildren(id, [para]).catch((x: unknown) => x);
    assert.ok(e instanceof NotionNetworkError, String(e));
    assert.equal(e.kind, 'network');
    assert.equal(e.mayHaveApplied, true);
    assert.equal(log.length, 1);
  });

  it('409 conflict_error on send is retried', async () => {
    const c = client();
    const up = await pendingPng(c);
    emu.faults.arm({ method: 'POST', path: `/v1/file_uploads/${up.id}/send`, status: 409, code: 'conflict_error', message: 'storage failed' });
    const sent = await c.sendFileUpload(up.id, pngPart());
    assert.equal(sent.status, 'uploaded');
    assert.deepEqual(log.filter((l) => l.path.endsWith('/send')).map((l) => l.status), [409, 200]);
  });

  it('409 on a non-send write is not retried', async () => {
    const { id } = emu.seed.page({ title: 'Conflict' });
    emu.faults.arm({ method: 'PATCH', path: `/v1/pages/${id}`, status: 409, code: 'conflict_error', message: 'conflict' });
    await assert.rejects(client().updatePage(id, { icon: { type: 'emoji', emoji: '🙂' } }), (e: NotionError) => e.status === 409);
    assert.equal(log.length, 1);
  });

  it('a connection dropped during a part\'s body is retried with a fresh body, and the bytes arrive whole', async () => {
    const c = client();
    const up = await c.createFileUpload({ mode: 'multi_part', filename: 'd.pdf', contentType: 'application/pdf', numberOfParts: 1 });
    emu.faults.arm({ method: 'POST', path: `/v1/file_uploads/${up.id}/send`, dropConnection: true });
    const bytes = randomBytes(300_000);
    const progress: number[] = [];
    const sent = await c.sendFileUpload(up.id, {
      data: new Blob([bytes]), filename: 'd.pdf', contentType: 'application/pdf', partNumber: 1, onBytes: (n) => progress.push(n),
    });
    assert.equal(sent.number_of_parts?.sent, 1);
    const sends = log.filter((l) => l.path.endsWith('/send'));
    assert.equal(sends.length, 2);
    assert.equal(sends[0].status, 0);
    assert.equal(progress.at(-1), bytes.length);
    const done = await c.completeFileUpload(up.id);
    assert.equal(done.status, 'uploaded');
    assert.deepEqual(emu.uploadBytes(up.id), bytes);
  });

  it('complete after an ambiguous failure re-reads the status before trying again', async () => {
    const c = client();
    const up = await c.createFileUpload({ mode: 'multi_part', filename: 'c.pdf', contentType: 'application/pdf', numberOfParts: 1 });
    await c.sendFileUpload(up.id, { data: new Blob([randomBytes(1000)]), filename: 'c.pdf', contentType: 'application/pdf', partNumber: 1 });
    emu.faults.arm({ method: 'POST', path: `/v1/file_uploads/${up.id}/complete`, status: 502, code: 'bad_gateway', message: 'bad gateway' });
    log = [];
    const done = await c.completeFileUpload(up.id);
    assert.equal(done.status, 'uploaded');
    assert.deepEqual(
      log.map((l) => `${l.method} ${l.path.replace(up.id, 'ID')} ${l.status}`),
      ['POST /v1/file_uploads/ID/complete 502', 'GET /v1/file_uploads/ID 200', 'POST /v1/file_uploads/ID/complete 200'],
    );
  });

  it('complete whose answer was lost returns the upload once the status read shows it uploaded', async () => {
    const c = client();
    const up = await c.createFileUpload({ mode: 'multi_part', filename: 'e.pdf', contentType: 'application/pdf', numberOfParts: 1 });
    await c.sendFileUpload(up.id, { data: new Blob([randomBytes(1000)]), filename: 'e.pdf', contentType: 'application/pdf', partNumber: 1 });
    emu.faults.arm({ method: 'POST', path: `/v1/file_uploads/${up.id}/complete`, dropConnection: true });
    log = [];
    const done = await c.completeFileUpload(up.id);
    assert.equal(done.status, 'uploaded');
    // The emulator applies the complete, then cuts its answer mid-body.
    assert.match(log[0].error ?? '', /could not reach Notion/);
    assert.equal(log[1].method, 'GET', 'the status is read before any second complete');
    // Either the dropped complete had been applied (GET shows uploaded: no second complete),
    // or it had not (GET shows pending: complete again). Never a failure.
    const completes = log.filter((l) => l.path.endsWith('/complete')).map((l) => l.status);
    assert.ok(completes.length === 1 || (completes.length === 2 && completes[1] === 200), JSON.stringify(log));
  });

  it('a hung request ends in a timeout error', async () => {
    const { id } = emu.seed.page({ title: 'Hang' });
    emu.faults.arm({ method: 'PATCH', path: `/v1/blocks/${id}/children`, hang: true });
    const e = await client({ timeoutMs: 300 }).appendBlockChildren(id, [para]).catch((x: unknown) => x);
    assert.ok(e instanceof NotionNetworkError, String(e));
    assert.equal(e.kind, 'timeout');
    assert.match(e.message, /timed out/);
  });

  it('a hung read is retried after its timeout and then succeeds', async () => {
    emu.faults.arm({ method: 'GET', path: '/v1/users/me', hang: true });
    const me = await client({ timeoutMs: 300 }).getBotUser();
    assert.equal(me.object, 'user');
    assert.deepEqual(log.map((l) => l.status), [0, 200]);
  });
});

describe('bounds', () => {
  it('stops after maxAttempts', async () => {
    emu.faults.arm({ method: 'GET', path: '/v1/users/me', status: 500, code: 'internal_server_error', count: 10 });
    const e = await client({ retry: { maxAttempts: 3 } }).getBotUser().catch((x: unknown) => x);
    assert.ok(e instanceof NotionError);
    assert.equal(e.status, 500);
    assert.equal(log.length, 3);
  });

  it('does not wait past maxTotalWaitMs: a Retry-After beyond the budget fails at once', async () => {
    emu.faults.arm({ method: 'GET', path: '/v1/users/me', status: 429, code: 'rate_limited', retryAfterSeconds: 30 });
    const e = await client({ retry: { maxTotalWaitMs: 1000 } }).getBotUser().catch((x: unknown) => x);
    assert.ok(e instanceof NotionError);
    assert.equal(e.retryAfterSeconds, 30);
    assert.equal(log.length, 1);
  });

  it('never retries 400, 401, 403 or 404', async () => {
    for (const [status, code] of [[400, 'validation_error'], [401, 'unauthorized'], [403, 'restricted_resource'], [404, 'object_not_found']] as const) {
      log = [];
      emu.faults.arm({ method: 'GET', path: '/v1/users/me', status, code, message: code });
      await assert.rejects(client().getBotUser(), (e: NotionError) => e.status === status);
      assert.equal(log.length, 1, `${status} was retried`);
    }
  });
});

describe('retry policy (decision functions)', () => {
  const err = (status: number, code = 'x', retryAfterSeconds?: number) =>
    new NotionError({ status, code, notionMessage: '', method: 'GET', path: '/', retryAfterSeconds });
  const net = (causeCode: string, kind: 'network' | 'timeout' = 'network') =>
    new NotionNetworkError({ kind, method: 'POST', path: '/', detail: causeCode, causeCode, mayHaveApplied: false });

  it('retries refused connections for any operation (the request never left)', () => {
    assert.equal(shouldRetry(net('ECONNREFUSED'), 'unsafe'), true);
    assert.equal(shouldRetry(net('ECONNRESET'), 'unsafe'), false);
    assert.equal(shouldRetry(net('ECONNRESET'), 'idempotent'), true);
    assert.equal(shouldRetry(net('', 'timeout'), 'unsafe'), false);
  });

  it('backoff grows, is jittered, and Retry-After wins', () => {
    assert.equal(retryDelayMs(err(429, 'rate_limited', 2), 1), 2000);
    assert.equal(retryDelayMs(err(500), 1, () => 0), 250);
    assert.equal(retryDelayMs(err(500), 1, () => 1), 500);
    assert.equal(retryDelayMs(err(500), 3, () => 1), 2000);
    assert.equal(retryDelayMs(err(500), 20, () => 1), 8000);
  });
});
