// The status bar entry while uploads run: `$(cloud-upload) 1 uploading · N %` with a spelled-out
// screen-reader label, a click that reveals the Uploads view, and nothing once no upload runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getFixture, type Fixture } from './fixture';

interface Seen {
  item: vscode.StatusBarItem;
  texts: string[];
  disposed: boolean;
}

suite('Status bar entry while uploads run', () => {
  let f: Fixture;
  suiteSetup(async () => {
    f = await getFixture();
  });

  test('appears while an upload runs (count, %, label, reveals the Uploads view) and goes when it ends', async () => {
    const win = vscode.window as { createStatusBarItem: typeof vscode.window.createStatusBarItem };
    const original = win.createStatusBarItem;
    const seen: Seen[] = [];
    win.createStatusBarItem = ((...args: unknown[]) => {
      const item = (original as (...a: unknown[]) => vscode.StatusBarItem).apply(vscode.window, args);
      if (args[0] !== 'notionAssets.uploadStatus') return item;
      const s: Seen = { item, texts: [], disposed: false };
      seen.push(s);
      const show = item.show.bind(item);
      item.show = () => { s.texts.push(item.text); show(); };
      const dispose = item.dispose.bind(item);
      item.dispose = () => { s.disposed = true; dispose(); };
      return item;
    }) as typeof vscode.window.createStatusBarItem;
    f.emulator.setLatency(400);
    try {
      // A multi-part-sized file is not needed: latency keeps a small upload running long enough.
      const running = vscode.commands.executeCommand('notionAssets.upload', { files: [f.file('png'), f.file('pdf')], page: f.pages.second, placement: 'none' });
      for (let i = 0; i < 200 && !seen.some((s) => s.texts.length); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(seen.length, 'a status bar item was shown while uploading');
      const { item } = seen[0];
      assert.match(item.text, /^\$\(cloud-upload\) [12] uploading · \d+ %$/);
      assert.match(item.accessibilityInformation?.label ?? '', /^[12] uploads? to Notion running, \d+ percent sent\. Show the Uploads view\.$/);
      assert.equal(typeof item.command === 'string' ? item.command : item.command?.command, 'notionAssets.uploads.focus');
      assert.equal(seen[0].disposed, false);
      await running;
      for (let i = 0; i < 200 && !seen.every((s) => s.disposed); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(seen.every((s) => s.disposed), 'gone once nothing uploads');
    } finally {
      f.emulator.setLatency(0);
      win.createStatusBarItem = original;
    }
    // The click target exists: the view's focus command reveals the Uploads view.
    assert.ok((await vscode.commands.getCommands(true)).includes('notionAssets.uploads.focus'));
  });
});
