// package.json is localized as VS Code extensions do it: every user-facing string is a
// `%key%`, worded in package.nls.json (English) and package.nls.de.json (German). Fails when a
// string is written in place, a key is missing from either language, or a key is unused.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(root, name), 'utf8'));
const manifest = read('package.json');
const LANGUAGES: Record<string, Record<string, string>> = { en: read('package.nls.json'), de: read('package.nls.de.json') };

/** Every string of package.json that a person reads in VS Code or the Marketplace, with where it is. */
function userFacing(): [string, unknown][] {
  const out: [string, unknown][] = [
    ['displayName', manifest.displayName],
    ['description', manifest.description],
    ['capabilities.untrustedWorkspaces.description', manifest.capabilities?.untrustedWorkspaces?.description],
    ['capabilities.virtualWorkspaces.description', manifest.capabilities?.virtualWorkspaces?.description],
  ];
  const c = manifest.contributes ?? {};
  for (const cmd of c.commands ?? []) {
    out.push([`command ${cmd.command} title`, cmd.title], [`command ${cmd.command} category`, cmd.category]);
    if (cmd.shortTitle !== undefined) out.push([`command ${cmd.command} shortTitle`, cmd.shortTitle]);
  }
  for (const s of c.submenus ?? []) out.push([`submenu ${s.id} label`, s.label]);
  for (const [where, list] of Object.entries<{ id: string; title: string }[]>(c.viewsContainers ?? {})) {
    for (const v of list) out.push([`viewsContainers.${where} ${v.id} title`, v.title]);
  }
  for (const list of Object.values<{ id: string; name: string; contextualTitle?: string }[]>(c.views ?? {})) {
    for (const v of list) {
      out.push([`view ${v.id} name`, v.name]);
      if (v.contextualTitle !== undefined) out.push([`view ${v.id} contextualTitle`, v.contextualTitle]);
    }
  }
  for (const w of c.viewsWelcome ?? []) out.push([`viewsWelcome ${w.view} (${w.when ?? 'always'})`, w.contents]);
  for (const conf of [c.configuration ?? []].flat()) {
    out.push(['configuration title', conf.title]);
    for (const [id, p] of Object.entries<Record<string, unknown>>(conf.properties ?? {})) {
      for (const f of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) {
        if (p[f] !== undefined) out.push([`setting ${id} ${f}`, p[f]]);
      }
      for (const f of ['enumDescriptions', 'markdownEnumDescriptions']) {
        for (const [i, d] of ((p[f] as unknown[]) ?? []).entries()) out.push([`setting ${id} ${f}[${i}]`, d]);
      }
    }
  }
  for (const w of c.walkthroughs ?? []) {
    out.push([`walkthrough ${w.id} title`, w.title], [`walkthrough ${w.id} description`, w.description]);
    for (const s of w.steps ?? []) out.push([`walkthrough step ${s.id} title`, s.title], [`walkthrough step ${s.id} description`, s.description]);
  }
  return out;
}

const KEY = /^%([\w.]+)%$/;

test('every user-facing string in package.json is a %key%', () => {
  const strings = userFacing();
  assert.ok(strings.length > 50, `found the manifest's strings (${strings.length})`);
  const inPlace = strings.filter(([, v]) => typeof v !== 'string' || !KEY.test(v)).map(([where, v]) => `${where}: ${JSON.stringify(v)}`);
  assert.deepEqual(inPlace, [], 'written in place: give each a key in package.nls.json and package.nls.de.json');
});

test('every key is worded in English and German, and every key is used', () => {
  const used = new Set<string>();
  JSON.stringify(manifest, (_k, v) => {
    const m = typeof v === 'string' ? KEY.exec(v) : null;
    if (m) used.add(m[1]);
    return v;
  });
  for (const [lang, table] of Object.entries(LANGUAGES)) {
    const missing = [...used].filter((k) => typeof table[k] !== 'string' || table[k].trim() === '');
    assert.deepEqual(missing, [], `keys package.json uses that ${lang} lacks`);
    const unused = Object.keys(table).filter((k) => !used.has(k));
    assert.deepEqual(unused, [], `keys of the ${lang} file that package.json does not use`);
  }
});

test('the German strings keep the English ones\' command links, setting names and code spans', () => {
  const en = LANGUAGES.en;
  const de = LANGUAGES.de;
  const kept = (s: string) => [...s.matchAll(/\(command:[\w.]+\)|`[^`]+`|https:\/\/[^\s)]+/g)].map((m) => m[0]).sort();
  for (const k of Object.keys(en)) assert.deepEqual(kept(de[k] ?? ''), kept(en[k]), `${k}: links and code spans`);
  const translated = Object.keys(en).filter((k) => de[k] !== en[k]);
  // Names stay as they are (Notion, Notion Assets, Uploads); everything else reads in German.
  assert.ok(translated.length >= Object.keys(en).length - 8, `German differs from English for ${translated.length} of ${Object.keys(en).length} keys`);
});
