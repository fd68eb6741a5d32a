// The Page Files view follows uploads to the page it shows: a new attachment there re-reads
// the page once; other pages, older attachments and other changes do not. Building the
// follower reads no stored record (activation does not pay for a long history).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UploadHistory } from '../../../src/core/history/uploadHistory';
import type { AttachmentRecord, UploadRecord } from '../../../src/core/history/types';
import type { PageFilesBrowser } from '../../../src/core/files/browser';
import { FollowUploads } from '../../../src/pageFiles/followUploads';

const SHOWN = '11111111-2222-3333-4444-555555555555';
const OTHER = '66666666-7777-8888-9999-000000000000';

function record(key: string, attachments: AttachmentRecord[], reads?: { count: number }): UploadRecord {
  const r: UploadRecord = {
    key, source: `/tmp/${key}.png`, filename: `${key}.png`, contentType: 'image/png', sizeBytes: 10, mode: 'single_part',
    state: 'attached', sentBytes: 10, createdTime: new Date(0).toISOString(), expiryTime: null, attachments, updatedTime: new Date(0).toISOString(),
  };
  if (reads) Object.defineProperty(r, 'key', { enumerable: true, get: () => (reads.count++, key) });
  return r;
}

/** A browser showing SHOWN (idle), counting its re-reads. */
function browser(): { get: () => PageFilesBrowser; refreshes: () => number } {
  let n = 0;
  const b = { model: { pageId: SHOWN.replace(/-/g, ''), state: 'done', onDidChange: () => ({ dispose() {} }) }, refresh: async () => void n++ };
  return { get: () => b as unknown as PageFilesBrowser, refreshes: () => n };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

test('following reads no stored record until something changes', async () => {
  const reads = { count: 0 };
  const old = Array.from({ length: 50 }, (_, i) => record(`k${i}`, [{ pageId: SHOWN, placement: 'cover', at: new Date(0).toISOString() }], reads));
  const history = await UploadHistory.open({ load: () => old, save: () => undefined });
  const follow = new FollowUploads(history, browser().get);
  assert.equal(reads.count, 0, 'no record looked at');
  follow.dispose();
  history.dispose();
});

test('a new attachment to the page shown re-reads it once; another page, an older attachment or a state change does not', async () => {
  let now = 1_000_000;
  const at = () => new Date(now).toISOString();
  const history = UploadHistory.inMemory({ now: () => now });
  history.put(record('before', [{ pageId: SHOWN, placement: 'cover', at: at() }]));
  now += 1000;
  const b = browser();
  const follow = new FollowUploads(history, b.get);
  history.update('before', { state: 'expired' });
  history.put(record('elsewhere', [{ pageId: OTHER, placement: 'cover', at: at() }]));
  await tick();
  assert.equal(b.refreshes(), 0, 'nothing new on the page shown');
  history.put(record('a', [{ pageId: SHOWN, placement: 'block', at: at() }]));
  history.put(record('b', [{ pageId: SHOWN, placement: 'block', at: at() }]));
  now += 10; // the re-read starts after the attachments were recorded
  await tick();
  assert.equal(b.refreshes(), 1, 'one re-read for the burst');
  now += 1000;
  history.update('a', { state: 'attached', notice: 'refreshed' });
  await tick();
  assert.equal(b.refreshes(), 1, 'a later change to an attachment already read does not re-read');
  follow.dispose();
  history.dispose();
});
