// Reuse by content must not change what the user sees: a copy of screenshot.png renamed
// "Design review – final.png" and added as a block is shown under its new name in Notion
// (Page Files) and has its own row in the Uploads view — as the user met it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BrowseResult } from '../../../src/pageFiles/commands';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { toTreeItem } from '../../../src/uploadsView/item';
import { countRequests, getFixture, type Fixture } from './fixture';
import { Messages } from './messages';

function addBlock(file: vscode.Uri, page: string): Thenable<UploadCommandResult | undefined> {
  return vscode.commands.executeCommand<UploadCommandResult>('notionAssets.addBlock', file, [file], { page });
}

suite('A renamed copy keeps its new name in Notion and in the Uploads view', () => {
  let f: Fixture;
  let messages: Messages;
  suiteSetup(async () => {
    f = await getFixture();
  });
  setup(() => (messages = new Messages()));
  teardown(() => messages.restore());

  /** The original and its renamed copy (same bytes) in a folder of their own. */
  const twins = (original: string, renamed: string, ext: string) => {
    const dir = fs.mkdtempSync(path.join(f.dir, 'renamed-'));
    const a = path.join(dir, original);
    fs.copyFileSync(f.file(ext).fsPath, a);
    const b = path.join(dir, renamed);
    fs.copyFileSync(a, b);
    return [vscode.Uri.file(a), vscode.Uri.file(b)];
  };
  const rowsFor = (file: vscode.Uri) => f.api.listUploads().filter((r) => r.source === file.fsPath).map((r) => toTreeItem(r, Date.now()));
  const listed = async (page: string) => ((await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', page))!).view.rows.map((r) => r.label);

  test('as an image block: Page Files shows "Design review – final.png", the notification and the Uploads view name it', async () => {
    const page = f.emulator.seed.page({ title: 'Design Review' }).id;
    const [shot, renamed] = twins('screenshot.png', 'Design review – final.png', 'png');
    assert.equal((await addBlock(shot, page))?.uploads[0]?.ok, true);
    const res = await addBlock(renamed, page);
    assert.equal(res?.uploads[0]?.ok, true, res?.uploads[0]?.error);
    await messages.waitFor(/"Design review – final\.png" was added to "Design Review"/);
    assert.deepEqual(await listed(page), ['screenshot.png', 'Design review – final.png']);
    const [row] = rowsFor(renamed);
    assert.equal(row?.label, 'Design review – final.png', 'a row for the file the user chose');
    assert.match(String(row.description), /attached/);
  });

  test('as a file block: the upload is reused (nothing sent), the block carries the new name, the new row points at the reused upload', async () => {
    const page = f.emulator.seed.page({ title: 'Minutes' }).id;
    const [notes, renamed] = twins('notes.txt', 'Minutes – final.txt', 'txt');
    const first = await addBlock(notes, page);
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    const second = await addBlock(renamed, page);
    assert.equal(second?.uploads[0]?.reused, true);
    assert.equal(second?.uploads[0]?.fileUploadId, first?.uploads[0]?.fileUploadId);
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates, 'nothing uploaded again');
    assert.deepEqual(await listed(page), ['notes.txt', 'Minutes – final.txt']);
    const rows = f.api.listUploads().filter((r) => r.fileUploadId === first?.uploads[0]?.fileUploadId);
    assert.deepEqual(rows.map((r) => r.filename).sort(), ['Minutes – final.txt', 'notes.txt']);
    assert.equal(rowsFor(renamed)[0]?.label, 'Minutes – final.txt');
  });
});
