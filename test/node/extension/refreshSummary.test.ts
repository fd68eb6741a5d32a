// The Refresh Status message: how many uploads were read and what changed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { UploadRecord } from '../../../src/core/history/types';
import { refreshSummary } from '../../../src/uploadsView/refreshSummary';

const at = '2026-01-01T00:00:00.000Z';
const place = (placement: 'cover' | 'block') => ({ pageId: 'p', placement, at });
function rec(key: string, over: Partial<UploadRecord>): UploadRecord {
  return { key, source: '/x', filename: `${key}.png`, contentType: 'image/png', sizeBytes: 1, mode: 'single_part', state: 'attached', sentBytes: 1, createdTime: at, expiryTime: null, attachments: [], updatedTime: at, ...over };
}

test('several uploads: counts what changed, or says nothing did', () => {
  const before = [rec('a', { attachments: [place('cover')] }), rec('b', { attachments: [place('cover'), place('block')] }), rec('c', { state: 'pending' }), rec('d', { state: 'pending' })];
  const after = [rec('a', { removed: [place('cover')] }), rec('b', { attachments: [place('block')] }), rec('c', { state: 'expired' }), rec('d', { state: 'pending' })];
  assert.equal(refreshSummary(before, after), 'Refreshed 4 uploads: 1 no longer attached, 1 attached in fewer places, 1 expired.');
  assert.equal(refreshSummary(before, before), 'Refreshed 4 uploads: no change.');
});

test('one upload: says where it is now', () => {
  const before = [rec('a', { attachments: [place('cover'), place('block'), place('block')] })];
  assert.equal(refreshSummary(before, [rec('a', { attachments: [place('block'), place('block')] })]), 'Refreshed "a.png": attached · 2 places.');
  assert.equal(refreshSummary(before, [rec('a', { removed: before[0].attachments })]), 'Refreshed "a.png": no longer attached.');
});
