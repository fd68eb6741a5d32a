// What `npm run package` puts into the .vsix, as `vsce ls` reports it (the same file list
// vsce packs): the two bundles, media, README, CHANGELOG, LICENSE; no sources, tests or modules;
// and that `npm run package` passes vsce without a warning.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');

test('the package holds the bundles, media and docs, and no sources, tests or node_modules', () => {
  assert.ok(fs.existsSync(path.join(root, 'dist', 'extension.js')), 'build first: dist/extension.js');
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n').map((l) => l.trim()).filter(Boolean);
  for (const must of ['package.json', 'package.nls.json', 'package.nls.de.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/core.js']) {
    assert.ok(files.includes(must), `${must} is packaged (got: ${files.join(', ')})`);
  }
  assert.ok(files.some((f) => f.startsWith('media/')), 'media/ is packaged');
  const unwanted = files.filter((f) => /^(src|test|out[^/]*|node_modules|\.vscode-test|\.ci)\//.test(f) || f.endsWith('.ts') || f.endsWith('.map'));
  assert.deepEqual(unwanted, [], 'no sources, tests, maps or modules in the package');
});

test('npm run package writes a .vsix with zero warnings from vsce, bypassing none of its checks', () => {
  const script: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.package;
  // --allow-missing-repository, --allow-star-activation, --allow-unused-files-pattern…: each hides a warning.
  assert.doesNotMatch(script, /--allow-/, `the package script bypasses none of vsce's checks: ${script}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notion-assets-vsix-'));
  try {
    const out = path.join(dir, 'notion-assets.vsix');
    const env = { ...process.env };
    delete env.GITHUB_ACTIONS; // there vsce writes warnings to stdout as ::warning:: lines
    // stdin closed: a warning that asks "continue? [y/N]" aborts instead of waiting.
    const r = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: root, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, `npm run package failed:\n${output}`);
    const warnings = output.split('\n').filter((l) => /\bWARNING\b|::warning::/i.test(l));
    assert.deepEqual(warnings, [], `vsce warned:\n${output}`);
    const zip = fs.readFileSync(out);
    assert.equal(zip.readUInt32LE(0), 0x04034b50, 'the .vsix is a zip archive');
    assert.ok(zip.includes(Buffer.from('extension/dist/core.js')), 'it holds the core bundle');
    assert.ok(zip.includes(Buffer.from('extension/media/icon.png')), 'it holds the Marketplace icon');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
