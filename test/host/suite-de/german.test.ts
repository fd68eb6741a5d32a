// The host tier's second run, with German as the display language (see test/launch/runHeadless.ts):
// the extension host reports `de`, and the extension's messages come from l10n/bundle.l10n.de.json,
// both those worded with vscode.l10n (VS Code side) and those worded with @vscode/l10n (the core
// bundle dist/core.js and the UI helpers that cannot import vscode).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { countRequests, getFixture, type Fixture } from '../suite/fixture';
import { Messages } from '../suite/messages';

function run(command: string, ...args: unknown[]): Thenable<UploadCommandResult | undefined> {
  return vscode.commands.executeCommand<UploadCommandResult | undefined>(command, ...args);
}

suite('German display language', () => {
  let f: Fixture;
  let messages: Messages;
  suiteSetup(async () => {
    f = await getFixture();
  });
  setup(() => {
    messages = new Messages();
  });
  teardown(() => messages.restore());

  test('German display language: the extension host runs with vscode.env.language "de"', () => {
    assert.equal(vscode.env.language, 'de');
  });

  test('German display language: a refusal worded on the VS Code side is shown in German', async () => {
    const before = f.emulator.requests.length;
    const res = await run('notionAssets.addBlock', { files: [f.file('md').fsPath], page: f.pages.blocks });
    assert.match(res?.error ?? '', /^Notion akzeptiert ".+\.md" nicht: Der Dateityp wird nicht unterstützt\. Unterstützt – /);
    const shown = await messages.waitFor(/Notion akzeptiert/);
    assert.equal(shown.level, 'error');
    assert.doesNotMatch(shown.text, /does not accept|not supported/, 'no English left in the notification');
    assert.equal(f.emulator.requests.length, before, 'refused before any request');
  });

  test('German display language: a refusal worded in the core bundle (dist/core.js) is German too', async () => {
    const before = countRequests(f, 'POST', /file_uploads/);
    const res = await run('notionAssets.importFromUrl', { url: 'https://someone:secret@example.com/a.png', page: f.pages.blocks, placement: 'block' });
    assert.match(res?.error ?? '', /: Der Link enthält einen Benutzernamen oder ein Passwort; Notion kann sie nicht verwenden/);
    await messages.waitFor(/Der Link enthält einen Benutzernamen/);
    assert.equal(countRequests(f, 'POST', /file_uploads/), before, 'no upload was created');
  });
});
