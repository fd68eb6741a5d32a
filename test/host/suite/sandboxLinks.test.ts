// What a person opens from the workbench against the emulator (the sandbox's situation): Open
// Page shows the emulator's view of the page, Page Files' Open in Browser serves the file, and
// Import File from URL takes an http link to the emulator's own sample file. What the workbench
// opens is followed the way it would open it (vscode.env.asExternalUri: its port mapping).
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { BrowseResult } from '../../../src/pageFiles/commands';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { children, getFixture, type Fixture } from './fixture';
import { Messages } from './messages';

type Env = { openExternal: unknown };
type Win = { showInputBox: unknown };

/** Records what the extension asks the workbench to open, instead of opening a browser. */
function captureOpened(): { opened: string[]; restore(): void } {
  const env = vscode.env as unknown as Env;
  const original = env.openExternal;
  const opened: string[] = [];
  env.openExternal = async (u: vscode.Uri | string) => {
    opened.push(typeof u === 'string' ? u : u.toString(true));
    return true;
  };
  return { opened, restore: () => void (env.openExternal = original) };
}

/** Fetches a link the way the workbench opens it: through its mapping of links to this machine. */
async function followAsWorkbench(link: string): Promise<Response> {
  const external = await vscode.env.asExternalUri(vscode.Uri.parse(link));
  return fetch(external.toString(true));
}

async function waitFor<T>(what: string, get: () => T | undefined, ms = 10_000): Promise<T> {
  for (let t = 0; t < ms; t += 50) {
    const v = get();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

suite('Links opened from the workbench (sandbox)', () => {
  let f: Fixture;
  suiteSetup(async () => {
    f = await getFixture();
  });

  test('Open Page opens the page’s own url: the emulator’s view of the page, showing the new image block', async () => {
    const pageId = f.emulator.seed.page({ title: 'Page View Target', cover: { type: 'external', external: { url: 'https://example.com/sky.jpg' } } }).id;
    f.emulator.setPageViewUrls(true);
    const messages = new Messages((m) => (m.buttons.includes('Open Page') ? 'Open Page' : undefined));
    const browser = captureOpened();
    try {
      const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.addBlock', { files: [f.file('png')], page: pageId });
      assert.equal(res?.uploads[0].ok, true, JSON.stringify(res));
      const url = await waitFor('Open Page', () => browser.opened[0]);
      assert.equal(url, `${f.emulator.url}/pages/${pageId.replace(/-/g, '')}`, 'the url the API gives the page, not a notion.so link that does not exist');
      const page = await followAsWorkbench(url);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<h1>Page View Target<\/h1>/);
      assert.match(html, /<img class="cover" src="https:\/\/example\.com\/sky\.jpg"/);
      assert.match(html, /<figure class="image"><img src="[^"]+\/files\//, 'the uploaded image is on the page');
    } finally {
      browser.restore();
      messages.restore();
      f.emulator.setPageViewUrls(false);
    }
  });

  test('Page Files: Open in Browser opens the file itself (the link the workbench opens serves its bytes)', async () => {
    const pageId = f.emulator.seed.page({ title: 'Open in Browser Page' }).id;
    const file = f.file('pdf');
    await f.api.upload(file, { pageId, as: 'block' });
    const browsed = await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', pageId);
    const row = browsed!.view.rows.find((r) => r.label.endsWith('.pdf'))!;
    const browser = captureOpened();
    try {
      assert.equal(await vscode.commands.executeCommand('notionAssets.pageFiles.openInBrowser', row.key), true);
      const link = browser.opened[0];
      assert.match(link, /\/files\/[0-9a-f-]{36}\/[^?]+\.pdf\?exp=\d+&sig=/);
      const res = await followAsWorkbench(link);
      assert.equal(res.status, 200, `${res.status} ${await res.clone().text().catch(() => '')}`);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      const got = createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex');
      assert.equal(got, createHash('sha256').update(fs.readFileSync(file.fsPath)).digest('hex'));
    } finally {
      browser.restore();
    }
  });

  test('Import File from URL takes an http link to the emulator’s own file host while the API is on this machine', async () => {
    const sample = f.emulator.addSample('diagram.png', 'image/png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const win = vscode.window as unknown as Win;
    const original = win.showInputBox;
    let verdict: string | undefined | null = null;
    win.showInputBox = async (o: vscode.InputBoxOptions) => {
      verdict = (await o.validateInput?.(sample)) as string | undefined;
      return sample;
    };
    try {
      const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.importFromUrl', { page: f.pages.blocks, placement: 'block' });
      assert.equal(verdict, undefined, 'the URL box accepts the http link');
      assert.equal(res?.uploads[0].ok, true, JSON.stringify(res));
      const rec = f.api.listUploads().find((r) => r.fileUploadId === res!.uploads[0].fileUploadId)!;
      assert.equal(rec.state, 'attached');
      assert.ok((await children(f, f.pages.blocks)).some((b) => b.type === 'image'), 'an image block');

      // The same box against Notion itself refuses http (Notion fetches only https).
      await vscode.workspace.getConfiguration('notionAssets').update('apiBaseUrl', 'https://api.notion.com', vscode.ConfigurationTarget.Global);
      win.showInputBox = async (o: vscode.InputBoxOptions) => {
        verdict = (await o.validateInput?.(sample)) as string | undefined;
        return undefined;
      };
      await vscode.commands.executeCommand('notionAssets.importFromUrl', { page: f.pages.blocks, placement: 'block' });
      assert.equal(verdict, 'Notion accepts https URLs only');
    } finally {
      win.showInputBox = original;
      await vscode.workspace.getConfiguration('notionAssets').update('apiBaseUrl', f.emulator.url, vscode.ConfigurationTarget.Global);
    }
  });
});
