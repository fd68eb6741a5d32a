import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placedMessage, progressTitle } from '../../../src/ui/placementText';

test('the progress title names the action, the file (or count) and the page once', () => {
  assert.equal(progressTitle(['x.mp4'], 'Home', { pageId: 'p', as: 'block' }), 'Adding "x.mp4" to "Home"');
  assert.equal(progressTitle(['a.png', 'b.png', 'c.png'], 'Home', { pageId: 'p', as: 'block' }), 'Adding 3 files to "Home"');
  assert.equal(progressTitle(['x.png'], 'Home', { pageId: 'p', as: 'cover' }), 'Setting "x.png" as the cover of "Home"');
  assert.equal(progressTitle(['x.pdf'], 'Row', { pageId: 'p', as: 'property', property: 'Files' }), 'Adding "x.pdf" to "Row" (property "Files")');
  assert.equal(progressTitle(['x.pdf'], 'Home', undefined), 'Uploading "x.pdf" to Notion');
});

test('the success sentence says where on the page, by block type', () => {
  assert.equal(placedMessage(['x.mp4'], 'Home', { pageId: 'p', as: 'block' }), '"x.mp4" was added to "Home" as a video block');
  assert.equal(placedMessage(['x.png'], 'Home', { pageId: 'p', as: 'block' }), '"x.png" was added to "Home" as an image block');
  assert.equal(placedMessage(['r.pdf'], 'Home', { pageId: 'p', as: 'block' }), '"r.pdf" was added to "Home" as a PDF block');
  assert.equal(placedMessage(['r.pdf'], 'Home', { pageId: 'p', as: 'block', blockType: 'file' }), '"r.pdf" was added to "Home" as a file block');
  assert.equal(placedMessage(['a.png', 'b.png'], 'Home', { pageId: 'p', as: 'block' }), '2 files were added to "Home" as image blocks');
  assert.equal(placedMessage(['a.png', 'b.mp3'], 'Home', { pageId: 'p', as: 'block' }), '2 files were added to "Home" as blocks');
  assert.equal(placedMessage(['x.png'], 'Home', { pageId: 'p', as: 'cover' }), '"x.png" was added to "Home" as its cover');
  assert.equal(placedMessage(['x.png'], 'Home', { pageId: 'p', as: 'icon' }, 'copied'), '"x.png" was copied to "Home" as its icon');
  assert.equal(placedMessage(['x.pdf'], 'Row', { pageId: 'p', as: 'property', property: 'Files' }), '"x.pdf" was added to "Row" in its "Files" property');
  assert.equal(placedMessage(['example.com'], 'Home', { pageId: 'p', as: 'block' }), '"example.com" was added to "Home" as a file block', 'a name without a type');
});

test('replace, comment and new page read as what happened', () => {
  const replace = { pageId: 'p', as: 'replace', blockId: 'b' } as const;
  const comment = { pageId: 'p', as: 'comment', comment: 'Screens' } as const;
  const newPage = { pageId: 'p', as: 'newPage' } as const;
  assert.equal(progressTitle(['x.png'], 'Home', replace), 'Replacing a file on "Home" with "x.png"');
  assert.equal(progressTitle(['a.png', 'b.png'], 'Home', comment), 'Commenting on "Home" with 2 files');
  assert.equal(progressTitle(['x.pdf'], 'Assets', newPage), 'Creating a page from "x.pdf" in "Assets"');
  assert.equal(placedMessage(['x.png'], 'Home', replace), '"x.png" was added to "Home" in place of the block\'s file');
  assert.equal(placedMessage(['x.png'], 'Home', comment), '"x.png" was added to "Home" as a comment attachment');
  assert.equal(placedMessage(['a', 'b', 'c'].map((n) => `${n}.png`), 'Home', comment), '3 files were added to "Home" as comment attachments');
  assert.equal(placedMessage(['a', 'b', 'c', 'd'].map((n) => `${n}.png`), 'Home', comment), '4 files were added to "Home" as comment attachments (2 comments)');
  assert.equal(placedMessage(['x.pdf'], 'Assets', newPage), '"x.pdf" was added to "Assets" as a new page');
});
