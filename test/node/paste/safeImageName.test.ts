// Names typed in the Paste Image panel become one safe file name with the image's extension.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeImageName } from '../../../src/paste/temporaryFiles';

test('separators, .. and reserved characters cannot leave the temporary folder or break the name', () => {
  assert.equal(safeImageName('../../etc/passwd', 'png'), '-..-etc-passwd.png');
  assert.equal(safeImageName('a\\b:c*?"<>|.png', 'png'), 'a-b-c------.png');
  assert.equal(safeImageName('..', 'png'), 'Pasted image.png');
  assert.equal(safeImageName('  \u0000 ', 'png'), '-.png');
});

test('the extension the type needs is kept or added', () => {
  assert.equal(safeImageName('Screenshot 2026-12-04 18.30.05.png', 'png'), 'Screenshot 2026-12-04 18.30.05.png');
  assert.equal(safeImageName('diagram', 'webp'), 'diagram.webp');
  assert.equal(safeImageName('photo.JPEG', 'jpg'), 'photo.JPEG');
  assert.equal(safeImageName('chart.png', 'jpg'), 'chart.png.jpg');
});
