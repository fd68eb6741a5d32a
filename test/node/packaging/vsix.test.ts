// What `npm run package` puts into the .vsix, as `vsce ls` reports it (the same file list
// vsce packs): the two bundles, media, README, CHANGELOG, LICENSE; no sources, tests or modules.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

test('npm run package writes a .vsix', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notion-assets-vsix-'));
  try {
    const out = path.join(dir, 'notion-assets.vsix');
    execFileSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    const zip = fs.readFileSync(out);
    assert.equal(zip.readUInt32LE(0), 0x04034b50, 'the .vsix is a zip archive');
    assert.ok(zip.includes(Buffer.from('extension/dist/core.js')), 'it holds the core bundle');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
