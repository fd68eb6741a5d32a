// What `npm run package` puts into the .vsix, as `vsce ls` reports it (the same file list
// vsce packs): the two bundles, media, README, CHANGELOG, LICENSE; no sources, tests or modules.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');

test('the package holds the bundles, media and docs, and no sources, tests or node_modules', () => {
  assert.ok(fs.existsSync(path.join(root, 'dist', 'extension.js')), 'build first: dist/extension.js');
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n').map((l) => l.trim()).filter(Boolean);
  for (const must of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/core.js']) {
    assert.ok(files.includes(must), `${must} is packaged (got: ${files.join(', ')})`);
  }
  assert.ok(files.some((f) => f.startsWith('media/')), 'media/ is packaged');
  const unwanted = files.filter((f) => /^(src|test|out[^/]*|node_modules|\.vscode-test|\.ci)\//.test(f) || f.endsWith('.ts') || f.endsWith('.map'));
  assert.deepEqual(unwanted, [], 'no sources, tests, maps or modules in the package');
});
