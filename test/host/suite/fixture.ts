// Shared setup for the extension's host suites: one emulator on 127.0.0.1, the extension
// pointed at it through its user (application-scoped) setting, a token stored through the
// real Set Token command, seeded pages and small files of each kind on disk.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_TOKEN, startEmulator, type Emulator } from '../../emulator';
import type { NotionAssetsApi } from '../../../src/api';

export const EXTENSION_ID = 'notion-assets.notion-assets';
export { DEFAULT_TOKEN };

export interface Fixture {
  emulator: Emulator;
  api: NotionAssetsApi;
  dir: string;
  pages: { cover: string; icon: string; blocks: string; second: string; unshared: string; dbPage: string; database: string };
  /** A fresh copy of a fixture file under a unique name (so dedupe does not kick in unless wanted). */
  file(ext: string, content?: Buffer | string): vscode.Uri;
}

let fixture: Promise<Fixture> | undefined;

/** Bytes that look like each kind (the emulator checks types by extension and content type). */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const CONTENT: Record<string, Buffer | string> = {
  png: PNG,
  jpg: Buffer.from('ffd8ffe000104a46494600', 'hex'),
  pdf: '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
  mp4: Buffer.from('0000001866747970697336000000000069736f6d', 'hex'),
  mp3: Buffer.from('4944330300000000000f', 'hex'),
  txt: 'plain text notes\n',
  md: '# not supported by Notion\n',
};

let counter = 0;

export function getFixture(): Promise<Fixture> {
  return (fixture ??= (async () => {
    const emulator = await startEmulator({ rateLimit: { enabled: false }, allowHttpImports: true });
    const other = emulator.addToken('secret_other_integration_token', { name: 'Other bot' });
    await vscode.workspace.getConfiguration('notionAssets').update('apiBaseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('notionAssets').update('dedupe', true, vscode.ConfigurationTarget.Global);
    const ext = vscode.extensions.getExtension<NotionAssetsApi>(EXTENSION_ID)!;
    const api = await ext.activate();
    const info = await vscode.commands.executeCommand<{ botName: string } | undefined>('notionAssets.setToken', { token: DEFAULT_TOKEN });
    if (!info) throw new Error('the emulator token was not accepted by Set Token');
    const root = emulator.seed.page({ title: 'Host Tests' });
    const database = emulator.seed.database({ title: 'Assets DB', parentPageId: root.id, properties: { Name: 'title', Attachments: 'files', Notes: 'rich_text' } });
    const pages = {
      cover: emulator.seed.page({ title: 'Cover Page', parentPageId: root.id }).id,
      icon: emulator.seed.page({ title: 'Icon Page', parentPageId: root.id }).id,
      blocks: emulator.seed.page({ title: 'Blocks Page', parentPageId: root.id }).id,
      second: emulator.seed.page({ title: 'Second Page', parentPageId: root.id }).id,
      // Shared with another integration only: ours gets 404, as for a page not shared with it.
      unshared: emulator.seed.page({ title: 'Private Page', sharedWith: ['secret_other_integration_token'] }).id,
      dbPage: emulator.seed.databasePage(database.id, { title: 'Row 1' }).id,
      database: database.id,
    };
    void other;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notion-assets-host-files-'));
    const file = (ext: string, content?: Buffer | string) => {
      const p = path.join(dir, `file-${++counter}-${Date.now().toString(36)}.${ext}`);
      // Unique bytes per file unless content is given: dedupe must not merge unrelated tests.
      fs.writeFileSync(p, content ?? Buffer.concat([Buffer.from(CONTENT[ext] ?? 'x'), Buffer.from(`\n${p}\n`)]));
      return vscode.Uri.file(p);
    };
    return { emulator, api, dir, pages, file };
  })());
}

/** What the emulator now returns for a page (as the API would). */
export function pageJson(f: Fixture, id: string): Record<string, any> {
  return f.emulator.getPageJson(id) as Record<string, any>;
}

/** Children of a block/page through the API, as the emulator answers them. */
export async function children(f: Fixture, id: string): Promise<Record<string, any>[]> {
  const res = await fetch(`${f.emulator.url}/v1/blocks/${id}/children?page_size=100`, {
    headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Notion-Version': '2025-09-03' },
  });
  return ((await res.json()) as { results: Record<string, any>[] }).results;
}

export function countRequests(f: Fixture, method: string, pathRe: RegExp): number {
  return f.emulator.requests.filter((r) => r.method === method && pathRe.test(r.path)).length;
}
