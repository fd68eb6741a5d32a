// importFromUrl: Notion (the emulator) downloads the file itself; we wait for the outcome.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, createHash } from 'node:crypto';
import { openEnv, type Env } from './helpers';
import { ImportFailedError, UploadValidationError } from '../../../src/core/upload/errors';

let env: Env;
let server: Server;
let base: string;
const body = randomBytes(64_000);
const sha = createHash('sha256').update(body).digest('hex');

before(async () => {
  env = await openEnv({ emulator: { allowHttpImports: true }, service: { importPoll: { initialDelayMs: 20, maxDelayMs: 100 } } });
  server = createServer((req, res) => {
    if (req.url === '/pic.png') {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.close();
  await env.close();
});

test('imports a URL: waits for uploaded; the stored bytes are the served bytes; recorded', async () => {
  const up = await env.service.importFromUrl(`${base}/pic.png`);
  assert.equal(up.status, 'uploaded');
  assert.equal(env.emu.uploadSha256(up.id), sha);
  const rec = env.history.findByUploadId(up.id)!;
  assert.equal(rec.mode, 'external_url');
  assert.equal(rec.state, 'pending');
  assert.equal(rec.source, `${base}/pic.png`);
  const page = env.emu.seed.page({ title: 'Imported' }).id;
  await env.service.attach(up.id, { pageId: page, as: 'cover' });
  assert.equal(env.history.get(rec.key)!.state, 'attached');
});

test("a failed import rejects with Notion's file_import_result.error text", async () => {
  await assert.rejects(env.service.importFromUrl(`${base}/missing.png`), (e: unknown) => {
    assert.ok(e instanceof ImportFailedError);
    assert.match(e.message, /answered HTTP 404/);
    assert.equal(e.code, 'file_import_bad_status');
    return true;
  });
  const rec = env.history.findBySource(`${base}/missing.png`)[0];
  assert.equal(rec.state, 'failed');
  assert.match(rec.error!, /HTTP 404/);
});

test('bad URLs and unsupported names are refused before any request', async () => {
  const before = env.emu.requests.length;
  await assert.rejects(env.service.importFromUrl('ftp://example.com/a.png'), (e: unknown) => e instanceof UploadValidationError && e.rule === 'invalid-url');
  await assert.rejects(env.service.importFromUrl('not a url'), /is not a URL/);
  await assert.rejects(
    env.service.importFromUrl('https://example.com/readme.md'),
    (e: unknown) => e instanceof UploadValidationError && e.rule === 'unsupported-extension' && e.message.startsWith('https://example.com/readme.md: .md'),
  );
  assert.equal(env.emu.requests.length, before);
});
