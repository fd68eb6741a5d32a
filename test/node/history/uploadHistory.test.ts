import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UploadHistory } from '../../../src/core/history/uploadHistory';
import { MemoryHistoryStore } from '../../../src/core/history/memoryStore';
import type { UploadRecord, UploadState } from '../../../src/core/history/types';

const T0 = Date.parse('2026-11-22T00:00:00Z');

function rec(key: string, over: Partial<UploadRecord> = {}): UploadRecord {
  return {
    key, source: `/tmp/${key}.png`, filename: `${key}.png`, contentType: 'image/png', sizeBytes: 10, mode: 'single_part',
    state: 'pending', sentBytes: 10, createdTime: new Date(T0).toISOString(), expiryTime: new Date(T0 + 3600_000).toISOString(),
    attachments: [], updatedTime: new Date(T0).toISOString(), ...over,
  };
}

function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

test('state becomes expired past expiryTime for unattached uploads, not for attached ones', async () => {
  const c = clock();
  const h = await UploadHistory.open(new MemoryHistoryStore(), { now: c.now });
  h.put(rec('a'));
  h.put(rec('b', { state: 'attached', expiryTime: null }));
  h.put(rec('c', { state: 'uploading' }));
  assert.equal(h.get('a')!.state, 'pending');
  c.advance(3600_000);
  assert.equal(h.get('a')!.state, 'expired');
  assert.equal(h.get('b')!.state, 'attached');
  assert.equal(h.get('c')!.state, 'expired');
  h.dispose();
});

test('lookups by content, source and upload id; list is newest first', async () => {
  const h = await UploadHistory.open(new MemoryHistoryStore());
  h.put(rec('a', { sha256: 'aa', sizeBytes: 10, createdTime: '2026-11-22T00:00:01Z' }));
  h.put(rec('b', { sha256: 'aa', sizeBytes: 11 }));
  h.put(rec('c', { sha256: 'aa', sizeBytes: 10, source: '/tmp/a.png', fileUploadId: 'u-c', createdTime: '2026-11-22T00:00:02Z' }));
  assert.deepEqual(h.findByContent('aa', 10).map((r) => r.key), ['c', 'a']);
  assert.deepEqual(h.findBySource('/tmp/a.png').map((r) => r.key), ['c', 'a']);
  assert.equal(h.findByUploadId('u-c')?.key, 'c');
  assert.deepEqual(h.list().map((r) => r.key), ['c', 'b', 'a']);
  h.update('a', { sha256: 'bb' });
  assert.deepEqual(h.findByContent('aa', 10).map((r) => r.key), ['c']);
  assert.deepEqual(h.findByContent('bb', 10).map((r) => r.key), ['a']);
  assert.ok(h.remove('c'));
  assert.equal(h.findByUploadId('u-c'), undefined);
  assert.deepEqual(h.findBySource('/tmp/a.png').map((r) => r.key), ['a']);
  h.dispose();
});

test('records returned are copies: mutating them does not change the history', async () => {
  const h = await UploadHistory.open(new MemoryHistoryStore(), { now: clock().now });
  h.put(rec('a'));
  const r = h.get('a')!;
  r.attachments.push({ pageId: 'p', placement: 'cover', at: 'x' });
  r.state = 'failed';
  assert.equal(h.get('a')!.state, 'pending');
  assert.equal(h.get('a')!.attachments.length, 0);
  h.dispose();
});

test('bounded: oldest finished records are evicted first, unfinished ones kept', async () => {
  const h = await UploadHistory.open(new MemoryHistoryStore(), { maxEntries: 3 });
  h.put(rec('old-uploading', { state: 'uploading' }));
  h.put(rec('old-attached', { state: 'attached', expiryTime: null }));
  h.put(rec('mid'));
  h.put(rec('new'));
  assert.deepEqual(h.list().map((r) => r.key).sort(), ['mid', 'new', 'old-uploading']);
  h.put(rec('newer'));
  assert.deepEqual(h.list().map((r) => r.key).sort(), ['new', 'newer', 'old-uploading']);
  h.dispose();
});

test('saves are debounced and flushed; a reopened history sees the same records', async () => {
  const store = new MemoryHistoryStore();
  const h = await UploadHistory.open(store, { saveDelayMs: 20 });
  for (let i = 0; i < 50; i++) h.put(rec(`r${i}`));
  h.update('r1', { state: 'attached' as UploadState, expiryTime: null });
  assert.equal(store.saves, 0, 'nothing saved synchronously');
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(store.saves, 1, 'fifty changes, one save');
  h.update('r2', { state: 'failed', error: 'boom' });
  await h.flush();
  assert.equal(store.saves, 2);
  const again = await UploadHistory.open(store);
  assert.equal(again.size, 50);
  assert.equal(again.get('r1')!.state, 'attached');
  assert.equal(again.get('r2')!.error, 'boom');
  again.dispose();
  h.dispose();
});

test('onDidChange fires with the keys touched', async () => {
  const h = await UploadHistory.open(new MemoryHistoryStore());
  const seen: string[][] = [];
  const d = h.onDidChange((e) => seen.push(e.keys));
  h.put(rec('a'));
  h.update('a', { sentBytes: 5 });
  h.update('missing', { sentBytes: 5 });
  d.dispose();
  h.put(rec('b'));
  assert.deepEqual(seen, [['a'], ['a']]);
  h.dispose();
});

test('malformed stored entries are dropped on load', async () => {
  const store = new MemoryHistoryStore([rec('ok'), { nope: true } as unknown as UploadRecord, null as unknown as UploadRecord]);
  const h = await UploadHistory.open(store);
  assert.deepEqual(h.list().map((r) => r.key), ['ok']);
  h.dispose();
});

test('ten thousand entries: lookups return exactly the matching record', async () => {
  const h = await UploadHistory.open(new MemoryHistoryStore(), { maxEntries: 20_000 });
  for (let i = 0; i < 10_000; i++) h.put(rec(`k${i}`, { sha256: `sha${i}`, source: `/f/${i}` }));
  assert.deepEqual(h.findByContent('sha9999', 10).map((r) => r.key), ['k9999']);
  assert.deepEqual(h.findBySource('/f/5').map((r) => r.key), ['k5']);
  assert.equal(h.size, 10_000);
  h.dispose();
});
