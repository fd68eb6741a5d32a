import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editedAgo, pageDescription } from '../../../src/pickers/pageDescription';

const now = Date.parse('2026-11-22T12:00:00Z');

test('a page is described by where it sits and when it was edited, never by its id', () => {
  assert.equal(pageDescription({ parentType: 'database_id', lastEditedTime: '2026-11-22T09:00:00Z' }, now), 'in a database · edited 3 h ago');
  assert.equal(pageDescription({ parentType: 'data_source_id' }, now), 'in a database');
  assert.equal(pageDescription({ parentType: 'page_id', lastEditedTime: '2026-11-20T11:00:00Z' }, now), 'sub-page · edited 2 days ago');
  assert.equal(pageDescription({ parentType: 'workspace' }, now, 'recent'), 'recent · top-level page');
  assert.equal(pageDescription({}, now), undefined);
});

test('edited times read as people say them', () => {
  assert.equal(editedAgo('2026-11-22T11:59:30Z', now), 'edited just now');
  assert.equal(editedAgo('2026-11-22T11:15:00Z', now), 'edited 45 min ago');
  assert.equal(editedAgo('2026-11-21T11:00:00Z', now), 'edited 1 day ago');
  assert.equal(editedAgo('2026-09-01T10:00:00Z', now), 'edited 2026-09-01');
  assert.equal(editedAgo('not a date', now), undefined);
  assert.equal(editedAgo(undefined, now), undefined);
});
