// POST /v1/file_uploads refusals: modes, filename rules, content types, parts, plans, URLs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { TestApi } from '../../emulator/testClient';

describe('emulator: creating file uploads', () => {
  let emu: Emulator;
  let api: TestApi;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false }, tokens: { ntn_free: { maxFileUploadSizeBytes: 5 * 1024 * 1024 } } });
    api = new TestApi(emu.url);
  });
  after(() => emu.close());

  const refused = async (body: Record<string, unknown>, pattern: RegExp, a: TestApi = api) => {
    const r = await a.createUpload(body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.code, 'validation_error');
    assert.match(r.json.message, pattern);
  };

  it('creates a pending single_part upload shaped like FileUploadObjectResponse', async () => {
    const r = await api.createUpload({ filename: 'photo.png', content_type: 'image/png' });
    assert.equal(r.status, 200);
    const u = r.json;
    assert.equal(u.object, 'file_upload');
    assert.equal(u.status, 'pending');
    assert.equal(u.filename, 'photo.png');
    assert.equal(u.content_type, 'image/png');
    assert.equal(u.content_length, null);
    assert.equal(u.upload_url, `${emu.url}/v1/file_uploads/${u.id}/send`);
    assert.equal(u.complete_url, undefined);
    assert.equal(u.number_of_parts, undefined);
    assert.equal(u.archived, false);
    assert.equal(u.in_trash, false, 'recorded: 2025-09-03 uploads carry both');
    assert.equal(Date.parse(u.expiry_time) - Date.parse(u.created_time), 3600_000);
    assert.equal(u.created_by.type, 'bot');
  });

  it('defaults to single_part and infers content_type from the extension', async () => {
    const r = await api.createUpload({ filename: 'notes.pdf' });
    assert.equal(r.status, 200);
    assert.equal(r.json.content_type, 'application/pdf');
  });

  it('on 2026-03-11 shows in_trash and not archived', async () => {
    const r = await api.withVersion('2026-03-11').createUpload({ filename: 'a.png' });
    assert.equal(r.json.in_trash, false);
    assert.equal(r.json.archived, undefined);
  });

  it('refuses unknown modes', () => refused({ mode: 'chunked', filename: 'a.png' }, /mode/));

  it('refuses unsupported extensions, checked before anything is stored', async () => {
    const before = (await api.call('GET', '/v1/file_uploads')).json.results.length;
    for (const name of ['readme.md', 'map.geojson', 'archive.zip', 'script.PS1']) {
      await refused({ filename: name }, /extension that is not supported/);
    }
    assert.equal((await api.call('GET', '/v1/file_uploads')).json.results.length, before);
  });

  it('accepts upper-case supported extensions', async () => {
    assert.equal((await api.createUpload({ filename: 'SHOT.JPG' })).status, 200);
  });

  it('limits filenames to 900 UTF-8 bytes including the extension', async () => {
    const ok = 'é'.repeat(448) + '.png'; // 896 + 4 = 900 bytes
    assert.equal(Buffer.byteLength(ok), 900);
    assert.equal((await api.createUpload({ filename: ok })).status, 200);
    await refused({ filename: 'é'.repeat(449) + '.png' }, /900 bytes/); // 902 bytes, 453 characters
  });

  it('refuses a filename without extension unless content_type supplies a supported one', async () => {
    await refused({ filename: 'README' }, /no extension/);
    assert.equal((await api.createUpload({ filename: 'scan', content_type: 'application/pdf' })).status, 200);
  });

  it('docRules: refuses content_type that disagrees with the extension', async () => {
    emu.setDocRules(true);
    try {
      await refused({ filename: 'photo.png', content_type: 'image/jpeg' }, /does not match/);
      await refused({ filename: 'clip.mov', content_type: 'image/png' }, /does not match/);
      await refused({ filename: 'doc.pdf', content_type: 'text/plain' }, /does not match/);
    } finally {
      emu.setDocRules(false);
    }
  });

  it('as recorded: accepts a supported content_type that disagrees with the extension, verbatim; refuses an unsupported one', async () => {
    for (const [filename, type] of [['photo.jpg', 'image/png'], ['clip.mkv', 'video/mp4'], ['a.txt', 'text/plain; charset=utf-8']]) {
      const r = await api.createUpload({ filename, content_type: type });
      assert.equal(r.status, 200, JSON.stringify(r.json));
      assert.equal(r.json.content_type, type);
    }
    await refused({ filename: 'photo.png', content_type: 'application/x-unknown' }, /not a type supported/);
  });

  it('as recorded: infers application/mp4 for .mp4 without content_type', async () => {
    const r = await api.createUpload({ mode: 'multi_part', filename: 'sample-15s.mp4', number_of_parts: 2 });
    assert.equal(r.json.content_type, 'application/mp4');
    assert.equal(r.json.content_length, null);
    assert.deepEqual(r.json.number_of_parts, { total: 2, sent: 0 });
  });

  it('accepts the documented .mp4 variants and parameters on content types', async () => {
    for (const t of ['video/mp4', 'audio/mp4', 'application/mp4']) {
      const r = await api.createUpload({ filename: 'clip.mp4', content_type: t });
      assert.equal(r.status, 200, t);
      assert.equal(r.json.content_type, t);
    }
    assert.equal((await api.createUpload({ filename: 'a.txt', content_type: 'text/plain; charset=utf-8' })).status, 200);
  });

  it('refuses content_type alone when it is not a supported type', () => refused({ content_type: 'application/zip' }, /not a type supported/));

  it('multi_part needs filename and 1..1000 number_of_parts', async () => {
    await refused({ mode: 'multi_part', number_of_parts: 2 }, /filename should be defined/);
    await refused({ mode: 'multi_part', filename: 'big.mp4' }, /number_of_parts/);
    await refused({ mode: 'multi_part', filename: 'big.mp4', number_of_parts: 0 }, /number_of_parts/);
    await refused({ mode: 'multi_part', filename: 'big.mp4', number_of_parts: 1001 }, /number_of_parts/);
    await refused({ mode: 'multi_part', filename: 'big.mp4', number_of_parts: 2.5 }, /number_of_parts/);
    const ok = await api.createUpload({ mode: 'multi_part', filename: 'big.mp4', number_of_parts: 1000 });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json.number_of_parts, { total: 1000, sent: 0 });
    assert.equal(ok.json.complete_url, undefined, 'complete_url appears only after the first part');
  });

  it('refuses number_of_parts outside multi_part and external_url outside external_url mode', async () => {
    await refused({ filename: 'a.png', number_of_parts: 2 }, /number_of_parts is only allowed/);
    await refused({ filename: 'a.png', external_url: 'https://example.com/a.png' }, /external_url is only allowed/);
  });

  it('refuses multi_part on a free-plan workspace (5 MiB limit)', () =>
    refused({ mode: 'multi_part', filename: 'big.mp4', number_of_parts: 2 }, /free plan/, api.as('ntn_free')));

  it('external_url needs a filename and an https URL (http only to 127.0.0.1 when allowed)', async () => {
    await refused({ mode: 'external_url', external_url: 'https://example.com/a.png' }, /filename should be defined/);
    await refused({ mode: 'external_url', filename: 'a.png' }, /external_url should be defined/);
    await refused({ mode: 'external_url', filename: 'a.png', external_url: 'not a url' }, /valid URL/);
    await refused({ mode: 'external_url', filename: 'a.png', external_url: 'http://127.0.0.1:9/a.png' }, /https/);
    emu.setAllowHttpImports(true);
    try {
      await refused({ mode: 'external_url', filename: 'a.png', external_url: 'http://example.com/a.png' }, /https/);
      assert.equal((await api.createUpload({ mode: 'external_url', filename: 'a.png', external_url: 'http://127.0.0.1:9/a.png' })).status, 200);
    } finally {
      emu.setAllowHttpImports(false);
    }
  });

  it('refuses wrongly typed fields', async () => {
    await refused({ filename: 42 }, /filename should be a string/);
    await refused({ filename: 'a.png', content_type: ['image/png'] }, /content_type should be a string/);
  });
});
