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
      if (req.url === '/presigned.png') {
        // Like an S3 URL presigned for GET: HEAD is refused, ranges are served.
        if (req.method === 'HEAD') return res.writeHead(403).end();
        if (req.headers.range === 'bytes=0-0') {
          res.writeHead(206, { 'content-type': 'image/png', 'content-length': 1, 'content-range': `bytes 0-0/${png.length}` });
          return res.end(png.subarray(0, 1));
        }
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
        return res.end(png);
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
    assert.match(r.json.upload_url, /\/send$/, 'recorded: a pending import carries upload_url');
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

  it('probes a URL that refuses HEAD with a one-byte ranged GET', async () => {
    hits.length = 0;
    const u = await importFrom('/presigned.png', 'pic.png');
    assert.deepEqual(hits, ['HEAD /presigned.png', 'GET /presigned.png', 'GET /presigned.png']);
    assert.equal(u.status, 'uploaded');
    assert.equal(u.content_length, png.length);
  });

  it('imports a file from a signed URL the emulator itself issued', async () => {
    const source = await api.uploadSingle('src.png', 'image/png', png);
    const page = emu.seed.page({ title: 'Source' }).id;
    const url = (await api.call('PATCH', `/v1/pages/${page}`, { cover: { type: 'file_upload', file_upload: { id: source.id } } })).json.cover.file.url;
    const r = await api.createUpload({ mode: 'external_url', filename: 'copy.png', external_url: url });
    await emu.importsIdle();
    const u = (await api.call('GET', `/v1/file_uploads/${r.json.id}`)).json;
    assert.equal(u.status, 'uploaded', JSON.stringify(u.file_import_result));
    assert.equal(emu.uploadSha256(u.id), emu.uploadSha256(source.id));
  });

  it("with importChecksAtCreate, the HEAD check's refusals are a 400 from create (Notion's guide)", async () => {
    emu.setImportChecksAtCreate(true);
    try {
      for (const [path, pattern] of [['/nothing.png', /HTTP 404/], ['/untyped.png', /no Content-Type/], ['/wrongtype.png', /does not match/]] as const) {
        const r = await api.createUpload({ mode: 'external_url', filename: 'pic.png', external_url: `${origin}${path}` });
        assert.equal(r.status, 400, path);
        assert.equal(r.json.code, 'validation_error');
        assert.match(r.json.message, pattern);
      }
      const tooBig = await api.as('ntn_small').createUpload({ mode: 'external_url', filename: 'pic.png', external_url: `${origin}/pic.png` });
      assert.match(tooBig.json.message, /exceeds the limit of 1000/);
      hits.length = 0;
      const ok = await api.createUpload({ mode: 'external_url', filename: 'pic.png', external_url: `${origin}/pic.png` });
      assert.equal(ok.json.status, 'pending');
      await emu.importsIdle();
      assert.deepEqual(hits, ['HEAD /pic.png', 'GET /pic.png'], 'one HEAD at create, then the download');
      assert.equal((await api.call('GET', `/v1/file_uploads/${ok.json.id}`)).json.status, 'uploaded');
    } finally {
      emu.setImportChecksAtCreate(false);
    }
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
