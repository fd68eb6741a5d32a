// external_url imports: HEAD then GET, asynchronous completion, failures recorded in
// file_import_result.error (unreachable, too large, no content type), http only when allowed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, TestApi } from '../../emulator/testClient';

describe('emulator: external URL imports', () => {
  let emu: Emulator;
  let api: TestApi;
  let origin: string;
  let server: http.Server;
  const hits: string[] = [];
  const png = bytesOf(4096, 21);

  before(async () => {
    server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      if (req.url === '/pic.png') {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
        return res.end(req.method === 'HEAD' ? undefined : png);
      }
      if (req.url === '/untyped.png') {
        // Node adds no content-type unless told; make sure none is sent.
        res.writeHead(200, { 'content-length': png.length });
        return res.end(req.method === 'HEAD' ? undefined : png);
      }
      if (req.url === '/wrongtype.png') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': 5 });
        return res.end(req.method === 'HEAD' ? undefined : 'hello');
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    emu = await startEmulator({ rateLimit: { enabled: false }, allowHttpImports: true, tokens: { ntn_small: { maxFileUploadSizeBytes: 1000 } } });
    api = new TestApi(emu.url);
  });
  after(async () => {
    await emu.close();
    await new Promise((r) => server.close(r));
  });

  const importFrom = async (path: string, filename: string, a = api) => {
    const r = await a.createUpload({ mode: 'external_url', filename, external_url: `${origin}${path}` });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.status, 'pending');
    assert.equal(r.json.upload_url, undefined, 'imports take no sends');
    await emu.importsIdle();
    return (await a.call('GET', `/v1/file_uploads/${r.json.id}`)).json;
  };

  it('HEADs then GETs the URL and ends uploaded with the bytes', async () => {
    hits.length = 0;
    const u = await importFrom('/pic.png', 'pic.png');
    assert.deepEqual(hits, ['HEAD /pic.png', 'GET /pic.png']);
    assert.equal(u.status, 'uploaded');
    assert.equal(u.content_length, png.length);
    assert.equal(u.file_import_result.type, 'success');
    assert.equal(emu.uploadSha256(u.id), createHash('sha256').update(png).digest('hex'));
  });

  it('fails when the URL is unreachable or answers an error', async () => {
    const missing = await importFrom('/nothing.png', 'nothing.png');
    assert.equal(missing.status, 'failed');
    assert.equal(missing.file_import_result.type, 'error');
    assert.equal(missing.file_import_result.error.status_code, 404);
    const r = await api.createUpload({ mode: 'external_url', filename: 'x.png', external_url: 'http://127.0.0.1:1/x.png' });
    await emu.importsIdle();
    const down = (await api.call('GET', `/v1/file_uploads/${r.json.id}`)).json;
    assert.equal(down.status, 'failed');
    assert.equal(down.file_import_result.error.type, 'download_error');
  });

  it('fails without a Content-Type or with one that disagrees with the filename', async () => {
    for (const path of ['/untyped.png', '/wrongtype.png']) {
      const u = await importFrom(path, 'pic.png');
      assert.equal(u.status, 'failed', path);
      assert.equal(u.file_import_result.error.code, 'file_upload_invalid_content_type');
    }
  });

  it('fails when the file exceeds the workspace limit, before downloading it', async () => {
    hits.length = 0;
    const u = await importFrom('/pic.png', 'pic.png', api.as('ntn_small'));
    assert.equal(u.status, 'failed');
    assert.equal(u.file_import_result.error.code, 'file_upload_invalid_size');
    assert.deepEqual(hits, ['HEAD /pic.png']);
  });

  it('failed imports cannot be attached', async () => {
    const u = await importFrom('/untyped.png', 'pic.png');
    const page = emu.seed.page({ title: 'P' }).id;
    const r = await api.call('PATCH', `/v1/pages/${page}`, { cover: { type: 'file_upload', file_upload: { id: u.id } } });
    assert.equal(r.status, 400);
    assert.match(r.json.message, /status failed/);
  });

  it('refuses plain http imports unless allowed', async () => {
    emu.setAllowHttpImports(false);
    try {
      const r = await api.createUpload({ mode: 'external_url', filename: 'pic.png', external_url: `${origin}/pic.png` });
      assert.equal(r.status, 400);
      assert.match(r.json.message, /https/);
    } finally {
      emu.setAllowHttpImports(true);
    }
  });
});
