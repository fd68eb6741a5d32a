// Multi-part uploads: part sizes, part numbers, sent counter, complete_url, complete rules,
// out-of-order and repeated parts, SHA-256 of the assembled file.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, MIB, TestApi } from '../../emulator/testClient';

const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

describe('emulator: multi-part uploads', () => {
  let emu: Emulator;
  let api: TestApi;
  const five = bytesOf(5 * MIB, 11);
  const tail = bytesOf(1234, 12);
  const opts = (n: number) => ({ filename: 'movie.mp4', contentType: 'video/mp4', partNumber: n });

  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false }, tokens: { ntn_paid_small: { maxFileUploadSizeBytes: 6 * MIB } } });
    api = new TestApi(emu.url);
  });
  after(() => emu.close());

  const create = async (parts: number, a = api) => {
    const r = await a.createUpload({ mode: 'multi_part', filename: 'movie.mp4', content_type: 'video/mp4', number_of_parts: parts });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    return r.json.id as string;
  };
  const refusal = (r: { status: number; json: { code: string; message: string } }, pattern: RegExp) => {
    assert.equal(r.status, 400, JSON.stringify(r.json));
    assert.equal(r.json.code, 'validation_error');
    assert.match(r.json.message, pattern);
  };

  it('counts parts, shows complete_url after the first part, completes, and stores the bytes in order', async () => {
    const id = await create(3);
    const p3 = await api.send(id, tail, opts(3)); // any order
    assert.equal(p3.status, 200, JSON.stringify(p3.json));
    assert.equal(p3.json.status, 'pending');
    assert.deepEqual(p3.json.number_of_parts, { total: 3, sent: 1 });
    assert.equal(p3.json.complete_url, `${emu.url}/v1/file_uploads/${id}/complete`);
    assert.equal((await api.send(id, five, opts(1))).json.number_of_parts.sent, 2);
    const second = bytesOf(5 * MIB, 13);
    assert.equal((await api.send(id, second, opts(2))).json.number_of_parts.sent, 3);
    const done = await api.call('POST', `/v1/file_uploads/${id}/complete`);
    assert.equal(done.status, 200, JSON.stringify(done.json));
    assert.equal(done.json.status, 'uploaded');
    assert.equal(done.json.content_length, 10 * MIB + 1234);
    assert.equal(done.json.complete_url, undefined);
    assert.equal(emu.uploadSha256(id), sha(five, second, tail));
    assert.equal(emu.uploadBytes(id)?.length, 10 * MIB + 1234);
    emu.discardUploadBytes(id);
    assert.equal(emu.uploadBytes(id), undefined, 'bytes freed');
    assert.equal(emu.uploadSha256(id), sha(five, second, tail), 'digest kept');
  });

  it('accepts parts sent concurrently', async () => {
    const id = await create(3);
    const second = bytesOf(6 * MIB, 14);
    const results = await Promise.all([api.send(id, second, opts(2)), api.send(id, tail, opts(3)), api.send(id, five, opts(1))]);
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200]);
    assert.equal((await api.call('POST', `/v1/file_uploads/${id}/complete`)).status, 200);
    assert.equal(emu.uploadSha256(id), sha(five, second, tail));
  });

  it('a re-sent part replaces the earlier one without counting twice', async () => {
    const id = await create(2);
    await api.send(id, bytesOf(5 * MIB, 99), opts(1));
    const again = await api.send(id, five, opts(1));
    assert.equal(again.json.number_of_parts.sent, 1);
    await api.send(id, tail, opts(2));
    assert.equal((await api.call('POST', `/v1/file_uploads/${id}/complete`)).status, 200);
    assert.equal(emu.uploadSha256(id), sha(five, tail));
  });

  it('docRules: refuses parts smaller than 5 MiB except the last at send', async () => {
    emu.setDocRules(true);
    try {
      const id = await create(2);
      refusal(await api.send(id, bytesOf(5 * MIB - 1), opts(1)), /at least 5242880 bytes/);
      assert.equal((await api.send(id, tail, opts(2))).status, 200, 'the last part may be small');
    } finally {
      emu.setDocRules(false);
    }
  });

  it('as recorded: takes a small non-last part at send, counts content_length so far, and refuses it at complete', async () => {
    const id = await create(4);
    const sent = await api.send(id, bytesOf(26), opts(1));
    assert.equal(sent.status, 200, JSON.stringify(sent.json));
    assert.deepEqual([sent.json.content_length, sent.json.number_of_parts], [26, { total: 4, sent: 1 }]);
    for (const n of [2, 3, 4]) await api.send(id, tail, opts(n));
    refusal(await api.call('POST', `/v1/file_uploads/${id}/complete`), /Part 1 is 26 bytes: every part except the last must be at least 5242880 bytes/);
  });

  it('as recorded: an expired upload reads expiry_time null, in every state', async () => {
    const none = await create(3);
    const some = await create(2);
    await api.send(some, bytesOf(5 * MIB), opts(1));
    const single = (await api.createUpload({ filename: 'a.txt' })).json.id;
    emu.clock.advance(3600_000);
    for (const id of [none, some, single]) {
      const u = (await api.call('GET', `/v1/file_uploads/${id}`)).json;
      assert.deepEqual([u.status, u.expiry_time, u.upload_url, u.complete_url], ['expired', null, undefined, undefined], id);
    }
    assert.equal((await api.call('GET', `/v1/file_uploads/${some}`)).json.content_length, 5 * MIB);
  });

  it('refuses parts over 20 MiB', async () => {
    const id = await create(2);
    refusal(await api.send(id, bytesOf(20 * MIB + 1), opts(1)), /at most 20971520 bytes/);
  });

  it('refuses missing, malformed and out-of-range part numbers', async () => {
    const id = await create(2);
    refusal(await api.send(id, tail, { filename: 'movie.mp4', contentType: 'video/mp4' }), /part_number should be defined/);
    refusal(await api.send(id, tail, opts(0)), /between 1 and 2/);
    refusal(await api.send(id, tail, opts(3)), /between 1 and 2/);
    refusal(await api.send(id, tail, { ...opts(1), partNumber: 'one' }), /integer string/);
    assert.equal((await api.call('GET', `/v1/file_uploads/${id}`)).json.number_of_parts.sent, 0);
  });

  it('refuses complete before every part is in, naming the missing ones', async () => {
    const id = await create(3);
    await api.send(id, five, opts(1));
    refusal(await api.call('POST', `/v1/file_uploads/${id}/complete`), /Expected 3 parts, but 1 were sent\. Missing part_number: 2, 3/);
    assert.equal((await api.call('GET', `/v1/file_uploads/${id}`)).json.status, 'pending');
  });

  it('refuses complete on single_part uploads and sends after completion', async () => {
    const single = (await api.createUpload({ filename: 'a.txt' })).json.id;
    refusal(await api.call('POST', `/v1/file_uploads/${single}/complete`), /not a multi_part upload/);
    const id = await create(1);
    await api.send(id, tail, opts(1));
    assert.equal((await api.call('POST', `/v1/file_uploads/${id}/complete`)).status, 200);
    refusal(await api.send(id, tail, opts(1)), /not in the pending status/);
    refusal(await api.call('POST', `/v1/file_uploads/${id}/complete`), /not in the pending status/);
  });

  it('re-checks the workspace limit on complete', async () => {
    const small = api.as('ntn_paid_small');
    const id = await create(2, small);
    await small.send(id, five, opts(1));
    await small.send(id, bytesOf(1 * MIB + 1), opts(2));
    refusal(await small.call('POST', `/v1/file_uploads/${id}/complete`), new RegExp(`File size of ${6 * MIB + 1} bytes exceeds the limit of ${6 * MIB}`));
  });

  it('refuses parts after the upload expired', async () => {
    const id = await create(2);
    await api.send(id, five, opts(1));
    emu.clock.advance(3600_000);
    refusal(await api.send(id, tail, opts(2)), /not in the pending status/);
    refusal(await api.call('POST', `/v1/file_uploads/${id}/complete`), /not in the pending status/);
  });
});
