// Runtime strings are localized as VS Code extensions do it: src/ calls vscode.l10n.t (or
// @vscode/l10n's l10n.t where vscode cannot be imported), `npm run l10n` extracts them into
// l10n/bundle.l10n.json, and l10n/bundle.l10n.de.json words each in German. Fails when the
// checked-in bundle is stale (a string added, changed or removed in src/ without `npm run l10n`)
// or when German lacks a key, has one English no longer uses, or drops a placeholder.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const readJson = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(file, 'utf8'));
const en = readJson(path.join(root, 'l10n', 'bundle.l10n.json'));
const de = readJson(path.join(root, 'l10n', 'bundle.l10n.de.json'));

/** The keys of `a` that `b` lacks, one per line for a readable failure. */
const lacking = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).filter((k) => !(k in b));
const listed = (keys: string[]) => keys.map((k) => `\n  ${JSON.stringify(k)}`).join('');

test('l10n/bundle.l10n.json is what `npm run l10n` extracts from src/ now', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'l10n-export-'));
  try {
    const cli = path.join(path.dirname(require.resolve('@vscode/l10n-dev/package.json', { paths: [root] })), 'dist', 'cli.js');
    execFileSync(process.execPath, [cli, 'export', '--outDir', out, './src'], { cwd: root, stdio: 'pipe' });
    const fresh = readJson(path.join(out, 'bundle.l10n.json'));
    assert.ok(Object.keys(fresh).length > 300, `extracted ${Object.keys(fresh).length} strings from src/`);
    const missing = lacking(fresh, en);
    const unused = lacking(en, fresh);
    assert.deepEqual([missing.length, unused.length], [0, 0],
      `l10n/bundle.l10n.json is stale: run \`npm run l10n\` and word the new keys in l10n/bundle.l10n.de.json.` +
      `\nKeys src/ uses that the bundle lacks (${missing.length}):${listed(missing)}` +
      `\nKeys of the bundle src/ no longer uses (${unused.length}):${listed(unused)}`);
    assert.deepEqual(en, fresh, 'each English value is its key');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('German words every English key and no other', () => {
  const missing = lacking(en, de);
  const extra = lacking(de, en);
  assert.deepEqual([missing.length, extra.length], [0, 0],
    `l10n/bundle.l10n.de.json: keys without German (${missing.length}):${listed(missing)}` +
    `\nGerman keys English no longer has (${extra.length}):${listed(extra)}`);
  const empty = Object.keys(de).filter((k) => typeof de[k] !== 'string' || !de[k].trim());
  assert.deepEqual(empty, [], 'German strings that are empty');
});

test('German keeps each English placeholder, codicon and setting name', () => {
  const kept = (s: string) => [...s.matchAll(/\{\w+\}|\$\([\w-]+\)|notionAssets\.[\w.]+|NOTION_ASSETS_TOKEN|`[^`]+`/g)].map((m) => m[0]).sort();
  const differ = Object.keys(en).filter((k) => k in de && JSON.stringify(kept(de[k])) !== JSON.stringify(kept(k)));
  assert.deepEqual(differ.map((k) => `${k} → ${de[k]}`), [], 'German strings that drop or add a placeholder');
  const same = Object.keys(en).filter((k) => de[k] === k && /[a-z]{3,} [a-z]{3,}/.test(k));
  assert.deepEqual(same, [], 'sentences left in English in the German bundle');
});

test('each walkthrough page has a German <name>.nls.de.md keeping its code spans and links', () => {
  // VS Code's walkthrough reads media/x.nls.<language>.md before media/x.md (microsoft/vscode#123538).
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const pages: string[] = manifest.contributes.walkthroughs.flatMap((w: { steps: { media: { markdown?: string } }[] }) =>
    w.steps.flatMap((s) => (s.media.markdown ? [s.media.markdown] : [])));
  assert.ok(pages.length >= 4, `found ${pages.length} walkthrough pages`);
  const kept = (s: string) => [...s.matchAll(/`[^`]+`|\]\([^)]+\)/g)].map((m) => m[0]).sort();
  for (const page of pages) {
    const german = page.replace(/\.md$/, '.nls.de.md');
    assert.ok(fs.existsSync(path.join(root, german)), `${german} exists`);
    const en = fs.readFileSync(path.join(root, page), 'utf8');
    const de = fs.readFileSync(path.join(root, german), 'utf8');
    assert.deepEqual(kept(de), kept(en), `${german} keeps ${page}'s code spans and links`);
    assert.notEqual(de.split('\n')[0], en.split('\n')[0], `${german} is worded in German`);
  }
});
