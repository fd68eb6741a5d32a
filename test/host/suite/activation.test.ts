import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

// The extension's id as VS Code derives it: publisher.name from package.json.
const EXTENSION_ID = 'notion-assets.notion-assets';

suite('Activation', () => {
  test('activates from a contribution and measures how long it took', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed in the host`);
    assert.equal(ext.isActive, false, 'nothing activates the extension before it is used');
    const started = performance.now();
    await ext.activate();
    const ms = performance.now() - started;
    assert.equal(ext.isActive, true);
    console.log(`activation time: ${ms.toFixed(1)} ms`);
  });

  test('registers every command that package.json contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const contributed: string[] = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('activation does not load the network stack', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const loaded = Object.keys(require.cache).filter((k) => k.startsWith(ext.extensionPath));
    const mainBundle = loaded.find((k) => k.endsWith('/dist/extension.js'));
    assert.ok(mainBundle, 'dist/extension.js is loaded');
    // This suite runs first: nothing has needed the network yet.
    assert.deepEqual(loaded.filter((k) => k.endsWith('/dist/core.js')), [], 'dist/core.js is not loaded at activation');
    const src = fs.readFileSync(mainBundle, 'utf8');
    assert.ok(!/node_modules\/undici/.test(src), 'dist/extension.js must not bundle undici');
  });
});
