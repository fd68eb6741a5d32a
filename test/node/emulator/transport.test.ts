// Transport rules: auth, Notion-Version, envelopes, request ids, JSON bodies, routes, ids.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_TOKEN, startEmulator, type Emulator } from '../../emulator/index';
import { TestApi } from '../../emulator/testClient';

describe('emulator transport', () => {
  let emu: Emulator;
  let api: TestApi;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false }, tokens: { ntn_second: { name: 'Second', workspaceName: 'Other WS', maxFileUploadSizeBytes: 5242880 } } });
    api = new TestApi(emu.url);
  });
  after(() => emu.close());

  it('GET /v1/users/me returns the bot with its workspace limit', async () => {
    const r = await api.call('GET', '/v1/users/me');
    assert.equal(r.status, 200);
    assert.equal(r.json.object, 'user');
    assert.equal(r.json.type, 'bot');
    assert.equal(r.json.bot.workspace_limits.max_file_upload_size_in_bytes, 5 * 1024 ** 3);
    const second = await api.as('ntn_second').call('GET', '/v1/users/me');
    assert.equal(second.json.name, 'Second');
    assert.equal(second.json.bot.workspace_name, 'Other WS');
    assert.equal(second.json.bot.workspace_limits.max_file_upload_size_in_bytes, 5242880);
    assert.notEqual(second.json.id, r.json.id);
  });

  it('refuses unknown, missing and malformed tokens with 401 unauthorized', async () => {
    for (const auth of ['Bearer ntn_unknown', '', `Basic ${DEFAULT_TOKEN}`, `Bearer`]) {
      const r = await api.raw('GET', '/v1/users/me', { headers: { authorization: auth, 'notion-version': '2025-09-03' } });
      assert.equal(r.status, 401, auth);
      assert.deepEqual(
        { object: r.json.object, status: r.json.status, code: r.json.code, message: r.json.message },
        { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.' },
      );
    }
  });

  it('tokens added later are accepted', async () => {
    assert.equal((await api.as('secret_late').call('GET', '/v1/users/me')).status, 401);
    const { botId } = emu.addToken('secret_late', { name: 'Late' });
    const r = await api.as('secret_late').call('GET', '/v1/users/me');
    assert.equal(r.status, 200);
    assert.equal(r.json.id, botId);
  });

  it('requires Notion-Version (400 missing_version) and accepts only the three versions', async () => {
    const missing = await api.raw('GET', '/v1/users/me', { headers: { authorization: `Bearer ${DEFAULT_TOKEN}` } });
    assert.equal(missing.status, 400);
    assert.equal(missing.json.code, 'missing_version');
    const bad = await api.withVersion('2021-05-13').call('GET', '/v1/users/me');
    assert.equal(bad.status, 400);
    assert.equal(bad.json.code, 'validation_error');
    assert.match(bad.json.message, /2021-05-13/);
    for (const v of ['2022-06-28', '2025-09-03', '2026-03-11']) {
      assert.equal((await api.withVersion(v).call('GET', '/v1/users/me')).status, 200, v);
    }
  });

  it('puts the same request_id in the body and the x-notion-request-id header, on success and error', async () => {
    const ok = await api.call('GET', '/v1/users/me');
    const err = await api.as('nope').call('GET', '/v1/users/me');
    for (const r of [ok, err]) {
      assert.match(r.json.request_id, /^[0-9a-f-]{36}$/);
      assert.equal(r.headers.get('x-notion-request-id'), r.json.request_id);
    }
    assert.notEqual(ok.json.request_id, err.json.request_id);
  });

  it('refuses unparsable JSON (400 invalid_json) and non-JSON content types', async () => {
    const broken = await api.raw('POST', '/v1/file_uploads', { body: '{"mode":', headers: api.headers({ 'content-type': 'application/json' }) });
    assert.equal(broken.status, 400);
    assert.equal(broken.json.code, 'invalid_json');
    const form = await api.raw('POST', '/v1/file_uploads', { body: 'mode=single_part', headers: api.headers({ 'content-type': 'application/x-www-form-urlencoded' }) });
    assert.equal(form.status, 400);
    assert.equal(form.json.code, 'invalid_request');
  });

  it('answers unknown routes and methods with 400 invalid_request_url', async () => {
    for (const [m, p] of [['GET', '/v1/nothing'], ['DELETE', '/v1/users/me'], ['PUT', '/v1/file_uploads']]) {
      const r = await api.call(m, p);
      assert.equal(r.status, 400, `${m} ${p}`);
      assert.equal(r.json.code, 'invalid_request_url');
    }
  });

  it('accepts ids with or without dashes, returns them dashed, refuses non-ids', async () => {
    const page = emu.seed.page({ title: 'Dash test' });
    const undashed = page.id.replace(/-/g, '').toUpperCase();
    const r = await api.call('GET', `/v1/pages/${undashed}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.id, page.id);
    const bad = await api.call('GET', '/v1/pages/not-an-id');
    assert.equal(bad.status, 400);
    assert.equal(bad.json.code, 'validation_error');
  });

  it('logs every request with status, code and request id', async () => {
    const before = emu.requests.length;
    const r = await api.as('nope').call('GET', '/v1/users/me');
    const entry = emu.requests[before];
    assert.equal(emu.requests.length, before + 1);
    assert.deepEqual(
      { method: entry.method, path: entry.path, status: entry.status, code: entry.code, requestId: entry.requestId },
      { method: 'GET', path: '/v1/users/me', status: 401, code: 'unauthorized', requestId: r.json.request_id },
    );
    assert.ok(entry.durationMs >= 0);
  });

  it('records the version and bot of each request, never the token', async () => {
    const me = await api.call('GET', '/v1/users/me');
    const entry = emu.requests.at(-1)!;
    assert.equal(entry.version, '2025-09-03');
    assert.equal(entry.botId, me.json.id);
    assert.doesNotMatch(JSON.stringify(emu.requests), /secret_emulator_default_token/);
  });

  it('adds the configured latency to every response', async () => {
    emu.setLatency(150);
    try {
      const t0 = performance.now();
      assert.equal((await api.call('GET', '/v1/users/me')).status, 200);
      assert.ok(performance.now() - t0 >= 140, 'latency is a lower bound');
    } finally {
      emu.setLatency(0);
    }
  });

  it('can put upload_url and complete_url on another origin (uploadUrlBase)', async () => {
    const foreign = await startEmulator({ rateLimit: { enabled: false }, uploadUrlBase: 'https://api.notion.com' });
    try {
      const r = await new TestApi(foreign.url).createUpload({ filename: 'a.png' });
      assert.equal(r.json.upload_url, `https://api.notion.com/v1/file_uploads/${r.json.id}/send`);
    } finally {
      await foreign.close();
    }
  });

  it('never echoes the token in responses', async () => {
    const r = await api.as('secret_leak_check_123').call('GET', '/v1/users/me');
    assert.doesNotMatch(JSON.stringify(r.json), /secret_leak_check_123/);
  });
});
