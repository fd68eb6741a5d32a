// What a person could be tricked into, in a real extension host: a link in the workspace
// that leads outside it is not read without a yes in a modal that shows where it leads, and
// no notification or command result shows a token or a signed link's query.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { countRequests, getFixture, pageJson, type Fixture } from './fixture';
import { Messages } from './messages';

const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<UploadCommandResult | undefined>(command, ...args);
const TOKEN = 'ntn_' + 'Zx9Yw8Vu'.repeat(6);
const SIGNED = 'X-Amz-Credential=AKIAEXAMPLE%2F20261204&X-Amz-Signature=deadbeefcafe';

suite('Safety: links outside the workspace, secrets on screen', () => {
  let f: Fixture;
  let messages: Messages;
  let linkN = 0;
  suiteSetup(async () => {
    f = await getFixture();
  });
  setup(() => {
    messages = new Messages();
  });
  teardown(() => messages.restore());

  /** A symlink in the workspace folder to a fresh file outside it. */
  function outsideLink(): { link: vscode.Uri; target: string } {
    const target = f.file('png').fsPath;
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const link = path.join(folder, `linked-${++linkN}-${Date.now().toString(36)}.png`);
    fs.symlinkSync(target, link);
    return { link: vscode.Uri.file(link), target };
  }

  test('a link to a file outside the workspace asks in a modal naming the target; No sends nothing', async () => {
    const { link, target } = outsideLink();
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    messages.answerWith(() => undefined);
    const res = await run('notionAssets.setCover', link, [link], { page: f.pages.cover });
    const asked = messages.shown.find((m) => /link to a file outside the workspace/.test(m.text));
    assert.ok(asked, JSON.stringify(messages.shown));
    assert.deepEqual(asked.buttons, ['Upload Linked Files']);
    assert.ok(asked.detail?.includes(link.fsPath) && asked.detail.includes(`→ ${target}`), asked.detail);
    assert.equal(res, undefined, 'declined: the command ends quietly');
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates, 'nothing uploaded');
    assert.deepEqual(messages.of('error'), []);
  });

  test('answering Upload Linked Files uploads the file the link points to', async () => {
    const { link } = outsideLink();
    messages.answerWith((m) => (/outside the workspace/.test(m.text) ? 'Upload Linked Files' : undefined));
    const res = await run('notionAssets.setCover', link, [link], { page: f.pages.cover });
    assert.deepEqual(res?.uploads.map((u) => u.ok), [true], JSON.stringify(res));
    assert.ok(/\/files\//.test(pageJson(f, f.pages.cover).cover.file.url));
  });

  test('a token pasted as the page is not echoed in the notification or the result', async () => {
    const file = f.file('png');
    const res = await run('notionAssets.setCover', file, [file], { page: TOKEN });
    const shown = await messages.waitFor(/Not a Notion page id or link/);
    assert.ok(!shown.text.includes(TOKEN), shown.text);
    assert.match(shown.text, /\[redacted\]/);
    assert.ok(res?.error && !res.error.includes(TOKEN), JSON.stringify(res));
  });

  test('an import refusal does not show the signed query of the link', async () => {
    const url = `ftp://files.example.com/bucket/a.png?${SIGNED}`;
    await run('notionAssets.importFromUrl', { url });
    const shown = await messages.waitFor(/only https:\/\/ links/);
    assert.doesNotMatch(shown.text, /X-Amz|deadbeefcafe|AKIAEXAMPLE/, shown.text);
  });
});
