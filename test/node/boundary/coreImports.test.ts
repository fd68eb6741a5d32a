// src/core runs under plain Node and is the network bundle: every import of a core file stays
// inside src/core, or names a Node built-in or one of the runtime dependencies.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CORE = path.join(ROOT, 'src', 'core');
// @vscode/l10n words the core's messages (README, Localization): made for code outside the extension API.
const ALLOWED_PACKAGES = new Set(['undici', 'mime-types', '@vscode/l10n']);

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every import/require/export-from specifier of a source text; `import type` ones are marked. */
function specifiers(source: string): { spec: string; typeOnly: boolean }[] {
  const re = /(^\s*import\s+type\b[^;]*?)?(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\2/gm;
  return [...source.matchAll(re)].map((m) => ({ spec: m[3], typeOnly: !!m[1] }));
}

/** What a core file at `file` imports that breaks the boundary. */
export function violations(file: string, source: string): string[] {
  return specifiers(source).filter(({ spec, typeOnly }) => {
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      return target !== CORE && !target.startsWith(CORE + path.sep);
    }
    if (spec.startsWith('node:')) return false;
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    // The SDK's .d.ts describe Notion's shapes: allowed as types, never as code.
    return !(ALLOWED_PACKAGES.has(pkg) || (typeOnly && pkg === '@notionhq/client'));
  }).map((s) => s.spec);
}

test('the check itself catches vscode, a VS Code-side module and an unlisted package', () => {
  const file = path.join(CORE, 'upload', 'x.ts');
  assert.deepEqual(violations(file, "import * as vscode from 'vscode';\nimport { Log } from '../../common/log';\n" +
    "import { a } from './attach';\nimport type { X } from '@notionhq/client/build/src';\nimport { Client } from '@notionhq/client';\nimport { readFile } from 'node:fs/promises';\nimport { Pool } from 'undici';\nconst l = require('lodash');"),
  ['vscode', '../../common/log', '@notionhq/client', 'lodash']);
});

test('no file in src/core imports from outside src/core (only node:, undici, mime-types, @vscode/l10n)', () => {
  const files = tsFiles(CORE);
  assert.ok(files.length > 30, `found ${files.length} core files`);
  const bad = files.flatMap((f) => violations(f, fs.readFileSync(f, 'utf8')).map((s) => `${path.relative(ROOT, f)} imports '${s}'`));
  assert.deepEqual(bad, []);
});
