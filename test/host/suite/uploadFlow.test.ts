// Cancel and Retry of a running upload, drag and drop onto the view, and the per-workspace
// default target (ignored from an untrusted workspace).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { DropController } from '../../../src/uploadsView/view';
import { defaultTarget } from '../../../src/common/settings';
import { getFixture, pageJson, type Fixture } from './fixture';

suite('Upload flow: cancel, retry, drop, default target', () => {
  let f: Fixture;
  suiteSetup(async () => {
    f = await getFixture();
  });

  test('Cancel stops a running upload (state cancelled); Retry finishes it and attaches it where it was going', async () => {
    const file = f.file('png');
    f.emulator.setLatency(400);
    let running: Thenable<UploadCommandResult | undefined>;
    let key: string | undefined;
    try {
      running = vscode.commands.executeCommand<UploadCommandResult>('notionAssets.setCover', { files: [file], page: f.pages.second });
      for (let i = 0; i < 100 && !key; i++) {
        await new Promise((r) => setTimeout(r, 50));
        key = f.api.listUploads().find((r) => r.source === file.fsPath && r.state === 'uploading')?.key;
      }
      assert.ok(key, 'the upload shows up as uploading');
      assert.equal(await vscode.commands.executeCommand('notionAssets.item.cancel', key), 1);
      const res = await running;
      assert.equal(res?.uploads[0].ok, false);
      assert.equal(res?.uploads[0].error, 'cancelled');
      assert.equal(f.api.listUploads().find((r) => r.key === key)!.state, 'cancelled');
    } finally {
      f.emulator.setLatency(0);
    }
    const done = await vscode.commands.executeCommand<string[]>('notionAssets.item.retry', key);
    assert.equal(done.length, 1);
    const rec = f.api.listUploads().find((r) => r.key === done[0])!;
    assert.equal(rec.state, 'attached');
    assert.equal(pageJson(f, f.pages.second).cover.type, 'file');
  });

  test('files dropped on the view (text/uri-list, as from the Explorer or the OS) start an upload with them', async () => {
    const a = f.file('png');
    const b = f.file('pdf');
    let received: vscode.Uri[] = [];
    const drop = new DropController((uris) => (received = uris));
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(`${a.toString()}\r\n${b.toString()}\r\n`));
    await drop.handleDrop(undefined, data);
    assert.deepEqual(received.map((u) => u.fsPath), [a.fsPath, b.fsPath]);
  });

  test('dropped non-file URIs are not uploaded', async () => {
    let called = false;
    const drop = new DropController(() => (called = true));
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem('https://example.com/a.png'));
    await drop.handleDrop(undefined, data);
    assert.equal(called, false);
  });

  test('the default target (user setting) skips the page question', async () => {
    const c = vscode.workspace.getConfiguration('notionAssets');
    // A page without an icon yet: replacing one would ask first (notionAssets.confirmReplace).
    await c.update('defaultTarget', f.pages.blocks, vscode.ConfigurationTarget.Global);
    try {
      const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.setIcon', f.file('png'));
      assert.equal(res?.error, undefined, res?.error);
      assert.equal(res!.pageId, f.pages.blocks);
      assert.equal(pageJson(f, f.pages.blocks).icon.type, 'file');
      assert.equal(res!.uploads[0].ok, true);
    } finally {
      await c.update('defaultTarget', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('in an untrusted workspace a workspace-level default target is ignored', async function () {
    if (vscode.workspace.isTrusted) this.skip(); // the host opens the folder in Restricted Mode
    const c = vscode.workspace.getConfiguration('notionAssets');
    await c.update('defaultTarget', 'https://www.notion.so/Planted-0123456789abcdef0123456789abcdef', vscode.ConfigurationTarget.Workspace);
    try {
      // restrictedConfigurations: VS Code itself drops the workspace value while untrusted.
      assert.equal(vscode.workspace.getConfiguration('notionAssets').get('defaultTarget'), '');
      assert.equal(defaultTarget(), undefined);
      await c.update('defaultTarget', f.pages.icon, vscode.ConfigurationTarget.Global);
      assert.equal(defaultTarget(), f.pages.icon, 'the user value still counts');
    } finally {
      await c.update('defaultTarget', undefined, vscode.ConfigurationTarget.Workspace);
      await c.update('defaultTarget', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
