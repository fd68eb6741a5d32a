// Single-part sends: multipart rules, content type and filename agreement, sizes, pending-only,
// scoping, expiry, stored bytes.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, MIB, TestApi } from '../../emulator/testClient';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('emulator: single-part sends', () => {
  let emu: Emulator;
  let api: TestApi;
  before(async () => {
    emu = await startEmulator({
      rateLimit: { enabled: false },
      tokens: { ntn_other: {}, ntn_tiny: { maxFileUploadSizeBytes: 1000 } },
    });
    api = new TestApi(emu.url);
  });
  after(() => emu.close());

  const create = async (body: Record<string, unknown>, a = api) => {
    const r = await a.createUpload(body);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    return r.json.id as string;
  };
  const refusal = (r: { status: number; json: { code: string; message: string } }, pattern: RegExp, code = 'validation_error') => {
    assert.equal(r.status, 400, JSON.stringify(r.json));
    assert.equal(r.json.code, code);
    assert.match(r.json.message, pattern);
  };

  it('stores the bytes, reports content_length and drops upload_url once uploaded', async () => {
    const bytes = bytesOf(12345, 7);
    const id = await create({ filename: 'pic.png', content_type: 'image/png' });
    const r = await api.send(id, bytes, { filename: 'pic.png', contentType: 'image/png' });
    assert.equal(r.status, 200);
    assert.equal(r.json.status, 'uploaded');
    assert.equal(r.json.content_length, 12345);
    assert.equal(r.json.upload_url, undefined);
    assert.equal(emu.uploadSha256(id), sha(bytes));
    assert.deepEqual(emu.uploadBytes(id), bytes);
  });

  it('takes filename and content type from the part when the upload was created without them', async () => {
    const id = await create({});
    const r = await api.send(id, bytesOf(10), { filename: 'doc.pdf', contentType: 'application/pdf' });
    assert.equal(r.status, 200);
    assert.equal(r.json.filename, 'doc.pdf');
    assert.equal(r.json.content_type, 'application/pdf');
    const bad = await create({});
    refusal(await api.send(bad, bytesOf(10), { filename: 'notes.md', contentType: 'text/markdown' }), /not supported/);
  });

  it('docRules: refuses a part whose content type disagrees with the upload', async () => {
    emu.setDocRules(true);
    try {
      const id = await create({ filename: 'pic.png', content_type: 'image/png' });
      refusal(await api.send(id, bytesOf(10), { filename: 'pic.png', contentType: 'image/jpeg' }), /content type `image\/jpeg` does not match/);
      refusal(await api.send(id, bytesOf(10), { filename: 'pic.png', contentType: 'application/octet-stream' }), /does not match/);
      const still = await api.call('GET', `/v1/file_uploads/${id}`);
      assert.equal(still.json.status, 'pending', 'a refused send leaves the upload pending');
      assert.equal(emu.uploadBytes(id), undefined);
    } finally {
      emu.setDocRules(false);
    }
  });

  it('docRules: refuses a part whose filename extension disagrees with the upload', async () => {
    emu.setDocRules(true);
    try {
      const id = await create({ filename: 'pic.png', content_type: 'image/png' });
      refusal(await api.send(id, bytesOf(10), { filename: 'pic.jpg', contentType: 'image/png' }), /filename `pic.jpg` does not match/);
      refusal(await api.send(id, bytesOf(10), { filename: 'blob', contentType: 'image/png' }), /does not match/);
    } finally {
      emu.setDocRules(false);
    }
  });

  it('as recorded: takes a part named without extension, sent as octet-stream, and keeps the upload\'s name and type', async () => {
    const id = await create({ filename: 'pic.png', content_type: 'image/png' });
    const r = await api.send(id, bytesOf(10), { filename: 'split20250622-98904-sy5cs0', contentType: 'application/octet-stream' });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.deepEqual([r.json.status, r.json.filename, r.json.content_type], ['uploaded', 'pic.png', 'image/png']);
    const logged = emu.requests.at(-1)!.send!;
    assert.deepEqual(logged, { filename: 'split20250622-98904-sy5cs0', contentType: 'application/octet-stream', sizeBytes: 10, partNumber: null });
  });

  it('as recorded: an upload created with {} takes its name and type from the part', async () => {
    const id = await create({});
    const r = await api.send(id, bytesOf(15), { filename: 'shot.png', contentType: 'image/png' });
    assert.deepEqual([r.json.filename, r.json.content_type, r.json.content_length], ['shot.png', 'image/png', 15]);
  });

  it('refuses a bare multipart/form-data Content-Type without boundary, and non-multipart bodies', async () => {
    const id = await create({ filename: 'a.txt' });
    const bare = await api.raw('POST', `/v1/file_uploads/${id}/send`, { body: 'x', headers: api.headers({ 'content-type': 'multipart/form-data' }) });
    refusal(bare, /boundary/, 'invalid_request');
    const json = await api.raw('POST', `/v1/file_uploads/${id}/send`, { body: '{}', headers: api.headers({ 'content-type': 'application/json' }) });
    refusal(json, /multipart\/form-data/, 'invalid_request');
  });

  it('refuses malformed multipart bodies and forms without a file field', async () => {
    const id = await create({ filename: 'a.txt' });
    const truncated = await api.raw('POST', `/v1/file_uploads/${id}/send`, {
      body: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello',
      headers: api.headers({ 'content-type': 'multipart/form-data; boundary=XYZ' }),
    });
    refusal(truncated, /closing boundary/, 'invalid_request');
    const form = new FormData();
    form.append('part_number', '1');
    refusal(await api.raw('POST', `/v1/file_uploads/${id}/send`, { body: form, headers: api.headers() }), /part_number is only accepted|no `file` field/);
    const other = new FormData();
    other.append('attachment', new Blob(['x'], { type: 'text/plain' }), 'a.txt');
    refusal(await api.raw('POST', `/v1/file_uploads/${id}/send`, { body: other, headers: api.headers() }), /Unexpected form field `attachment`/);
  });

  it('refuses part_number on single_part sends', async () => {
    const id = await create({ filename: 'a.txt' });
    refusal(await api.send(id, bytesOf(10), { filename: 'a.txt', contentType: 'text/plain', partNumber: 1 }), /only accepted for multi_part/);
  });

  it('refuses empty files', async () => {
    const id = await create({ filename: 'a.txt' });
    refusal(await api.send(id, new Uint8Array(0), { filename: 'a.txt', contentType: 'text/plain' }), /empty/);
  });

  it('refuses single-part files over 20 MiB, naming the size', async () => {
    const id = await create({ filename: 'big.pdf' });
    const r = await api.send(id, bytesOf(20 * MIB + 1), { filename: 'big.pdf', contentType: 'application/pdf' });
    refusal(r, new RegExp(`File size of ${20 * MIB + 1} bytes exceeds the single_part limit`));
    assert.equal((await api.call('GET', `/v1/file_uploads/${id}`)).json.status, 'pending');
  });

  it('accepts exactly 20 MiB in one part', async () => {
    const bytes = bytesOf(20 * MIB, 3);
    const id = await create({ filename: 'edge.pdf' });
    const r = await api.send(id, bytes, { filename: 'edge.pdf', contentType: 'application/pdf' });
    assert.equal(r.status, 200);
    assert.equal(emu.uploadSha256(id), sha(bytes));
  });

  it("refuses files over the bot's workspace limit with Notion's message", async () => {
    const tiny = api.as('ntn_tiny');
    const id = await create({ filename: 'a.txt' }, tiny);
    refusal(await tiny.send(id, bytesOf(1001), { filename: 'a.txt', contentType: 'text/plain' }), /^File size of 1001 bytes exceeds the limit of 1000\.$/);
    assert.equal((await tiny.send(id, bytesOf(1000), { filename: 'a.txt', contentType: 'text/plain' })).status, 200);
  });

  it('accepts sends only while pending', async () => {
    const id = await create({ filename: 'a.txt' });
    assert.equal((await api.send(id, bytesOf(5), { filename: 'a.txt', contentType: 'text/plain' })).status, 200);
    refusal(await api.send(id, bytesOf(5), { filename: 'a.txt', contentType: 'text/plain' }), /is not in the pending status/);
  });

  it('refuses sends to an expired upload (one hour of emulator time after creation)', async () => {
    const id = await create({ filename: 'a.txt' });
    emu.clock.advance(60 * 60 * 1000);
    const got = await api.call('GET', `/v1/file_uploads/${id}`);
    assert.equal(got.json.status, 'expired');
    assert.equal(got.json.upload_url, undefined);
    refusal(await api.send(id, bytesOf(5), { filename: 'a.txt', contentType: 'text/plain' }), /is not in the pending status/);
  });

  it('scopes uploads to the token that created them (404 for others)', async () => {
    const id = await create({ filename: 'a.txt' });
    const other = api.as('ntn_other');
    for (const r of [await other.call('GET', `/v1/file_uploads/${id}`), await other.send(id, bytesOf(5), { filename: 'a.txt', contentType: 'text/plain' })]) {
      assert.equal(r.status, 404);
      assert.equal(r.json.code, 'object_not_found');
      assert.equal(r.json.message, `Could not find file_upload with ID: ${id}.`);
    }
    assert.equal((await api.call('GET', `/v1/file_uploads/${id.replace(/-/g, '')}`)).json.id, id);
  });

  it('refuses sends to external_url uploads', async () => {
    emu.setAllowHttpImports(true);
    const id = await create({ mode: 'external_url', filename: 'a.png', external_url: 'http://127.0.0.1:9/a.png' });
    emu.setAllowHttpImports(false);
    refusal(await api.send(id, bytesOf(5), { filename: 'a.png', contentType: 'image/png' }), /does not accept sends/);
  });

  it('parses filenames with quotes and non-ASCII characters from the part', async () => {
    const name = 'Café "draft" №1.txt';
    const id = await create({});
    const r = await api.send(id, bytesOf(5), { filename: name, contentType: 'text/plain' });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.filename, name);
  });
});
