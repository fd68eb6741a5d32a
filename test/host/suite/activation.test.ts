// Activation: nothing activates the extension before it is used; the time ext.activate() takes
// from outside next to our own part (module load + activate()); every command registered; no network stack loaded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivationTimes } from '../../../src/common/activationTimes';

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
    // Our own part, recorded by the extension (src/common/activationTimes.ts) as Show Running
    // Extensions splits it: loading dist/extension.js and activate() until it resolves.
    const main = require.cache[path.join(ext.extensionPath, 'dist', 'extension.js')];
    assert.ok(main, 'dist/extension.js is the module the host loaded');
    const own = (main.exports as { activationTimes?: ActivationTimes }).activationTimes;
    assert.ok(own, 'the extension recorded its activation times');
    assert.equal(typeof own.moduleLoadMs, 'number', 'module load time recorded by the bundle\'s first and last statement');
    assert.ok(own.moduleLoadMs! > 0 && own.activateMs > 0, `positive times: ${JSON.stringify(own)}`);
    assert.ok(own.activateMs <= ms, `activate() (${own.activateMs} ms) lies within the outside figure (${ms} ms)`);
    const ours = own.moduleLoadMs! + own.activateMs;
    console.log(`activation time: ${ms.toFixed(1)} ms (ext.activate() from outside); ours: module load ${own.moduleLoadMs!.toFixed(1)} ms + activate() ${own.activateMs.toFixed(1)} ms = ${ours.toFixed(1)} ms`);
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
