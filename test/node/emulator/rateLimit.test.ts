// Rate limiting: a per-token bucket (burst, then perSecond), 429 rate_limited with Retry-After,
// switchable off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { TestApi } from '../../emulator/testClient';

describe('emulator: rate limiting', () => {
  let emu: Emulator;
  let api: TestApi;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: true, perSecond: 3, burst: 3 }, tokens: { ntn_other: {} } });
    api = new TestApi(emu.url);
  });
  after(() => emu.close());

  it('is on by default with a burst of 10', async () => {
    const fresh = await startEmulator();
    try {
      const a = new TestApi(fresh.url);
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await a.call('GET', '/v1/users/me')).status);
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
      assert.ok(statuses.slice(10).includes(429), statuses.join(','));
    } finally {
      await fresh.close();
    }
  });

  it('answers 429 rate_limited with Retry-After once the burst is spent, per token', async () => {
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 4; i++) {
      const r = await api.call('GET', '/v1/users/me');
      statuses.push(r.status);
      if (r.status === 429) limited = r;
    }
    assert.deepEqual(statuses.slice(0, 3), [200, 200, 200]);
    assert.ok(limited, `expected a 429 in ${statuses}`);
    assert.equal(limited.json.code, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await api.as('ntn_other').call('GET', '/v1/users/me')).status, 200, 'other tokens have their own bucket');
  });

  it('lets requests through again after Retry-After seconds', async () => {
    emu.setRateLimit({ enabled: true, perSecond: 3, burst: 1 });
    assert.equal((await api.call('GET', '/v1/users/me')).status, 200);
    const limited = await api.call('GET', '/v1/users/me');
    assert.equal(limited.status, 429);
    const wait = Number(limited.headers.get('retry-after'));
    await new Promise((r) => setTimeout(r, wait * 1000));
    assert.equal((await api.call('GET', '/v1/users/me')).status, 200);
  });

  it('can be switched off', async () => {
    emu.setRateLimit({ enabled: false });
    for (let i = 0; i < 30; i++) assert.equal((await api.call('GET', '/v1/users/me')).status, 200);
  });
});
