// The token: validated with users/me before it is stored, kept out of settings, removable,
// and never written to the log (the log records each request with its request id).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_TOKEN, getFixture, type Fixture } from './fixture';

interface TokenInfo { botName: string; workspaceName: string; botId: string }

/**
 * The text of the extension's log: the output channel's document once shown ("Show Log"), or
 * the channel's file (<logs>/exthost1/notion-assets.notion-assets/Notion Assets.log) under the
 * host's user-data dir in the temp folder.
 */
async function readLog(): Promise<string> {
  await vscode.commands.executeCommand('notionAssets.showLog');
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /Notion Assets|notion-assets/.test(d.uri.toString()));
  if (doc) return doc.getText();
  let best: { file: string; mtime: number } | undefined;
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[] = [];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isFile() && e.name === 'Notion Assets.log') {
        const mtime = fs.statSync(p).mtimeMs;
        if (!best || mtime > best.mtime) best = { file: p, mtime };
      } else if (e.isDirectory() && depth > 0 && (depth < 6 || e.name.startsWith('notion-assets-host-'))) walk(p, depth - 1);
    }
  };
  walk(os.tmpdir(), 6);
  return best ? fs.readFileSync(best.file, 'utf8') : '';
}

suite('Token: Set / Check / Remove, storage and redaction', () => {
  let f: Fixture;
  suiteSetup(async () => {
    f = await getFixture();
  });

  test('Check Token names the integration and its workspace (users/me)', async () => {
    const info = await vscode.commands.executeCommand<TokenInfo>('notionAssets.checkToken');
    assert.ok(info);
    assert.ok(info.botName.length > 0);
    assert.ok(info.workspaceName.length > 0);
  });

  test('a token Notion rejects is not stored; the working one stays', async () => {
    const bad = 'secret_this_token_is_not_known_to_notion';
    const res = await vscode.commands.executeCommand('notionAssets.setToken', { token: bad });
    assert.equal(res, undefined, 'rejected');
    const info = await vscode.commands.executeCommand<TokenInfo>('notionAssets.checkToken');
    assert.ok(info, 'the previous token still works');
    assert.ok(f.emulator.requests.some((r) => r.path === '/v1/users/me' && r.status === 401), 'validated against users/me');
  });

  test('the token is in no setting, at any level', () => {
    const c = vscode.workspace.getConfiguration('notionAssets');
    const dump = JSON.stringify(['apiBaseUrl', 'notionVersion', 'defaultTarget', 'partSize', 'partSizeMiB', 'concurrency', 'dedupe', 'confirmReplace', 'historySize'].map((k) => c.inspect(k)));
    assert.ok(!dump.includes(DEFAULT_TOKEN));
  });

  test('Remove Token signs out; removing again reports nothing stored; Set Token restores', async () => {
    assert.equal(await vscode.commands.executeCommand('notionAssets.removeToken', { confirm: false }), true);
    assert.equal(await vscode.commands.executeCommand('notionAssets.removeToken', { confirm: false }), false);
    const info = await vscode.commands.executeCommand<TokenInfo>('notionAssets.setToken', { token: DEFAULT_TOKEN });
    assert.ok(info?.botId);
  });

  test('the log records requests (method, path, status, duration, request id) and never the token', async function () {
    // Make a failing and a working request so both kinds of lines exist.
    await vscode.commands.executeCommand('notionAssets.setToken', { token: 'secret_rejected_token_for_log_test' });
    await vscode.commands.executeCommand('notionAssets.checkToken');
    // The channel writes asynchronously: wait until the last request shows up.
    const last = f.emulator.requests.at(-1)!;
    let text = '';
    for (let i = 0; i < 50 && !text.includes(last.requestId); i++) {
      await new Promise((r) => setTimeout(r, 100));
      text = await readLog();
    }
    assert.ok(text.length > 0, 'the log was found');
    assert.match(text, /GET \/v1\/users\/me → 200 in \d+ ms · request id [\w-]+/);
    assert.match(text, /GET \/v1\/users\/me → 401/);
    assert.ok(text.includes(last.requestId), 'request ids are logged');
    assert.ok(!text.includes(DEFAULT_TOKEN), 'the stored token never appears');
    assert.ok(!text.includes('secret_rejected_token_for_log_test'), 'a rejected token never appears');
    const lines = text.split('\n');
    const rejected = lines.findIndex((l) => l.includes('Set Token: the token was not accepted'));
    assert.ok(rejected >= 0, 'the rejected token is logged as an error');
    const after = lines.slice(rejected + 1, rejected + 4).join('\n');
    assert.doesNotMatch(after, /^\s+at /m, 'an error Notion answered is logged without a stack trace');
  });
});
