// Opening the history reads nothing record by record: checking, redacting and indexing the
// stored records waits for the first use, so activation does not pay for a long history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UploadHistory } from '../../../src/core/history/uploadHistory';
import type { HistoryStore, UploadRecord } from '../../../src/core/history/types';

function stored(n: number, reads: { count: number }): UploadRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const r: UploadRecord = {
      key: `k${i}`, source: `/tmp/k${i}.png`, filename: `k${i}.png`, contentType: 'image/png', sizeBytes: 10, mode: 'single_part',
      state: 'attached', sentBytes: 10, createdTime: new Date(1_000_000 + i).toISOString(), expiryTime: null, attachments: [],
      updatedTime: new Date(1_000_000 + i).toISOString(),
    };
    // Count every look at a record's key: that is where checking and indexing start.
    let key = r.key;
    Object.defineProperty(r, 'key', { enumerable: true, get: () => (reads.count++, key), set: (v: string) => { key = v; } });
    return r;
  });
}

test('open() leaves the stored records unread; the first use reads them all once', async () => {
  const reads = { count: 0 };
  const saves: UploadRecord[][] = [];
  const store: HistoryStore = { load: () => stored(1000, reads), save: (r) => void saves.push(r) };
  const h = await UploadHistory.open(store, { maxEntries: 2000, saveDelayMs: 5 });
  assert.equal(reads.count, 0, 'no record looked at by open()');
  h.onDidChange(() => assert.fail('reading the stored records is not a change'));
  assert.equal(h.size, 1000);
  const afterFirstUse = reads.count;
  assert.ok(afterFirstUse >= 1000, 'every record checked on first use');
  assert.equal(h.list()[0].key, 'k999', 'newest first, as before');
  assert.equal(h.get('k5')?.filename, 'k5.png');
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(saves, [], 'clean records are not written back');
  h.dispose();
});

test('a malformed or signed-link record is still dropped or redacted, on first use', async () => {
  const signed = {
    key: 's', source: 'https://prod-files-secure.s3.us-west-2.amazonaws.com/a/b/c.png?X-Amz-Signature=abc&X-Amz-Credential=x',
    filename: 'c.png', contentType: 'image/png', sizeBytes: 1, mode: 'external_url', state: 'attached', sentBytes: 1,
    createdTime: new Date(0).toISOString(), expiryTime: null, attachments: [], updatedTime: new Date(0).toISOString(),
  } as UploadRecord;
  const saves: UploadRecord[][] = [];
  const h = await UploadHistory.open({ load: () => [null as unknown as UploadRecord, { key: 1 } as unknown as UploadRecord, signed], save: (r) => void saves.push(r) }, { saveDelayMs: 5 });
  assert.deepEqual(h.list().map((r) => r.key), ['s']);
  assert.doesNotMatch(h.get('s')!.source, /Signature/);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(saves.length, 1, 'the redacted record is written back');
  assert.doesNotMatch(JSON.stringify(saves[0]), /Signature/);
  h.dispose();
});
