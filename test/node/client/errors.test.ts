// Every error class: what the client throws for each kind of Notion answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NotionClient } from '../../../src/core/notion/client';
import { closeAllPools } from '../../../src/core/notion/dispatcher';
import { humanMessage, NotionError, parseRetryAfter } from '../../../src/core/notion/errors';
import { startEmulator, type Emulator } from '../../emulator/index';

const TOKEN = 'ntn_client_errors_token';
const OTHER = 'ntn_client_errors_other_token';
let emu: Emulator;

before(async () => {
  emu = await startEmulator({ rateLimit: { enabled: false } });
  emu.addToken(TOKEN);
  emu.addToken(OTHER);
});
after(async () => {
  await emu.close();
  await closeAllPools();
});

const client = (token = TOKEN) => new NotionClient({ token, baseUrl: emu.url, limiter: false, retry: { maxAttempts: 1 } });

async function caught(p: Promise<unknown>): Promise<NotionError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof NotionError, `expected a NotionError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the request to fail');
}

describe('HTTP errors', () => {
  it('401 unauthorized tells the user to check the token', async () => {
    const e = await caught(client('ntn_not_a_known_token').getBotUser());
    assert.equal(e.status, 401);
    assert.equal(e.code, 'unauthorized');
    assert.match(e.message, /Check the token/);
    assert.equal(e.method, 'GET');
    assert.equal(e.path, '/v1/users/me');
    assert.ok(e.requestId, 'carries the request id');
    assert.equal(e.requestId, emu.requests.at(-1)?.requestId);
  });

  it('404 object_not_found for a missing page tells the user to share the page (••• → Connections)', async () => {
    const e = await caught(client().getPage('1f2e3d4c-5b6a-7988-1f2e-3d4c5b6a7988'));
    assert.equal(e.status, 404);
    assert.equal(e.code, 'object_not_found');
    assert.match(e.message, /share it with the integration/);
    assert.match(e.message, /••• → Connections/);
    assert.ok(e.notionMessage.length > 0);
    assert.ok(e.message.includes(e.notionMessage), 'keeps Notion\'s own text');
  });

  it('404 for a page that exists but is not shared with this integration', async () => {
    const { id } = emu.seed.page({ title: 'Private', sharedWith: [OTHER] });
    await client(OTHER).getPage(id);
    const e = await caught(client(TOKEN).getPage(id));
    assert.equal(e.code, 'object_not_found');
    assert.match(e.message, /Connections/);
  });

  it('404 for another integration\'s upload', async () => {
    const up = await client(OTHER).createFileUpload({ mode: 'single_part', filename: 'a.png', contentType: 'image/png' });
    const e = await caught(client(TOKEN).getFileUpload(up.id));
    assert.equal(e.code, 'object_not_found');
  });

  it('400 validation_error carries Notion\'s own text', async () => {
    const e = await caught(client().createFileUpload({ mode: 'single_part', filename: 'notes.md' }));
    assert.equal(e.status, 400);
    assert.equal(e.code, 'validation_error');
    assert.match(e.notionMessage, /extension/);
    assert.equal(e.message, `Notion rejected the request: ${e.notionMessage}`);
  });

  it('400 missing_version', async () => {
    emu.faults.arm({ path: '/v1/users/me', status: 400, code: 'missing_version', message: 'Notion-Version header should be defined' });
    const e = await caught(client().getBotUser());
    assert.equal(e.code, 'missing_version');
    assert.match(e.message, /Notion-Version/);
  });

  it('403 restricted_resource names the capabilities', async () => {
    emu.faults.arm({ path: '/v1/users/me', status: 403, code: 'restricted_resource', message: 'Insufficient permissions' });
    const e = await caught(client().getBotUser());
    assert.equal(e.status, 403);
    assert.match(e.message, /capabilities/);
  });

  it('429 after the attempts run out keeps Retry-After in seconds', async () => {
    emu.faults.arm({ path: '/v1/users/me', status: 429, code: 'rate_limited', retryAfterSeconds: 7, message: 'slow down' });
    const e = await caught(client().getBotUser());
    assert.equal(e.status, 429);
    assert.equal(e.retryAfterSeconds, 7);
    assert.match(e.message, /rate limit/);
  });

  it('a 5xx says Notion is having trouble', async () => {
    emu.faults.arm({ path: '/v1/users/me', status: 503, code: 'service_unavailable', message: 'down' });
    const e = await caught(client().getBotUser());
    assert.equal(e.status, 503);
    assert.match(e.message, /Notion is having trouble \(503 service_unavailable\)/);
  });
});

describe('error helpers', () => {
  it('every documented code has its own message; unknown codes fall back to status and text', () => {
    const codes = [
      'invalid_json', 'invalid_request_url', 'invalid_request', 'validation_error', 'missing_version', 'unauthorized',
      'restricted_resource', 'object_not_found', 'conflict_error', 'rate_limited', 'internal_server_error', 'bad_gateway',
      'service_unavailable', 'database_connection_unavailable', 'gateway_timeout', 'service_overload',
    ];
    const fallback = (code: string) => `Notion answered HTTP 418 ${code}. Notion said: text`;
    for (const code of codes) assert.notEqual(humanMessage(418, code, 'text'), fallback(code), code);
    assert.equal(humanMessage(418, 'teapot', 'text'), fallback('teapot'));
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('1'), 1);
    assert.equal(parseRetryAfter(['2']), 2);
    assert.equal(parseRetryAfter(undefined), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    const now = Date.parse('2026-11-22T00:00:00Z');
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 00:00:30 GMT', now), 30);
  });
});
