import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placementProblems, refusalSummary, refusedFiles, unsupportedFiles } from '../../../src/upload/refusals';

test('a cover or icon takes one image; several files are refused naming the count', () => {
  assert.match(placementProblems(['a.png', 'b.png'], 'cover')!, /one cover.*2 files/);
  assert.equal(placementProblems(['a.png'], 'icon'), undefined);
  assert.match(placementProblems(['a.pdf'], 'cover')!, /Supported: .*\.png/);
});

test('each refused file says why: unsupported type, no extension, or not fitting the placement', () => {
  const r = refusedFiles(['ok.png', 'notes.md', 'Makefile', 'clip.mp4'], 'block', 'image');
  assert.deepEqual(r.map((x) => [x.index, x.name]), [[1, 'notes.md'], [2, 'Makefile'], [3, 'clip.mp4']]);
  assert.match(r[0].reason, /\.md not supported/);
  assert.match(r[1].reason, /no file extension/);
  assert.match(refusalSummary(r, 4), /^3 of 4 files can't go to Notion: notes\.md/);
  assert.equal(unsupportedFiles(['a.png']), undefined);
  assert.match(unsupportedFiles(['a.png', 'x.md'])!, /"x\.md"/);
});

test('comment, new page and replace take any supported type up front (a replaced block checks its own type later)', () => {
  for (const placement of ['comment', 'newPage', 'replace'] as const) {
    assert.deepEqual(refusedFiles(['a.png', 'b.pdf', 'c.mp3', 'd.md'], placement).map((x) => x.name), ['d.md'], placement);
    assert.equal(placementProblems(['a.png', 'b.docx'], placement), undefined, placement);
  }
});
