// Safety rules: the token goes only to the API origin, server-given URLs on other origins are
// not followed, and tokens never show up in errors or logs.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { NotionClient } from '../../../src/core/notion/client';
import { closeAllPools } from '../../../src/core/notion/dispatcher';
import { NotionError } from '../../../src/core/notion/errors';
import { isOnApiOrigin, normaliseBaseUrl, uploadActionPath } from '../../../src/core/notion/origin';
import { redactSecrets } from '../../../src/core/notion/redact';
import type { RequestLogEntry } from '../../../src/core/notion/transport';
import { startEmulator, type Emulator } from '../../emulator/index';

const TOKEN = 'ntn_safety_token_5f0c2b9e';
const PLAIN_TOKEN = 'plainTokenWithoutPrefix_7d1e';
let emu: Emulator;
/** A second origin that must never be contacted: counts what reaches it. */
let foreign: { server: Server; url: string; hits: Array<{ path: string; auth?: string }> };
/** Sits in front of the emulator and rewrites the upload/complete URLs it returns. */
let proxy: { server: Server; url: string; seen: Array<{ method: string; path: string; headers: IncomingHttpHeaders }> };
let rewriteTo: (id: string, action: 'send' | 'complete') => string | undefined = () => undefined;

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

function startProxy(target: string) {
  const seen: Array<{ method: string; path: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method!, path: req.url!, headers: req.headers });
    const up = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (upRes) => {
      const chunks: Buffer[] = [];
      upRes.on('data', (c: Buffer) => chunks.push(c));
      upRes.on('end', () => {
        let body = Buffer.concat(chunks);
        const json = /json/.test(String(upRes.headers['content-type'])) ? JSON.parse(body.toString('utf8')) : undefined;
        if (json?.object === 'file_upload') {
          for (const [field, action] of [['upload_url', 'send'], ['complete_url', 'complete']] as const) {
            const to = rewriteTo(json.id, action);
            if (to && json.status === 'pending') json[field] = to;
          }
          body = Buffer.from(JSON.stringify(json));
        }
        const headers = { ...upRes.headers, 'content-length': String(body.length) };
        res.writeHead(upRes.statusCode!, headers).end(body);
      });
    });
    req.pipe(up);
  });
  return { server, seen };
}

before(async () => {
  emu = await startEmulator({ rateLimit: { enabled: false } });
  emu.addToken(TOKEN);
  emu.addToken(PLAIN_TOKEN);
  const hits: Array<{ path: string; auth?: string }> = [];
  const fServer = createServer((req, res) => {
    hits.push({ path: req.url!, auth: req.headers.authorization });
    res.writeHead(500).end();
  });
  foreign = { server: fServer, url: await listen(fServer), hits };
  const p = startProxy(emu.url);
  proxy = { ...p, url: await listen(p.server) };
});
after(async () => {
  await emu.close();
  await closeAllPools();
  proxy.server.close();
  foreign.server.close();
});

