// Fault injection: armed statuses (with/without Retry-After, N times), hangs, dropped connections.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, TestApi } from '../../emulator/testClient';

describe('emulator: fault injection', () => {
  let emu: Emulator;
  let api: TestApi;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false } });
    api = new TestApi(emu.url);
  });
  beforeEach(() => emu.faults.clear());
  after(() => emu.close());

  it('answers the next N matching requests with the armed status, then recovers', async () => {
    emu.faults.arm({ method: 'GET', path: '/v1/users/me', count: 2, status: 503 });
    const a = await api.call('GET', '/v1/users/me');
    const b = await api.call('GET', '/v1/users/me');
    const c = await api.call('GET', '/v1/users/me');
    assert.deepEqual([a.status, b.status, c.status], [503, 503, 200]);
    assert.equal(a.json.code, 'service_unavailable');
    assert.equal(a.json.object, 'error');
    assert.equal(a.headers.get('retry-after'), null);
    assert.equal(emu.requests.at(-3)?.fault, 'status');
  });

  it('sends Retry-After and a custom code and message when asked', async () => {
    emu.faults.arm({ path: /^\/v1\/file_uploads\/[^/]+\/send$/, status: 409, code: 'conflict_error', message: 'storage hiccup', retryAfterSeconds: 2 });
    const id = (await api.createUpload({ filename: 'a.txt' })).json.id;
    const r = await api.send(id, bytesOf(10), { filename: 'a.txt', contentType: 'text/plain' });
    assert.equal(r.status, 409);
    assert.equal(r.json.message, 'storage hiccup');
    assert.equal(r.headers.get('retry-after'), '2');
    assert.equal((await api.call('GET', `/v1/file_uploads/${id}`)).json.status, 'pending', 'the faulted send stored nothing');
    assert.equal((await api.send(id, bytesOf(10), { filename: 'a.txt', contentType: 'text/plain' })).status, 200);
  });

  it('only matches the armed method and path', async () => {
    emu.faults.arm({ method: 'POST', path: '/v1/users/me', status: 500 });
    assert.equal((await api.call('GET', '/v1/users/me')).status, 200);
    emu.faults.clear();
  });

  it('hangs past the client timeout', async () => {
    emu.faults.arm({ path: '/v1/users/me', hang: true });
    await assert.rejects(
      api.raw('GET', '/v1/users/me', { headers: api.headers(), signal: AbortSignal.timeout(300) }),
      (e: Error) => e.name === 'TimeoutError' || e.name === 'AbortError',
    );
    assert.equal((await api.call('GET', '/v1/users/me')).status, 200, 'only one request hangs');
  });

  it('drops the connection mid-body on a send, storing nothing', async () => {
    const id = (await api.createUpload({ filename: 'a.txt' })).json.id;
    emu.faults.arm({ path: `/v1/file_uploads/${id}/send`, dropConnection: true });
    await assert.rejects(api.send(id, bytesOf(2 * 1024 * 1024), { filename: 'a.txt', contentType: 'text/plain' }));
    const r = await api.call('GET', `/v1/file_uploads/${id}`);
    assert.equal(r.json.status, 'pending');
    assert.equal(emu.uploadBytes(id), undefined);
  });

  it('drops the connection mid-response on a bodiless request', async () => {
    emu.faults.arm({ path: '/v1/users/me', dropConnection: true });
    await assert.rejects(api.call('GET', '/v1/users/me'));
  });

  it('drops a file download halfway through', async () => {
    const up = await api.uploadSingle('pic.png', 'image/png', bytesOf(256 * 1024));
    const page = emu.seed.page({ title: 'P' }).id;
    const url: string = (await api.call('PATCH', `/v1/pages/${page}`, { cover: { type: 'file_upload', file_upload: { id: up.id } } })).json.cover.file.url;
    emu.faults.arm({ path: new URL(url).pathname, dropConnection: true });
    await assert.rejects(async () => {
      const res = await fetch(url);
      await res.arrayBuffer();
    });
    const ok = await fetch(url);
    assert.equal((await ok.arrayBuffer()).byteLength, 256 * 1024);
  });

  it('refuses an arm with nothing to do', () => {
    assert.throws(() => emu.faults.arm({ path: '/v1/users/me' }), /status, hang/);
    assert.throws(() => emu.faults.arm({ path: '/v1/users/me', status: 500, count: 0 }), /positive integer/);
  });
});
