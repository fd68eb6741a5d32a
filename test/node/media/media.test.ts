import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  categoryOf, contentTypeFor, defaultBlockType, describeExtensions, extensionOf, placementProblem, SUPPORTED_EXTENSIONS,
} from '../../../src/core/media';

test('every supported extension has a category and a content type', () => {
  for (const [category, exts] of Object.entries(SUPPORTED_EXTENSIONS)) {
    for (const ext of exts) {
      assert.equal(categoryOf(`a.${ext}`), category, ext);
      const ct = contentTypeFor(`a.${ext}`);
      assert.ok(ct && /^[a-z]+\/[\w.+-]+$/.test(ct), `${ext} → ${ct}`);
    }
  }
});

test('content types follow Notion where mime-types differs or has nothing', () => {
  assert.equal(contentTypeFor('clip.m4v'), 'video/mp4');
  assert.equal(contentTypeFor('clip.gifv'), 'video/mp4');
  assert.equal(contentTypeFor('clip.amv'), 'video/x-amv');
  assert.equal(contentTypeFor('deck.ppa'), 'application/vnd.ms-powerpoint');
  assert.equal(contentTypeFor('a.mp4'), 'video/mp4');
  assert.equal(contentTypeFor('ICON.ICO'), 'image/vnd.microsoft.icon');
  assert.equal(contentTypeFor('notes.md'), undefined);
  assert.equal(contentTypeFor('archive.zip'), undefined);
});

test('extensions are case-insensitive and taken from the last dot of the base name', () => {
  assert.equal(extensionOf('/a.b/c.PNG'), 'png');
  assert.equal(extensionOf('C:\\x.y\\file'), '');
  assert.equal(extensionOf('.gitignore'), '');
  assert.equal(categoryOf('photo.JPG'), 'image');
  assert.equal(categoryOf('map.geojson'), undefined);
});

test('default block type per category; pdf gets a pdf block, other documents a file block', () => {
  assert.equal(defaultBlockType('a.png'), 'image');
  assert.equal(defaultBlockType('a.webm'), 'video');
  assert.equal(defaultBlockType('a.mp3'), 'audio');
  assert.equal(defaultBlockType('a.pdf'), 'pdf');
  assert.equal(defaultBlockType('a.docx'), 'file');
});

test('placement rules: covers, icons and image blocks take images only', () => {
  assert.equal(placementProblem('a.png', 'cover'), undefined);
  assert.equal(placementProblem('a.svg', 'icon'), undefined);
  assert.match(placementProblem('a.pdf', 'icon')!, /document file \(\.pdf\) cannot be a page icon: it takes image files/);
  assert.match(placementProblem('a.mp4', 'cover')!, /video file \(\.mp4\) cannot be a page cover/);
  assert.match(placementProblem('a.mp4', 'image')!, /cannot be an image block: it takes image files/);
  assert.match(placementProblem('a.png', 'video')!, /cannot be a video block/);
  assert.match(placementProblem('a.docx', 'pdf')!, /only \.pdf files/);
  assert.match(placementProblem('a.wav', 'video')!, /audio file/);
  assert.equal(placementProblem('a.wav', 'audio'), undefined);
  assert.equal(placementProblem('a.xlsx', 'file'), undefined);
  assert.equal(placementProblem('a.mov', 'property'), undefined);
  assert.match(placementProblem('a.md', 'file')!, /not supported/);
});

test('describeExtensions lists one category or all of them', () => {
  assert.match(describeExtensions('image'), /^image: \.gif .* \.ico$/);
  assert.doesNotMatch(describeExtensions('image'), /\.pdf/);
  const all = describeExtensions();
  for (const c of ['image:', 'video:', 'audio:', 'document:']) assert.ok(all.includes(c));
});
