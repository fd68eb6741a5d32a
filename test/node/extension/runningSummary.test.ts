// The status bar entry's numbers and words: only uploads running in this window count, the
// percentage is byte-weighted, imports (no size yet) count without skewing it.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusText, summarize } from '../../../src/upload/runningSummary';

const rec = (key: string, state: string, sentBytes: number, sizeBytes: number) => ({ key, state, sentBytes, sizeBytes });

test('two running uploads: count and byte-weighted percent; finished and interrupted records do not count', () => {
  const records = [
    rec('a', 'uploading', 30, 100), // 30 %
    rec('b', 'uploading', 870, 900), // nearly done: weighs 9× more
    rec('c', 'uploading', 0, 500), // left "uploading" by a closed window: not running here
    rec('d', 'pending', 100, 100),
  ];
  const s = summarize(records, (k) => k !== 'c');
  assert.deepEqual(s, { count: 2, percent: 90 });
  assert.deepEqual(statusText(s), {
    text: '$(cloud-upload) 2 uploading · 90 %',
    label: '2 uploads to Notion running, 90 percent sent. Show the Uploads view.',
  });
});

test('an import (size unknown) counts, without a percentage when it is alone', () => {
  const s = summarize([rec('i', 'uploading', 0, 0)], () => true);
  assert.deepEqual(s, { count: 1, percent: undefined });
  assert.deepEqual(statusText(s), { text: '$(cloud-upload) 1 uploading', label: '1 upload to Notion running. Show the Uploads view.' });
});

test('nothing running: count 0', () => {
  assert.equal(summarize([rec('a', 'attached', 1, 1)], () => true).count, 0);
});
