// The Marketplace and Open VSX listing: icon, links, banner, categories, keywords, Q&A, and the
// manifest rules Open VSX checks when an extension is published. `ovsx` (npm, 1.4) has no offline
// verification — its only local checks are publisher/name/version present and a license; the rest
// runs on the server (eclipse/openvsx, server/…/ExtensionValidator.java) — so those rules are
// restated here, each named after the check it mirrors.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
// As vsce and Open VSX read it: `%key%` values resolved from package.nls.json.
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'), (_k, v) => {
  const m = typeof v === 'string' ? /^%([\w.]+)%$/.exec(v) : null;
  return m ? nls[m[1]] ?? v : v;
});

/** Width and height from a PNG's IHDR chunk (it always comes first). */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  assert.ok(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} is a PNG`);
  assert.equal(b.toString('latin1', 12, 16), 'IHDR', `${file} starts with its IHDR chunk`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Open VSX `isInvalidURL`: absolute, and http(s) URLs need a host; a leading `git+` is dropped. */
function isOpenVsxUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  try {
    const u = new URL(value.replace(/^git\+/, ''));
    return !/^https?:$/.test(u.protocol) || u.hostname !== '';
  } catch {
    return false;
  }
}

function urlOf(field: unknown): unknown {
  return typeof field === 'object' && field !== null ? (field as { url?: unknown }).url : field;
}

test('the icon is a 128×128 PNG under media/, drawn with the paths of the activity-bar icon', () => {
  assert.equal(typeof manifest.icon, 'string', 'package.json names an icon');
  assert.match(manifest.icon, /^media\/.+\.png$/, 'a PNG under media/ (vsce refuses SVG icons)');
  assert.deepEqual(pngSize(path.join(root, manifest.icon)), { width: 128, height: 128 });
  const pathsOf = (svg: string) => [...fs.readFileSync(path.join(root, 'media', svg), 'utf8').matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
  const source = pathsOf('notion-assets.svg');
  assert.ok(source.length > 0, 'media/notion-assets.svg has paths');
  assert.deepEqual(pathsOf('icon.svg'), source, 'media/icon.svg (what icon.png is rendered from) draws the same shapes');
});

test('repository, bugs and homepage point at one repository; galleryBanner and qna are set', () => {
  const repo = String(urlOf(manifest.repository)).replace(/\.git$/, '');
  assert.match(repo, /^https:\/\/github\.com\/[^/]+\/[^/]+$/, 'repository is a GitHub https URL');
  assert.equal(urlOf(manifest.bugs), `${repo}/issues`);
  assert.equal(manifest.homepage, `${repo}#readme`);
  assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-fA-F]{6}$/, 'galleryBanner.color is a hex colour');
  assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme), 'galleryBanner.theme is dark or light');
  assert.ok(manifest.qna === false || manifest.qna === 'marketplace' || isOpenVsxUrl(manifest.qna), 'qna: false, "marketplace" or a link');
});

test('categories are ones the Marketplace accepts; keywords are what a person would search for', () => {
  // The allowed list of the VS Code extension manifest reference (code.visualstudio.com/api/references/extension-manifest).
  const allowed = ['Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps',
    'SCM Providers', 'Other', 'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization',
    'Notebooks', 'Education', 'Testing', 'AI', 'Chat', 'Azure'];
  assert.ok(Array.isArray(manifest.categories) && manifest.categories.length > 0, 'categories are set');
  assert.deepEqual(manifest.categories.filter((c: string) => !allowed.includes(c)), [], 'no unknown category');
  const keywords: string[] = manifest.keywords;
  assert.ok(keywords.length >= 5 && keywords.length <= 30, `5–30 keywords (the Marketplace keeps 30), got ${keywords.length}`);
  assert.equal(new Set(keywords.map((k) => k.toLowerCase())).size, keywords.length, 'no keyword twice');
  for (const k of ['notion', 'upload', 'image upload', 'screenshot', 'pdf']) assert.ok(keywords.includes(k), `keyword "${k}"`);
});

test('Open VSX: the manifest passes the rules ovsx and the registry check at publish', () => {
  const issues: string[] = [];
  const check = (ok: boolean, rule: string) => { if (!ok) issues.push(rule); };
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  // Control, format, unassigned, private-use and line/paragraph separators (Java's Character types).
  const badChars = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\u2028\u2029]/u;
  // ovsx validateManifest + checkLicense
  for (const f of ['publisher', 'name', 'version']) check(!!manifest[f], `ovsx validateManifest: "${f}" is required`);
  check(!!manifest.license || fs.existsSync(path.join(root, 'LICENSE')), 'ovsx checkLicense: a license or a LICENSE file');
  // ExtensionValidator
  const namePattern = /^[\w\-+$~]+$/;
  check(namePattern.test(manifest.publisher) && manifest.publisher.length <= 255, 'validateNamespace: publisher matches [\\w\\-\\+\\$~]+, ≤ 255');
  check(namePattern.test(manifest.name) && manifest.name.length <= 255, 'validateExtensionName: name matches [\\w\\-\\+\\$~]+, ≤ 255');
  check(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(manifest.version), 'checkVersion: semantic version');
  check(!['latest', 'pre-release', 'reviews'].includes(manifest.version), 'checkVersion: not a reserved version');
  check(!badChars.test(text(manifest.displayName)) && text(manifest.displayName).length <= 255, 'validateDisplayName: ≤ 255, no control characters');
  check(!badChars.test(text(manifest.description).replace(/\u200d/g, '')) && text(manifest.description).length <= 2048, 'validateDescription: ≤ 2048, no control characters');
  for (const [field, values] of [['categories', manifest.categories], ['keywords', manifest.keywords]] as const) {
    for (const v of values ?? []) check(!badChars.test(v) && v.length <= 255, `checkCharacters/checkFieldSize: ${field} "${v}"`);
  }
  check(!badChars.test(text(manifest.license)) && text(manifest.license).length <= 255, 'license: ≤ 255, no control characters');
  for (const field of ['homepage', 'repository', 'bugs']) {
    const v = urlOf(manifest[field]);
    if (v !== undefined) check(isOpenVsxUrl(v) && String(v).length <= 255, `checkURL: ${field} is an absolute URL, ≤ 255`);
  }
  if (manifest.markdown !== undefined) check(['github', 'standard'].includes(manifest.markdown), 'markdown: github or standard');
  const banner = manifest.galleryBanner ?? {};
  check(!badChars.test(text(banner.color)) && text(banner.color).length <= 16, 'galleryBanner.color: ≤ 16 characters');
  if (banner.theme !== undefined) check(['dark', 'light'].includes(banner.theme), 'galleryBanner.theme: dark or light');
  if (manifest.qna !== undefined) {
    const qna = String(manifest.qna);
    check(['marketplace', 'false'].includes(qna) || isOpenVsxUrl(qna), 'qna: marketplace, false or a URL');
    check(qna.length <= 255, 'qna: ≤ 255');
  }
  assert.deepEqual(issues, [], 'Open VSX rules broken');
});
