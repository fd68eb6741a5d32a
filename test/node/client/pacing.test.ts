// Pacing: one limiter per token and origin, shared across clients, keeps under Notion's limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NotionClient } from '../../../src/core/notion/client';
import { closeAllPools } from '../../../src/core/notion/dispatcher';
import { RateLimiter, sharedLimiter } from '../../../src/core/notion/limiter';
import { startEmulator, type Emulator } from '../../emulator/index';

let emu: Emulator;

before(async () => {
  // Notion's documented limit, enforced by the emulator: 3 requests/s on average, bursts of 10.
  emu = await startEmulator({ rateLimit: { enabled: true, perSecond: 3, burst: 10 } });
});
after(async () => {
  await emu.close();
  await closeAllPools();
});

describe('pacing against the emulator\'s rate limiter', () => {
  it('N requests from two clients of one token take ≥ (N − burst)/3 s and meet no 429', async () => {
    const token = 'ntn_pacing_shared_token';
    emu.addToken(token);
    const statuses: number[] = [];
    const make = () => new NotionClient({ token, baseUrl: emu.url, logger: (e) => statuses.push(e.status) });
    const [a, b] = [make(), make()];
    const n = 12;
    const burst = 5; // the client's default
    const t0 = performance.now();
    await Promise.all(Array.from({ length: n }, (_, i) => (i % 2 ? a : b).getBotUser()));
    const elapsed = performance.now() - t0;
    // Shared pacing: the last request starts (N − burst) intervals of 1/3 s after the first.
    assert.ok(elapsed >= ((n - burst) / 3) * 1000 - 5, `took ${elapsed} ms`);
    assert.equal(statuses.length, n, 'one attempt per request: nothing was throttled');
    assert.ok(statuses.every((s) => s === 200), JSON.stringify(statuses));
  });

  it('a 429 pauses every client of the token for Retry-After', async () => {
    const token = 'ntn_pacing_pause_token';
    emu.addToken(token);
    const limiter = { perSecond: 50, burst: 10 };
    const b = new NotionClient({ token, baseUrl: emu.url, limiter });
    let got429At = 0;
    let bDoneAt = 0;
    let bRun: Promise<unknown> | undefined;
    emu.faults.arm({ method: 'GET', path: '/v1/users/me', status: 429, code: 'rate_limited', retryAfterSeconds: 1 });
    const a = new NotionClient({
      token,
      baseUrl: emu.url,
      limiter,
      logger: (e) => {
        if (e.status !== 429 || got429At) return;
        got429At = performance.now();
        // B starts just after A has seen the 429: the shared limiter holds it back as well.
        setTimeout(() => {
          bRun = b.searchPages('anything').then(() => (bDoneAt = performance.now()));
        }, 0);
      },
    });
    await a.getBotUser();
    await new Promise((r) => setTimeout(r, 0));
    await bRun;
    assert.ok(got429At > 0);
    assert.ok(bDoneAt - got429At >= 995, `B went ${bDoneAt - got429At} ms after the 429`);
  });

  it('clients of different tokens do not share a limiter', () => {
    const origin = emu.url;
    assert.equal(sharedLimiter('ntn_a_token', origin), sharedLimiter('ntn_a_token', origin));
    assert.notEqual(sharedLimiter('ntn_a_token', origin), sharedLimiter('ntn_b_token', origin));
    assert.notEqual(sharedLimiter('ntn_a_token', origin), sharedLimiter('ntn_a_token', 'https://api.notion.com'));
  });
});

describe('RateLimiter (token bucket, fake clock)', () => {
  it('lets a burst through, then spaces requests 1/perSecond apart', () => {
    let now = 1000;
    const l = new RateLimiter({ perSecond: 3, burst: 3 }, () => now);
    const waits = Array.from({ length: 6 }, () => Math.round(l.reserve()));
    assert.deepEqual(waits, [0, 0, 0, 333, 667, 1000]);
    now += 10_000; // a quiet period refills the bucket
    assert.deepEqual([l.reserve(), l.reserve(), l.reserve(), Math.round(l.reserve())], [0, 0, 0, 333]);
  });

  it('a waiter cancelled before its turn gives the turn back: the next request does not wait behind it', async () => {
    let now = 0;
    const l = new RateLimiter({ perSecond: 3, burst: 1 }, () => now);
    assert.equal(l.reserve(), 0);
    const ctl = new AbortController();
    const waiting = Array.from({ length: 4 }, () => l.acquire(ctl.signal, 'PATCH', '/v1/blocks/x'));
    ctl.abort();
    for (const w of waiting) await assert.rejects(w, /cancelled/);
    // Four turns given back: the next request goes one interval after the one that went.
    assert.equal(Math.round(l.reserve()), 333);
    now += 10_000;
    assert.equal(l.reserve(), 0, 'and a quiet period still refills the bucket');
  });

  it('pause() holds everything for the given time, then resumes without a burst', () => {
    let now = 0;
    const l = new RateLimiter({ perSecond: 2, burst: 5 }, () => now);
    l.pause(1000);
    assert.deepEqual([l.reserve(), l.reserve(), l.reserve()], [1000, 1500, 2000]);
    now = 10_000;
    assert.equal(l.reserve(), 0);
  });

  it('rejects nonsense settings', () => {
    assert.throws(() => new RateLimiter({ perSecond: 0 }), /perSecond/);
    assert.throws(() => new RateLimiter({ burst: 0.5 }), /burst/);
  });
});
