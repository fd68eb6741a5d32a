// Replace a File on Page…, New Page from File…, Add as Comment on Page and Page Files'
// Replace File…, each run with arguments against the emulator (and Replace File also as a
// person would: pick a file, answer the confirmReplace question), checked on Notion's side.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BrowseResult } from '../../../src/pageFiles/commands';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { toTreeItem } from '../../../src/uploadsView/item';
import { ReplaceDropController } from '../../../src/pageFiles/view';
import { children, countRequests, DEFAULT_TOKEN, getFixture, pageJson, type Fixture } from './fixture';
import { Messages } from './messages';

function run(command: string, ...args: unknown[]): Thenable<UploadCommandResult | undefined> {
  return vscode.commands.executeCommand<UploadCommandResult | undefined>(command, ...args);
}

function allOk(res: UploadCommandResult | undefined, count: number): UploadCommandResult['uploads'] {
  assert.ok(res, 'the command returned a result');
  assert.equal(res.error, undefined, `no error: ${res.error}`);
  assert.equal(res.uploads.length, count);
  for (const u of res.uploads) assert.equal(u.ok, true, u.error);
  return res.uploads;
}

async function comments(f: Fixture, pageId: string): Promise<Record<string, any>[]> {
  const res = await fetch(`${f.emulator.url}/v1/comments?block_id=${pageId}`, { headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Notion-Version': '2025-09-03' } });
  return ((await res.json()) as { results: Record<string, any>[] }).results;
}

const uploadIdIn = (fileObject: Record<string, any>) => /\/files\/([0-9a-f-]{36})\//.exec(fileObject.file?.url ?? '')?.[1];

suite('Replace, new pages and comments (commands with arguments)', () => {
  let f: Fixture;
  let messages: Messages;
  suiteSetup(async () => {
    f = await getFixture();
  });
  setup(() => (messages = new Messages()));
  teardown(() => messages.restore());

  const imageBlockOn = (pageId: string, url = 'https://example.com/img/old-diagram.png') =>
    f.emulator.seed.blocks(pageId, [{ type: 'image', image: { type: 'external', external: { url }, caption: [{ type: 'text', text: { content: 'Figure 1' } }] } }]).ids[0];

  test('Add as Comment on Page: four files become two comments with the text; the result names them', async () => {
    const page = f.emulator.seed.page({ title: 'Comment Page' }).id;
    const files = [f.file('png'), f.file('pdf'), f.file('mp4'), f.file('jpg')];
    const ups = allOk(await run('notionAssets.addComment', { files: files.map((u) => u.fsPath), page, comment: 'Build screenshots' }), 4);
    const list = await comments(f, page);
    assert.deepEqual(list.map((c) => c.rich_text[0].plain_text), ['Build screenshots (1/2)', 'Build screenshots (2/2)']);
    assert.deepEqual(list.map((c) => c.attachments.length), [3, 1]);
    assert.deepEqual(ups.map((u) => u.commentId), [list[0].id, list[0].id, list[0].id, list[1].id]);
    await messages.waitFor(/4 files were added to "Comment Page" as comment attachments \(2 comments\)/);
  });

  test('Upload to Notion with placement "comment" (scripting); without text it is refused before any request', async () => {
    const page = f.emulator.seed.page({ title: 'Scripted Comment' }).id;
    const before = f.emulator.requests.length;
    const refused = await run('notionAssets.upload', { files: [f.file('png').fsPath], page, placement: 'comment' });
    assert.match(refused?.error ?? '', /needs text/);
    assert.equal(f.emulator.requests.filter((r, i) => i >= before && r.method !== 'GET').length, 0, 'no write reached Notion');
    const [u] = allOk(await run('notionAssets.upload', { files: [f.file('pdf').fsPath], page, placement: 'comment', comment: 'The spec' }), 1);
    const [c] = await comments(f, page);
    assert.equal(c.id, u.commentId);
    assert.equal(c.attachments[0].category, 'pdf');
  });

  test('Add as Comment on an unshared page: refused before anything uploads', async () => {
    const uploadsBefore = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    const res = await run('notionAssets.addComment', { files: [f.file('png').fsPath], page: f.pages.unshared, comment: 'hi' });
    assert.match(res?.error ?? '', /Connections/);
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), uploadsBefore);
  });

  test('New Page from File under a page: titled after the file, the image as first block and cover', async () => {
    const parent = f.emulator.seed.page({ title: 'New Pages Parent' }).id;
    const png = f.file('png');
    const [u] = allOk(await run('notionAssets.newPage', png, [png], { page: parent }), 1);
    assert.ok(u.createdPageId);
    const created = pageJson(f, u.createdPageId!);
    assert.equal(created.parent.page_id, parent);
    assert.equal(created.properties.title.title[0].plain_text, path.basename(png.fsPath));
    assert.equal(uploadIdIn(created.cover), u.fileUploadId);
    const [block] = await children(f, u.createdPageId!);
    assert.equal(block.type, 'image');
    assert.equal(uploadIdIn(block.image), u.fileUploadId);
  });

  test('New Page from File as a database entry: the file in the chosen files property; "one" page for two files', async () => {
    const [u] = allOk(await run('notionAssets.newPage', { files: [f.file('pdf').fsPath], page: f.pages.database, property: 'Attachments' }), 1);
    const entry = pageJson(f, u.createdPageId!);
    assert.equal(entry.parent.type, 'data_source_id');
    assert.equal(entry.properties.Attachments.files.length, 1);
    assert.equal(uploadIdIn(entry.properties.Attachments.files[0]), u.fileUploadId);
    const two = allOk(await run('notionAssets.upload', { files: [f.file('pdf').fsPath, f.file('mp3').fsPath], page: f.pages.database, placement: 'newPage', pages: 'one', title: 'Release 1.2' }), 2);
    assert.equal(two[0].createdPageId, two[1].createdPageId, 'one page holds both');
    const held = pageJson(f, two[0].createdPageId!);
    assert.equal(held.properties.Name.title[0].plain_text, 'Release 1.2');
    assert.deepEqual((await children(f, two[0].createdPageId!)).map((b) => b.type), ['pdf', 'audio']);
    const each = allOk(await run('notionAssets.newPage', { files: [f.file('pdf').fsPath, f.file('png').fsPath], page: f.pages.database }), 2);
    assert.notEqual(each[0].createdPageId, each[1].createdPageId, 'scripts get one page per file by default');
  });

  test('Replace a File on Page with page and block: the block holds the upload, caption kept, history names the old file', async () => {
    const block = imageBlockOn(f.pages.blocks);
    const png = f.file('png');
    const [u] = allOk(await run('notionAssets.replaceOnPage', png, [png], { page: f.pages.blocks, block }), 1);
    const [after] = (await children(f, f.pages.blocks)).filter((b) => b.id === block);
    assert.equal(uploadIdIn(after.image), u.fileUploadId);
    assert.equal(after.image.caption[0].plain_text, 'Figure 1');
    const rec = f.api.listUploads().find((r) => r.key === u.key)!;
    assert.deepEqual(rec.attachments.map((a) => [a.placement, a.blockId, a.replaced?.name, a.replaced?.kind]), [['replace', block, 'old-diagram.png', 'external']]);
    const tip = (toTreeItem(rec, Date.now()).tooltip as vscode.MarkdownString).value;
    assert.match(tip, /replacing “old\\-diagram\\.png” \(external\) in an image block/, 'the Uploads view names the replaced file');
  });

  test('Replace a File on Page: a PDF for an image block is refused before any write, naming the rule', async () => {
    const block = imageBlockOn(f.pages.blocks);
    const writes = () => f.emulator.requests.filter((r) => r.method !== 'GET').length;
    const before = writes();
    const res = await run('notionAssets.replaceOnPage', { files: [f.file('pdf').fsPath], page: f.pages.blocks, block });
    assert.equal(res?.uploads[0]?.ok, false);
    assert.match(res!.uploads[0].error ?? '', /cannot be an image block/);
    await messages.waitFor(/cannot be an image block/);
    assert.equal(writes(), before);
  });

  test('Page Files: Replace File on a listed block asks (confirmReplace), then replaces and lists the new file', async () => {
    const page = f.emulator.seed.page({ title: 'Replace In View' }).id;
    imageBlockOn(page, 'https://example.com/img/before.png');
    const listed = (await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', page))!;
    const row = listed.view.rows.find((r) => r.label === 'before.png')!;
    assert.equal(row.contextValue, 'pageFile.external.file.block');
    const png = f.file('png');
    const win = vscode.window as unknown as Record<string, unknown>;
    const original = win.showOpenDialog;
    win.showOpenDialog = async () => [png];
    try {
      messages.answerWith(() => undefined); // "Replace?" dismissed: nothing happens
      assert.equal(await vscode.commands.executeCommand('notionAssets.pageFiles.replaceFile', row.key), undefined);
      assert.match(messages.of('warning')[0]?.text ?? '', /Replace "before\.png" \(image block\) on .* with "file-/);
      assert.equal((await children(f, page))[0].image.type, 'external', 'not replaced after No');
      messages.answerWith((m) => (m.buttons.includes('Replace') ? 'Replace' : undefined));
      const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.pageFiles.replaceFile', row.key);
      const [u] = allOk(res, 1);
      assert.equal(uploadIdIn((await children(f, page))[0].image), u.fileUploadId);
    } finally {
      win.showOpenDialog = original;
    }
    const again = (await vscode.commands.executeCommand<BrowseResult>('notionAssets.pageFiles.refresh'))!;
    assert.deepEqual(again.view.rows.map((r) => r.label), [path.basename(png.fsPath)]);
  });

  test('Page Files: Replace File with a file argument (scripting) does not ask; a cover row is refused', async () => {
    const page = f.emulator.seed.page({ title: 'Replace Scripted', cover: { type: 'external', external: { url: 'https://example.com/c/cover.jpg' } } }).id;
    imageBlockOn(page, 'https://example.com/img/scripted.png');
    const listed = (await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', page))!;
    const key = (label: string) => listed.view.rows.find((r) => r.label === label)!.key;
    const [u] = allOk(await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.pageFiles.replaceFile', key('scripted.png'), { file: f.file('jpg').fsPath, caption: 'New figure' }), 1);
    const [block] = await children(f, page);
    assert.equal(uploadIdIn(block.image), u.fileUploadId);
    assert.equal(block.image.caption[0].plain_text, 'New figure');
    assert.equal(messages.of('warning').length, 0, 'no question for a script');
    await vscode.commands.executeCommand('notionAssets.pageFiles.replaceFile', key('cover.jpg'), { file: f.file('jpg').fsPath });
    await messages.waitFor(/only image, video, audio, pdf and file blocks/);
  });

  test('Page Files: a file dropped on a media item replaces it after the same question; several files or no item are refused', async () => {
    const page = f.emulator.seed.page({ title: 'Drop To Replace' }).id;
    imageBlockOn(page, 'https://example.com/img/dropped-on.png');
    const listed = (await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', page))!;
    const key = listed.view.rows.find((r) => r.label === 'dropped-on.png')!.key;
    let result: UploadCommandResult | undefined;
    // The controller the view uses, wired the way register.ts wires it.
    const drop = new ReplaceDropController(async (k, file) => {
      result = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.pageFiles.replaceFile', k, { file, confirm: true });
    });
    const transfer = (...uris: vscode.Uri[]) => {
      const dt = new vscode.DataTransfer();
      dt.set('text/uri-list', new vscode.DataTransferItem(uris.map((u) => u.toString()).join('\r\n')));
      return dt;
    };
    await drop.handleDrop(key, transfer(f.file('png'), f.file('jpg')));
    await messages.waitFor(/drop one file/);
    await drop.handleDrop(undefined, transfer(f.file('png')));
    await messages.waitFor(/Drop the file on the image/);
    assert.equal(result, undefined, 'nothing ran');
    messages.answerWith((m) => (m.buttons.includes('Replace') ? 'Replace' : undefined));
    const png = f.file('png');
    await drop.handleDrop(key, transfer(png));
    assert.match(messages.shown.find((m) => m.buttons.includes('Replace'))?.text ?? '', /Replace "dropped-on\.png"/, 'asked like a menu click');
    const [u] = allOk(result, 1);
    assert.equal(uploadIdIn((await children(f, page))[0].image), u.fileUploadId);
  });
});
