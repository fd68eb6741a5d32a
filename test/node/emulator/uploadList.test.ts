// GET /v1/file_uploads: newest first, status filter, pagination, scope, refusals.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, TestApi } from '../../emulator/testClient';

describe('emulator: listing file uploads', () => {
  let emu: Emulator;
  let api: TestApi;
  const ids: string[] = [];
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false }, tokens: { ntn_other: {} } });
    api = new TestApi(emu.url);
    for (let i = 0; i < 5; i++) {
      ids.push((await api.createUpload({ filename: `f${i}.txt` })).json.id);
      emu.clock.advance(1000);
    }
    await api.send(ids[1], bytesOf(3), { filename: 'f1.txt', contentType: 'text/plain' });
    await api.send(ids[3], bytesOf(3), { filename: 'f3.txt', contentType: 'text/plain' });
    await api.as('ntn_other').createUpload({ filename: 'theirs.txt' });
  });
  after(() => emu.close());

  it('lists only the bot’s uploads, newest first, in the list envelope', async () => {
    const r = await api.call('GET', '/v1/file_uploads');
    assert.equal(r.status, 200);
    assert.equal(r.json.object, 'list');
    assert.equal(r.json.type, 'file_upload');
    assert.deepEqual(r.json.file_upload, {});
    assert.deepEqual(r.json.results.map((u: { id: string }) => u.id), [...ids].reverse());
    assert.equal(r.json.has_more, false);
    assert.equal(r.json.next_cursor, null);
  });

  it('filters by status', async () => {
    const up = await api.call('GET', '/v1/file_uploads?status=uploaded');
    assert.deepEqual(up.json.results.map((u: { id: string }) => u.id), [ids[3], ids[1]]);
    const pending = await api.call('GET', '/v1/file_uploads?status=pending');
    assert.equal(pending.json.results.length, 3);
  });

  it('paginates with page_size and start_cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/v1/file_uploads?page_size=2${cursor ? `&start_cursor=${cursor}` : ''}`;
      const r = await api.call('GET', q);
      assert.ok(r.json.results.length <= 2);
      seen.push(...r.json.results.map((u: { id: string }) => u.id));
      assert.equal(r.json.has_more, r.json.next_cursor !== null);
      cursor = r.json.next_cursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...ids].reverse());
  });

  it('refuses bad page_size, status and cursors', async () => {
    for (const q of ['page_size=0', 'page_size=101', 'page_size=ten', 'status=done', 'start_cursor=nope']) {
      const r = await api.call('GET', `/v1/file_uploads?${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(r.json.code, 'validation_error');
    }
  });

  it('shows expired uploads as expired', async () => {
    emu.clock.advance(3600_000);
    const r = await api.call('GET', '/v1/file_uploads?status=expired');
    assert.equal(r.json.results.length, 5);
  });
});
