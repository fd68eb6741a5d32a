// The Page Files view against the in-process emulator: Browse Files lists a seeded page's
// files (rows as the view renders them), Download writes byte-exact into the workspace,
// Copy Link always hands out a live link, Copy to Another Page works without a download.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NotionAssetsApi } from '../../../src/api';
import type { PageFilesApi } from '../../../src/pageFiles/register';
import type { BrowseResult } from '../../../src/pageFiles/commands';
import { children, getFixture, type Fixture } from './fixture';
import { Messages } from './messages';

const sha = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');

suite('Page Files view', () => {
  let f: Fixture;
  let pageId: string;
  let uploaded: { path: string; sha256: string; name: string };
  let result: BrowseResult;
  const workspace = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const row = (name: string) => result.view.rows.find((r) => r.label === name)!;

  suiteSetup(async () => {
    f = await getFixture();
    pageId = f.emulator.seed.page({
      title: 'Files Page',
      cover: { type: 'external', external: { url: 'https://example.com/covers/sky.jpg' } },
    }).id;
    const pdf = f.file('pdf');
    uploaded = { path: pdf.fsPath, sha256: sha(pdf.fsPath), name: path.basename(pdf.fsPath) };
    await f.api.upload(pdf, { pageId, as: 'block' });
    const [toggle] = f.emulator.seed.blocks(pageId, [
      { type: 'toggle', toggle: { rich_text: [{ type: 'text', text: { content: 'More' } }] } },
    ]).ids;
    f.emulator.seed.blocks(toggle, [{ type: 'video', video: { type: 'external', external: { url: 'https://example.com/media/demo.mp4' } } }]);
    f.emulator.seed.blocks(pageId, [{ type: 'bookmark', bookmark: { url: 'https://example.com/blog/post', caption: [] } }]);
    result = (await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', pageId))!;
  });

  test('Browse Files on Page lists every file with where it sits, its kind and its link expiry', () => {
    assert.ok(result, 'the command returned a result');
    assert.equal(result.state, 'done');
    assert.equal(result.pageId, pageId);
    assert.deepEqual(result.view.rows.map((r) => r.label), ['sky.jpg', uploaded.name, 'demo.mp4', 'post']);
    assert.equal(row('sky.jpg').description, 'cover · external link');
    const expiry = result.files.find((x) => x.name === uploaded.name)!.expiryTime!;
    const minutes = Math.ceil((Date.parse(expiry) - Date.now()) / 60_000);
    assert.match(row(uploaded.name).description, new RegExp(`^pdf block · our upload · link expires in (${minutes}|${minutes + 1}) min$`));
    assert.equal(row('demo.mp4').description, 'video block · external link');
    assert.equal(row(uploaded.name).contextValue, 'pageFile.upload.file.block');
    assert.equal(row('sky.jpg').contextValue, 'pageFile.external.file', 'a cover is a file but not a block (no Replace File)');
    assert.equal(row('post').contextValue, 'pageFile.external.link', 'bookmarks are links, not downloadable files');
    assert.equal(result.view.message, '4 files on “Files Page”.');
  });

  test('Browse Files from an Uploads view item opens the page it was attached to', async () => {
    const record = f.api.listUploads().find((r) => r.attachments.some((a) => a.pageId === pageId))!;
    assert.ok(record, 'the upload is in the history');
    const again = await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', record.key);
    assert.equal(again?.pageId, pageId);
    assert.deepEqual(again.view.rows.map((r) => r.label), result.view.rows.map((r) => r.label));
  });

  test('Download writes the file into the workspace, byte-exact, and never overwrites silently', async () => {
    const key = row(uploaded.name).key;
    const target = path.join(workspace(), uploaded.name);
    try {
      const res = await vscode.commands.executeCommand<{ path: string; sha256: string }>('notionAssets.pageFiles.download', key, { folder: workspace() });
      assert.ok(res, 'download returned a result');
      assert.equal(res.path, target);
      assert.equal(sha(target), uploaded.sha256);
      assert.equal(res.sha256, uploaded.sha256);

      fs.writeFileSync(target, 'local edits');
      const refused = await vscode.commands.executeCommand('notionAssets.pageFiles.download', key, { folder: workspace(), overwrite: false });
      assert.equal(refused, undefined);
      assert.equal(fs.readFileSync(target, 'utf8'), 'local edits');
      assert.deepEqual(fs.readdirSync(workspace()).filter((n) => n.endsWith('.part')), [], 'no temp file left');
    } finally {
      fs.rmSync(target, { force: true });
    }
  });

  test('Copy Link gives a link that works now, renewed when the file host refuses the held one', async () => {
    const key = row(uploaded.name).key;
    const first = await vscode.commands.executeCommand<string>('notionAssets.pageFiles.copyLink', key);
    assert.equal(await vscode.env.clipboard.readText(), first);
    assert.equal((await fetch(first!)).status, 200);
    // The held link is refused once (as an expired one is; the shared emulator's clock is left alone).
    f.emulator.faults.arm({ method: 'GET', path: /^\/files\//, status: 403 });
    const second = await vscode.commands.executeCommand<string>('notionAssets.pageFiles.copyLink', key);
    assert.notEqual(second, first);
    assert.equal(await vscode.env.clipboard.readText(), second);
    const res = await fetch(second!);
    assert.equal(res.status, 200);
    assert.equal(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex'), uploaded.sha256);
  });

  test('Copy to Another Page attaches the file there without a download', async () => {
    const key = row(uploaded.name).key;
    const target = f.emulator.seed.page({ title: 'Copy Target' }).id;
    const messages = new Messages();
    try {
      const res = await vscode.commands.executeCommand<{ how: string }>('notionAssets.pageFiles.copyToPage', key, { page: target, placement: 'block' });
      assert.ok(res, 'copy returned a result');
      assert.equal(res.how, 'reattached', 'our own upload is attached again by id');
      const [block] = await children(f, target);
      assert.equal(block.type, 'pdf');
      // Said the way the upload commands say it, with the same way to the page.
      const said = await messages.waitFor(/was copied to/);
      assert.equal(said.text, `"${uploaded.name}" was copied to "Copy Target" as a PDF block.`);
      assert.deepEqual(said.buttons, ['Open Page']);
    } finally {
      messages.restore();
    }
  });

  test('the exported API lists the same files and downloads them', async () => {
    const files = (f.api as NotionAssetsApi & { files: PageFilesApi }).files;
    const listed = await files.listFiles(`https://www.notion.so/Files-Page-${pageId.replace(/-/g, '')}`);
    assert.deepEqual(listed.map((x) => x.name), result.view.rows.map((r) => r.label));
    const dir = fs.mkdtempSync(path.join(f.dir, 'api-'));
    const res = await files.download(listed.find((x) => x.name === uploaded.name)!, dir);
    assert.equal(sha(res.path), uploaded.sha256);
  });
  test('an upload to the page the view shows re-reads the page by itself (no Refresh, no polling)', async () => {
    const walks = () => f.emulator.requests.filter((r) => r.method === 'GET' && r.path.replace(/-/g, '').includes(`/v1/blocks/${pageId.replace(/-/g, '')}/children`)).length;
    // Nothing re-reads the page while nothing changes on it.
    const idle = walks();
    await f.api.upload(f.file('png'), { pageId: f.pages.second, as: 'block' });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(walks(), idle, 'an upload to another page does not re-read this one');
    const png = f.file('png');
    const res = await vscode.commands.executeCommand<{ error?: string }>('notionAssets.addBlock', { files: [png], page: pageId });
    assert.equal(res?.error, undefined, res?.error);
    for (let i = 0; i < 200 && walks() === idle; i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(walks() > idle, 'the page was read again after the upload');
  });
});
