// The paste/shrink page's scripts word their text through the table panelHtml.ts hands them
// (src/paste/webviewStrings.ts): every string they pass to t()/worded() must be in it, or that
// string stays English in every language (and the l10n bundle would never see it).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { webviewStrings } from '../../../src/paste/webviewStrings';

const root = path.resolve(__dirname, '..', '..', '..', '..');

/** The first (string literal) argument of each t('…') / worded('…') call in a page script. */
function wordedIn(file: string): string[] {
  const src = fs.readFileSync(path.join(root, 'media', 'paste', file), 'utf8');
  return [...src.matchAll(/\b(?:t|worded)\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
}

test('every string the page scripts word is in the table they are handed', () => {
  const table = webviewStrings();
  const used = [...new Set([...wordedIn('paste.js'), ...wordedIn('shrink.js')])];
  assert.ok(used.length > 25, `found ${used.length} worded strings`);
  assert.deepEqual(used.filter((s) => !(s in table)), [], 'worded in the scripts but missing from src/paste/webviewStrings.ts');
  assert.deepEqual(Object.keys(table).filter((k) => !used.includes(k)), [], 'in the table but not used by the scripts');
  for (const [k, v] of Object.entries(table)) assert.equal(v, k, 'English (unconfigured) words each string as its key');
});
