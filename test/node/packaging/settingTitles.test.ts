// VS Code has no title field for a setting: the Settings editor words the key's last segment
// (settingsTreeModels.ts, settingKeyToDisplayFormat → wordifyKey, restated below from the
// 1.139 workbench). "partSizeMiB" read "Part Size Mi B"; every shown key must read as words.
// The UI tier reads the same titles from the real Settings editor.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const ACRONYMS = new Set(['css', 'html', 'scss', 'less', 'json', 'js', 'ts', 'ie', 'id', 'php', 'scm']);

/** The label VS Code shows for a key's last segment. */
function wordify(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]{1,})([A-Z][a-z])/g, '$1 $2')
    .replace(/^[a-z]/g, (m) => m.toUpperCase())
    .replace(/\b\w+\b/g, (m) => (ACRONYMS.has(m.toLowerCase()) ? m.toUpperCase() : m));
}

test('the wordifier restated here gives what the Settings editor showed for the old key', () => {
  assert.equal(wordify('partSizeMiB'), 'Part Size Mi B');
  assert.equal(wordify('maxDepth'), 'Max Depth');
});

test('every setting the Settings editor lists reads as words (deprecated keys are hidden unless set)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const props: Record<string, { deprecationMessage?: string; markdownDeprecationMessage?: string }> = manifest.contributes.configuration.properties;
  const shown = Object.entries(props).filter(([, p]) => !p.deprecationMessage && !p.markdownDeprecationMessage).map(([k]) => k);
  assert.ok(shown.length >= 8, `${shown.length} settings listed`);
  const titles = shown.map((k) => wordify(k.slice(k.lastIndexOf('.') + 1)));
  assert.deepEqual(titles.filter((t) => /\b[A-Za-z]\b/.test(t)), [], `titles: ${titles.join(', ')}`);
  assert.ok(titles.includes('Part Size'));
});
