import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, formatExpiry, notionPageUrl, percent } from '../../../src/ui/format';

test('percent is floored, capped at 100 and 0 for an unknown total', () => {
  assert.equal(percent(999, 1000), 99, '99.9 % is not done');
  assert.equal(percent(1000, 1000), 100);
  assert.equal(percent(2000, 1000), 100);
  assert.equal(percent(5, 0), 0);
  assert.equal(percent(5, undefined), 0);
});

test('sizes read in binary units with one decimal below 10', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(5 * 1024 * 1024), '5.0 MiB');
  assert.equal(formatBytes(300 * 1024 * 1024), '300 MiB');
});

test('expiry counts minutes up and seconds in the last minute', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(formatExpiry('2026-01-01T00:59:30Z', now), 'expires in 60 min');
  assert.equal(formatExpiry('2026-01-01T00:00:40Z', now), 'expires in 40 s');
  assert.equal(formatExpiry('2025-12-31T23:59:00Z', now), 'expired');
});

test('page links drop the dashes of the id', () => {
  assert.equal(notionPageUrl('1234abcd-0000-0000-0000-000000000000'), 'https://www.notion.so/1234abcd000000000000000000000000');
});