describe('origin rule', () => {
  it('a server-returned upload_url/complete_url on another origin is not used: the request is built from the id', async () => {
    rewriteTo = (id, action) => `${foreign.url}/v1/file_uploads/${id}/${action}`;
    const c = new NotionClient({ token: TOKEN, baseUrl: proxy.url, limiter: false });
    const single = await c.createFileUpload({ mode: 'single_part', filename: 'a.png', contentType: 'image/png' });
    assert.ok(single.upload_url?.startsWith(foreign.url), 'the proxy handed out a foreign upload_url');
    const sent = await c.sendFileUpload(single.id, { data: new Blob([randomBytes(100)]), filename: 'a.png', contentType: 'image/png' });
    assert.equal(sent.status, 'uploaded');

    const multi = await c.createFileUpload({ mode: 'multi_part', filename: 'b.pdf', contentType: 'application/pdf', numberOfParts: 1 });
    const part = await c.sendFileUpload(multi.id, { data: new Blob([randomBytes(100)]), filename: 'b.pdf', contentType: 'application/pdf', partNumber: 1 });
    assert.ok(part.complete_url?.startsWith(foreign.url), 'the proxy handed out a foreign complete_url');
    assert.equal((await c.completeFileUpload(multi.id)).status, 'uploaded');

    assert.deepEqual(foreign.hits, [], 'the foreign origin received nothing (and so no token)');
    assert.ok(proxy.seen.some((r) => r.path === `/v1/file_uploads/${single.id}/send`));
    assert.ok(proxy.seen.some((r) => r.path === `/v1/file_uploads/${multi.id}/complete`));
  });

  it('a server-returned upload_url on the API origin is followed', async () => {
    rewriteTo = (id, action) => `${proxy.url}/v1/file_uploads/${id}/${action}?from=server`;
    const c = new NotionClient({ token: TOKEN, baseUrl: proxy.url, limiter: false });
    const up = await c.createFileUpload({ mode: 'single_part', filename: 'a.png', contentType: 'image/png' });
    await c.sendFileUpload(up.id, { data: new Blob([randomBytes(100)]), filename: 'a.png', contentType: 'image/png' });
    assert.ok(proxy.seen.some((r) => r.path === `/v1/file_uploads/${up.id}/send?from=server`));
  });

  it('every request carries the bearer token, the version and a user agent naming the extension', async () => {
    rewriteTo = () => undefined;
    proxy.seen.length = 0;
    await new NotionClient({ token: TOKEN, baseUrl: proxy.url, limiter: false, notionVersion: '2026-03-11' }).getBotUser();
    const h = proxy.seen[0].headers;
    assert.equal(h.authorization, `Bearer ${TOKEN}`);
    assert.equal(h['notion-version'], '2026-03-11');
    assert.match(String(h['user-agent']), /^notion-assets\/\S+ /);
    assert.equal(h.connection, 'keep-alive');
  });

  it('a redirect to another origin is not followed', async () => {
    const redirector = createServer((req, res) => res.writeHead(307, { location: `${foreign.url}${req.url}` }).end());
    const url = await listen(redirector);
    try {
      const e = await new NotionClient({ token: TOKEN, baseUrl: url, limiter: false }).getBotUser().catch((x: unknown) => x);
      assert.ok(e instanceof NotionError);
      assert.equal(e.status, 307);
      assert.deepEqual(foreign.hits, []);
    } finally {
      redirector.close();
    }
  });

  it('decides from the URL\'s origin, never from how it looks', () => {
    const base = 'https://api.notion.com';
    const id = '1f2e3d4c-5b6a-7988-1f2e-3d4c5b6a7988';
    const built = `/v1/file_uploads/${id}/send`;
    assert.equal(uploadActionPath(`https://api.notion.com/v1/file_uploads/${id}/send`, base, id, 'send'), built);
    assert.equal(uploadActionPath(`https://api.notion.com/v2/uploads/x?sig=1`, base, id, 'send'), '/v2/uploads/x?sig=1');
    for (const foreignUrl of [
      `https://evil.example/v1/file_uploads/${id}/send`,
      `http://api.notion.com/v1/file_uploads/${id}/send`,
      `https://api.notion.com:8443/v1/file_uploads/${id}/send`,
      `https://api.notion.com.evil.example/v1/file_uploads/${id}/send`,
      `https://api.notion.com@evil.example/v1/file_uploads/${id}/send`,
      `https://user:pw@api.notion.com/v1/file_uploads/${id}/send`,
      `//evil.example/v1/file_uploads/${id}/send`,
      'not a url',
      undefined,
    ]) {
      assert.equal(uploadActionPath(foreignUrl, base, id, 'send'), built, String(foreignUrl));
    }
    assert.equal(uploadActionPath(undefined, base, id, 'complete'), `/v1/file_uploads/${id}/complete`);
    // A base with a path prefix only admits URLs under that prefix.
    assert.equal(isOnApiOrigin('https://gw.example/notion/v1/x', 'https://gw.example/notion'), true);
    assert.equal(isOnApiOrigin('https://gw.example/other/v1/x', 'https://gw.example/notion'), false);
    assert.equal(isOnApiOrigin('https://gw.example/notionx/v1/x', 'https://gw.example/notion'), false);
  });

  it('the base URL must be https except on loopback, without credentials', () => {
    assert.equal(normaliseBaseUrl('https://api.notion.com/'), 'https://api.notion.com');
    assert.equal(normaliseBaseUrl('http://127.0.0.1:1234'), 'http://127.0.0.1:1234');
    assert.throws(() => normaliseBaseUrl('http://api.notion.com'), /must use https/);
    assert.throws(() => normaliseBaseUrl('https://u:p@api.notion.com'), /credentials/);
    assert.throws(() => normaliseBaseUrl('api.notion.com'), /not a URL/);
  });
});

describe('redaction', () => {
  for (const token of [TOKEN, PLAIN_TOKEN]) {
    it(`errors and log entries never contain the token, even when the server echoes it (${token.startsWith('ntn_') ? 'ntn_ shape' : 'no prefix'})`, async () => {
      const log: RequestLogEntry[] = [];
      const c = new NotionClient({ token, baseUrl: emu.url, limiter: false, retry: { maxAttempts: 2 }, logger: (e) => log.push(e) });
      const echoes = [
        `Invalid token ${token}`,
        `Authorization: Bearer ${token}`,
        `{"authorization":"Bearer ${token}"} and secret_abcdef123456 and ntn_9876543210abc`,
      ];
      for (const message of echoes) {
        emu.faults.arm({ method: 'GET', path: '/v1/users/me', status: 400, code: 'validation_error', message });
        const e = await c.getBotUser().catch((x: unknown) => x);
        assert.ok(e instanceof NotionError);
        for (const text of [e.message, e.notionMessage, e.stack ?? '', inspect(e), JSON.stringify(e)]) {
          assert.ok(!text.includes(token), `token leaked: ${text}`);
          assert.ok(!/secret_abcdef|ntn_9876/.test(text), `token-like text leaked: ${text}`);
        }
        assert.match(e.notionMessage, /\[redacted\]/);
      }
      emu.faults.arm({ method: 'GET', path: '/v1/users/me', status: 500, code: 'internal_server_error', message: `oops ${token}`, count: 2 });
      await assert.rejects(c.getBotUser());
      const logged = JSON.stringify(log);
      assert.ok(log.length >= 5);
      assert.ok(!logged.includes(token), logged);
      assert.ok(log.every((l) => !('headers' in l)));
    });
  }

  it('redactSecrets covers token shapes, bearer credentials and authorization headers', () => {
    assert.equal(redactSecrets('use ntn_abc123XYZ_-9 now'), 'use [redacted] now');
    assert.equal(redactSecrets('old secret_AbC123def'), 'old [redacted]');
    assert.equal(redactSecrets('Bearer xyz.abc-1'), 'Bearer [redacted]');
    assert.equal(redactSecrets('authorization: abc'), 'authorization: [redacted]');
    assert.equal(redactSecrets('x plain-secret-value y', ['plain-secret-value']), 'x [redacted] y');
    assert.equal(redactSecrets('a secret_ word and ntn_ alone'), 'a secret_ word and ntn_ alone');
  });
});
