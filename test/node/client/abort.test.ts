// Cancellation through AbortSignal: in flight, while paced, while waiting to retry.
import assert from 'node:assert/strict';
import { mkdtempSync, openAsBlob, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NotionClient } from '../../../src/core/notion/client';
import { closeAllPools } from '../../../src/core/notion/dispatcher';
import { isAbortError, NotionNetworkError } from '../../../src/core/notion/errors';
import type { RequestLogEntry } from '../../../src/core/notion/transport';
import { startEmulator, type Emulator } from '../../emulator/index';
import { openFdsTo } from './openFds';

const TOKEN = 'ntn_client_abort_token';
let emu: Emulator;

before(async () => {
  emu = await startEmulator({ rateLimit: { enabled: false } });
  emu.addToken(TOKEN);
});
after(async () => {
  await emu.close();
  await closeAllPools();
});

/** Long client timeout: an abort that did not work would end as a timeout (or success), not an AbortError. */
const client = (log?: RequestLogEntry[], limiter: { perSecond: number; burst: number } | false = false) =>
  new NotionClient({ token: TOKEN, baseUrl: emu.url, limiter, timeoutMs: 20_000, logger: log && ((e) => log.push(e)) });

describe('abort', () => {
  it('aborts a hung in-flight request with an AbortError, not a timeout', async () => {
    emu.faults.arm({ method: 'GET', path: '/v1/users/me', hang: true });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    const e = await client().getBotUser({ signal: ctl.signal }).catch((x: unknown) => x);
    assert.ok(isAbortError(e), String(e));
    assert.ok(!(e instanceof NotionNetworkError));
    assert.match((e as Error).message, /GET \/v1\/users\/me was cancelled/);
  });

  it('aborts an in-flight upload of a large part', async () => {
    const c = client();
    const up = await c.createFileUpload({ mode: 'single_part', filename: 'big.pdf', contentType: 'application/pdf' });
    emu.setLatency(5_000);
    const ctl = new AbortController();
    let bytes = 0;
    const sending = c.sendFileUpload(
      up.id,
      { data: new Blob([new Uint8Array(8 * 1024 * 1024)]), filename: 'big.pdf', contentType: 'application/pdf', onBytes: (n) => (bytes = n) },
      { signal: ctl.signal },
    );
    setTimeout(() => ctl.abort(), 200);
    const e = await sending.catch((x: unknown) => x);
    emu.setLatency(0);
    assert.ok(isAbortError(e), String(e));
    assert.ok(bytes > 0, 'the body had started streaming');
  });

  it('aborting a part read from a file range closes the file: no descriptor is left open', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'abort-range-'));
    try {
      const file = path.join(dir, 'big.mp4');
      const size = 16 * 1024 * 1024;
      writeFileSync(file, new Uint8Array(size));
      const st = statSync(file);
      const c = client();
      const up = await c.createFileUpload({ mode: 'single_part', filename: 'big.mp4', contentType: 'video/mp4' });
      emu.setLatency(5_000);
      const ctl = new AbortController();
      let bytes = 0;
      let openWhileSending = 0;
      const sending = c.sendFileUpload(
        up.id,
        {
          data: (await openAsBlob(file)).slice(0, size),
          file: { path: file, start: 0, end: size, sizeBytes: st.size, mtimeMs: st.mtimeMs },
          filename: 'big.mp4',
          contentType: 'video/mp4',
          onBytes: (n) => {
            bytes = n;
            openWhileSending = Math.max(openWhileSending, openFdsTo(file));
          },
        },
        { signal: ctl.signal },
      );
      setTimeout(() => ctl.abort(), 200);
      const e = await sending.catch((x: unknown) => x);
      emu.setLatency(0);
      assert.ok(isAbortError(e), String(e));
      assert.ok(bytes > 0 && bytes < size, `the body was cut mid-send (${bytes} of ${size} bytes)`);
      assert.equal(openWhileSending, 1, 'the file was open while its bytes were read');
      // The body's generator closes the file as undici stops pulling it; give that a moment.
      for (let i = 0; i < 50 && openFdsTo(file) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(openFdsTo(file), 0, 'no descriptor to the file is left open');
    } finally {
      emu.setLatency(0);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an already-aborted signal sends nothing', async () => {
    const log: RequestLogEntry[] = [];
    const ctl = new AbortController();
    ctl.abort();
    await assert.rejects(client(log).getBotUser({ signal: ctl.signal }), (e: Error) => e.name === 'AbortError');
    assert.equal(log.length, 0);
  });

  it('aborts while waiting for a pacing slot, and the request is never sent', async () => {
    const log: RequestLogEntry[] = [];
    const c = client(log, { perSecond: 0.2, burst: 1 });
    await c.getBotUser();
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    await assert.rejects(c.getBotUser({ signal: ctl.signal }), (e: Error) => e.name === 'AbortError');
    assert.equal(log.length, 1);
  });

  it('aborts while waiting to retry after a 429', async () => {
    const log: RequestLogEntry[] = [];
    emu.faults.arm({ method: 'GET', path: '/v1/users/me', status: 429, code: 'rate_limited', retryAfterSeconds: 10 });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 200);
    await assert.rejects(client(log).getBotUser({ signal: ctl.signal }), (e: Error) => e.name === 'AbortError');
    assert.deepEqual(log.map((l) => l.status), [429]);
  });
});
