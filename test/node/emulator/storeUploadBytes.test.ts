// storeUploadBytes: false (benchmarks' timed runs): sizes are counted and every send/complete
// rule still holds, but no bytes are kept (no digest, no download); switching it back on
// affects uploads created from then on.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, MIB, TestApi } from '../../emulator/testClient';

describe('emulator: storeUploadBytes off', () => {
  let emu: Emulator;
  let api: TestApi;
  const five = bytesOf(5 * MIB, 21);
  const tail = bytesOf(999, 22);
  const opts = (n: number) => ({ filename: 'movie.mp4', contentType: 'video/mp4', partNumber: n });

  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false }, storeUploadBytes: false, tokens: { ntn_small: { maxFileUploadSizeBytes: 6 * MIB } } });
    api = new TestApi(emu.url);
  });
  after(() => emu.close());

  const create = (parts: number, a = api) => a.createMultiPart(parts);
  const refusal = (r: { status: number; json: { message: string } }, pattern: RegExp) => assert.match(`${r.status} ${r.json.message}`, pattern);

  it('counts part sizes for content_length, keeps no digest and serves no download', async () => {
    const id = await create(2);
    assert.equal((await api.send(id, tail, opts(2))).status, 200);
    assert.equal((await api.send(id, five, opts(1))).json.number_of_parts.sent, 2);
    const done = await api.call('POST', `/v1/file_uploads/${id}/complete`);
    assert.equal(done.status, 200, JSON.stringify(done.json));
    assert.equal(done.json.status, 'uploaded');
    assert.equal(done.json.content_length, 5 * MIB + 999);
    assert.equal(emu.uploadSha256(id), undefined);
    assert.equal(emu.uploadBytes(id), undefined);
  });

  it('still refuses wrong part sizes, numbers, content types (docRules) and missing parts', async (t) => {
    emu.setDocRules(true);
    t.after(() => emu.setDocRules(false));
    const id = await create(3);
    refusal(await api.send(id, bytesOf(5 * MIB - 1), opts(1)), /^400 .*at least 5242880 bytes/);
    refusal(await api.send(id, bytesOf(20 * MIB + 1), opts(1)), /^400 .*at most 20971520 bytes/);
    refusal(await api.send(id, tail, opts(4)), /^400 .*between 1 and 3/);
    refusal(await api.send(id, five, { ...opts(1), contentType: 'image/png' }), /^400 .*does not match the upload's content_type/);
    await api.send(id, five, opts(1));
    refusal(await api.call('POST', `/v1/file_uploads/${id}/complete`), /^400 .*Missing part_number: 2, 3/);
  });

  it('still refuses empty and oversized single parts and checks the workspace limit on complete', async () => {
    const single = (await api.createUpload({ filename: 'a.txt' })).json.id;
    refusal(await api.send(single, bytesOf(0), { filename: 'a.txt', contentType: 'text/plain' }), /^400 .*empty/);
    refusal(await api.send(single, bytesOf(20 * MIB + 1), { filename: 'a.txt', contentType: 'text/plain' }), /^400 .*exceeds/);
    const ok = await api.send(single, tail, { filename: 'a.txt', contentType: 'text/plain' });
    assert.equal(ok.json.content_length, 999);
    const small = api.as('ntn_small');
    const id = await create(2, small);
    await small.send(id, five, opts(1));
    await small.send(id, bytesOf(MIB + 1), opts(2));
    refusal(await small.call('POST', `/v1/file_uploads/${id}/complete`), new RegExp(`^400 File size of ${6 * MIB + 1} bytes exceeds`));
  });

  it('setStoreUploadBytes(true) stores the bytes of uploads created afterwards', async () => {
    emu.setStoreUploadBytes(true);
    try {
      const id = await create(2);
      await api.send(id, five, opts(1));
      await api.send(id, tail, opts(2));
      assert.equal((await api.call('POST', `/v1/file_uploads/${id}/complete`)).status, 200);
      assert.equal(emu.uploadSha256(id), createHash('sha256').update(five).update(tail).digest('hex'));
    } finally {
      emu.setStoreUploadBytes(false);
    }
  });
});
