// Add to Page as Block from an editor whose document has unsaved changes: asked first (Save
// and Upload / Upload Saved Version / Cancel) as VS Code's own commands do, and the result
// says which version was sent — checked on the bytes Notion received. Untitled documents are
// refused by name. Run as a person runs it: the editor's file, the page pasted in the picker.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { countRequests, getFixture, type Fixture } from './fixture';
import { Messages } from './messages';
import { answerPickers } from './personPicks';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const QUESTION = /has unsaved changes\. Save before uploading\?/;

suite('Unsaved changes are asked about before uploading', () => {
  let f: Fixture;
  let messages: Messages;
  // The web workbench of the host tier saves after a delay by default; a person with unsaved
  // changes has auto save off (VS Code desktop's default).
  const files = () => vscode.workspace.getConfiguration('files');
  suiteSetup(async () => {
    f = await getFixture();
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(() => files().update('autoSave', undefined, vscode.ConfigurationTarget.Global));
  setup(() => (messages = new Messages()));
  teardown(async () => {
    messages.restore();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  /** A .txt file open in an editor with a line typed and not saved. */
  async function dirtyFile(): Promise<{ uri: vscode.Uri; onDisk: string; inEditor: string; doc: vscode.TextDocument }> {
    const uri = f.file('txt');
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'the unsaved line\n'));
    assert.equal(doc.isDirty, true);
    return { uri, onDisk, inEditor: doc.getText(), doc };
  }

  /** Add to Page as Block from the editor's context menu: the page and an empty caption asked. */
  async function addBlockAsked(uri: vscode.Uri, page: string): Promise<UploadCommandResult | undefined> {
    const picks = answerPickers({ page, inputs: [''] });
    try {
      return await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.addBlock', uri, { groupId: 0 });
    } finally {
      picks.restore();
    }
  }

  test('Save and Upload saves the document first and sends what the editor shows; the notification says so', async () => {
    const page = f.emulator.seed.page({ title: 'Unsaved Save' }).id;
    const { uri, inEditor, doc } = await dirtyFile();
    messages.answerWith((m) => (m.buttons.includes('Save and Upload') ? 'Save and Upload' : undefined));
    const res = await addBlockAsked(uri, page);
    const asked = messages.shown.find((m) => QUESTION.test(m.text));
    assert.ok(asked, 'asked first');
    assert.deepEqual(asked.buttons, ['Save and Upload', 'Upload Saved Version']);
    assert.equal(res?.uploads[0]?.ok, true, res?.error ?? res?.uploads[0]?.error);
    assert.equal(doc.isDirty, false, 'saved');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), inEditor);
    assert.equal(f.emulator.uploadSha256(res!.uploads[0].fileUploadId!), sha(inEditor), 'Notion got the unsaved line');
    assert.deepEqual(res?.unsaved, [{ file: uri.fsPath, sent: 'saved first' }]);
    await messages.waitFor(/was added to "Unsaved Save".*saved first, with your changes/);
  });

  test('Upload Saved Version sends the file on disk and leaves the editor unsaved; the notification says the changes were not sent', async () => {
    const page = f.emulator.seed.page({ title: 'Unsaved Disk' }).id;
    const { uri, onDisk, doc } = await dirtyFile();
    messages.answerWith((m) => (m.buttons.includes('Upload Saved Version') ? 'Upload Saved Version' : undefined));
    const res = await addBlockAsked(uri, page);
    assert.equal(res?.uploads[0]?.ok, true, res?.error ?? res?.uploads[0]?.error);
    assert.equal(doc.isDirty, true, 'not saved');
    assert.equal(f.emulator.uploadSha256(res!.uploads[0].fileUploadId!), sha(onDisk));
    assert.deepEqual(res?.unsaved, [{ file: uri.fsPath, sent: 'saved version' }]);
    await messages.waitFor(/was added to "Unsaved Disk".*the version saved on disk was sent, without the unsaved changes/);
  });

  test('Cancel sends nothing and shows no error; a script (page given) is not asked and gets the saved version, said in the result', async () => {
    const page = f.emulator.seed.page({ title: 'Unsaved Cancel' }).id;
    const { uri, onDisk } = await dirtyFile();
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    assert.equal(await addBlockAsked(uri, page), undefined);
    assert.equal(messages.shown.filter((m) => QUESTION.test(m.text)).length, 1);
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates, 'nothing sent');
    assert.deepEqual(messages.of('error'), []);
    const scripted = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.addBlock', { files: [uri.fsPath], page });
    assert.equal(messages.shown.filter((m) => QUESTION.test(m.text)).length, 1, 'a script is not asked');
    assert.equal(f.emulator.uploadSha256(scripted!.uploads[0].fileUploadId!), sha(onDisk));
    assert.deepEqual(scripted?.unsaved, [{ file: uri.fsPath, sent: 'saved version' }]);
  });

  test('Retry from the Uploads view asks too: Save and Upload retries with what the editor shows, and says so', async () => {
    const page = f.emulator.seed.page({ title: 'Unsaved Retry' }).id;
    const { uri, inEditor, doc } = await dirtyFile();
    f.emulator.faults.arm({ method: 'POST', path: /\/send$/, status: 400, code: 'validation_error', message: 'emulated send failure' });
    const failed = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.addBlock', { files: [uri.fsPath], page });
    assert.equal(failed?.uploads[0]?.ok, false, 'the first try failed');
    const key = f.api.listUploads().find((r) => r.source === uri.fsPath && r.state === 'failed')?.key;
    assert.ok(key, 'a failed row for the file');
    messages.answerWith((m) => (m.buttons.includes('Save and Upload') ? 'Save and Upload' : undefined));
    const done = await vscode.commands.executeCommand<string[]>('notionAssets.item.retry', key);
    assert.equal(messages.shown.filter((m) => QUESTION.test(m.text)).length, 1, 'asked before retrying');
    assert.equal(done.length, 1);
    assert.equal(doc.isDirty, false, 'saved');
    const record = f.api.listUploads().find((r) => r.key === done[0]);
    assert.equal(f.emulator.uploadSha256(record!.fileUploadId!), sha(inEditor), 'Notion got the unsaved line');
    await messages.waitFor(/^Retried .*saved first, with your changes/);
  });

  test('an untitled document is refused by name, with how to save it, before any request', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'draft notes', language: 'plaintext' });
    await vscode.window.showTextDocument(doc);
    const before = f.emulator.requests.length;
    const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.addBlock', doc.uri, { groupId: 0 });
    assert.match(res?.error ?? '', /"Untitled-\d+" has never been saved, so there is no file to upload: save it as a file \(File ▸ Save As…\)/);
    assert.equal(f.emulator.requests.length, before, 'no request');
  });
});
