// Signed download URLs: GET only (HEAD refused like S3), byte ranges across part files,
// unsatisfiable ranges, a multi-part upload streamed back intact.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, MIB, TestApi } from '../../emulator/testClient';

describe('emulator: file downloads', () => {
  let emu: Emulator;
  let api: TestApi;
  let url: string;
  let whole: Buffer;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false } });
    api = new TestApi(emu.url);
    const p1 = bytesOf(5 * MIB, 31);
    const p2 = bytesOf(1000, 32);
    whole = Buffer.concat([p1, p2]);
    const id = (await api.createUpload({ mode: 'multi_part', filename: 'clip.mp4', content_type: 'video/mp4', number_of_parts: 2 })).json.id;
    await api.send(id, p2, { filename: 'clip.mp4', contentType: 'video/mp4', partNumber: 2 });
    await api.send(id, p1, { filename: 'clip.mp4', contentType: 'video/mp4', partNumber: 1 });
    assert.equal((await api.call('POST', `/v1/file_uploads/${id}/complete`)).status, 200);
    const page = emu.seed.page({ title: 'Video' }).id;
    const block = await api.call('PATCH', `/v1/blocks/${page}/children`, { children: [{ type: 'video', video: { type: 'file_upload', file_upload: { id } } }] });
    url = block.json.results[0].video.file.url;
  });
  after(() => emu.close());

  it('streams a multi-part upload back byte for byte', async () => {
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-length'), String(whole.length));
    assert.equal(res.headers.get('content-type'), 'video/mp4');
    const got = Buffer.from(await res.arrayBuffer());
    assert.equal(createHash('sha256').update(got).digest('hex'), createHash('sha256').update(whole).digest('hex'));
  });

  it('answers byte ranges with 206, also across part boundaries', async () => {
    const from = 5 * MIB - 10;
    const res = await fetch(url, { headers: { range: `bytes=${from}-${from + 19}` } });
    assert.equal(res.status, 206);
    assert.equal(res.headers.get('content-range'), `bytes ${from}-${from + 19}/${whole.length}`);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), whole.subarray(from, from + 20));
    const probe = await fetch(url, { headers: { range: 'bytes=0-0' } });
    assert.equal(probe.status, 206);
    assert.equal((await probe.arrayBuffer()).byteLength, 1);
    const suffix = await fetch(url, { headers: { range: 'bytes=-5' } });
    assert.deepEqual(Buffer.from(await suffix.arrayBuffer()), whole.subarray(whole.length - 5));
  });

  it('refuses unsatisfiable ranges with 416', async () => {
    const res = await fetch(url, { headers: { range: `bytes=${whole.length}-` } });
    assert.equal(res.status, 416);
    assert.equal(res.headers.get('content-range'), `bytes */${whole.length}`);
  });

  it('refuses HEAD on a URL signed for GET', async () => {
    const res = await fetch(url, { method: 'HEAD' });
    assert.equal(res.status, 403);
  });

  it('refuses URLs for other uploads or with a changed expiry', async () => {
    const bumped = url.replace(/exp=(\d+)/, (_, e) => `exp=${Number(e) + 1000}`);
    assert.equal((await fetch(bumped)).status, 403);
    const other = url.replace(/\/files\/[0-9a-f-]{36}\//, '/files/00000000-0000-4000-8000-000000000000/');
    assert.equal((await fetch(other)).status, 403);
  });
});
