// Shrink to Fit on a workspace with a 5 MiB limit (a free workspace's): an image over it gets
// the offer next to the refusal before any upload request, is re-encoded in a webview with the
// browser's codecs, and the smaller copy — which decodes — is attached; the original is not
// changed and the record says what was shrunk to what. HEIC is refused with limit and size.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { countRequests, DEFAULT_TOKEN, getFixture, pageJson, type Fixture } from './fixture';
import { Messages } from './messages';
import { imageSize, makePng } from '../../fixtures/png';
import { PanelRecorder } from './webviewDriver';

const MIB = 1024 * 1024;
const bigPngs = new Map<number, Buffer>();
/**
 * A 2400×1600 PNG of about 10 MiB, made once per seed (encoding it takes the extension host a
 * while). Tests that must not meet an earlier upload of the same shrunk bytes (dedupe) use their own seed.
 */
const big = (seed = 7) => bigPngs.get(seed) ?? bigPngs.set(seed, makePng(2400, 1600, 96, seed)).get(seed)!;
const FREE_TOKEN = 'secret_free_workspace_token';

suite('Shrink to Fit (5 MiB workspace)', function () {
  // Encoding a 10 MiB PNG and re-encoding it in the webview take a few seconds on a busy machine.
  this.timeout(180_000);
  let f: Fixture;
  let panels: PanelRecorder;
  let messages: Messages;
  const config = () => vscode.workspace.getConfiguration('notionAssets');

  suiteSetup(async () => {
    f = await getFixture();
    f.emulator.addToken(FREE_TOKEN, { name: 'Free bot', maxFileUploadSizeBytes: 5 * MIB });
    await vscode.commands.executeCommand('notionAssets.setToken', { token: FREE_TOKEN });
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('notionAssets.setToken', { token: DEFAULT_TOKEN });
  });
  setup(() => {
    panels = new PanelRecorder();
    messages = new Messages();
  });
  teardown(async () => {
    panels.restore();
    messages.restore();
    await config().update('defaultTarget', undefined, vscode.ConfigurationTarget.Global);
  });

  test('a PNG over the limit: "Shrink to Fit" is offered before any upload; the WebP copy is under 5 MiB, decodes, and is the cover', async () => {
    const png = big();
    assert.ok(png.length > 5 * MIB, `the fixture is over the limit (${png.length} bytes)`);
    const file = f.file('png', png);
    const sha = createHash('sha256').update(png).digest('hex');
    const page = f.emulator.seed.page({ title: 'Shrink Target' }).id;
    await config().update('defaultTarget', page, vscode.ConfigurationTarget.Global);
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    let createsWhenAsked = -1;
    messages.answerWith((m) => {
      if (!m.buttons.includes('Shrink to Fit')) return undefined;
      createsWhenAsked = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
      return 'Shrink to Fit';
    });

    const res = await vscode.commands.executeCommand<{ uploads: { ok: boolean; key?: string; fileUploadId?: string; error?: string }[]; error?: string }>('notionAssets.setCover', file);
    assert.equal(res?.error, undefined, res?.error);
    const offer = messages.shown.find((m) => m.buttons.includes('Shrink to Fit'))!;
    assert.match(offer.text, /is \d+(\.\d)? MiB; this workspace accepts files up to 5\.0 MiB\. Shrink ".*\.png" to fit\?/);
    assert.equal(createsWhenAsked, creates, 'nothing was uploaded before the answer');
    assert.equal(res!.uploads[0].ok, true, res!.uploads[0].error);

    const record = f.api.listUploads().find((r) => r.key === res!.uploads[0].key)!;
    assert.equal(record.state, 'attached');
    assert.match(record.filename, /\.(webp|jpg)$/);
    assert.match(record.source, new RegExp(`^shrunk from ${file.fsPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+(\\.\\d)? MiB, 2400×1600 PNG\\) to \\d+(\\.\\d)? (MiB|KiB), \\d+×\\d+ (WebP|JPEG)$`));
    assert.match(record.noRetry ?? '', /choose Shrink to Fit/);
    const bytes = f.emulator.uploadBytes(record.fileUploadId!)!;
    assert.ok(bytes.length <= 5 * MIB, `the copy fits: ${bytes.length} bytes`);
    assert.equal(record.sizeBytes, bytes.length);
    const header = imageSize(bytes)!;
    assert.ok(header, 'the copy is a WebP or JPEG');
    assert.ok(Math.max(header.width, header.height) >= 1280, `not below the floor: ${header.width}×${header.height}`);
    assert.equal(Math.round((header.width / header.height) * 100), 150, 'the aspect ratio is kept');
    assert.match(record.source, new RegExp(`${header.width}×${header.height}`), 'the record names the copy\'s dimensions');
    // Decoded by the browser's own codecs, in the Shrink to Fit panel that made it.
    const shrinkPanel = await panels.waitForPanel('notionAssets.shrink');
    const decoded = await shrinkPanel.decode(bytes, header.type === 'webp' ? 'image/webp' : 'image/jpeg');
    assert.equal(decoded.ok, true, decoded.error);
    assert.deepEqual([decoded.width, decoded.height], [header.width, header.height], 'the browser decodes it at the size its header says');
    const shown = await shrinkPanel.state();
    assert.match(shown.text, new RegExp(`${header.width}×${header.height}`), 'the panel shows the result\'s dimensions');
    assert.match(shown.text, /Shrunk from \d+(\.\d)? MiB · 2400×1600 PNG/);

    assert.equal(pageJson(f, page).cover?.type, 'file', 'the copy is the page\'s cover');
    assert.equal(createHash('sha256').update(fs.readFileSync(file.fsPath)).digest('hex'), sha, 'the original file is unchanged');
  });

  test('a script passes "shrink": true: no question; the big PNG goes as a smaller copy, the small one as it is, in one batch', async () => {
    const bigFile = f.file('png', big());
    const small = f.file('png');
    const res = await vscode.commands.executeCommand<{ uploads: { ok: boolean; key?: string; error?: string }[]; error?: string }>(
      'notionAssets.addBlock', { files: [bigFile, small], page: f.pages.second, shrink: true });
    assert.equal(res?.error, undefined, res?.error);
    assert.deepEqual(res!.uploads.map((u) => u.ok), [true, true], JSON.stringify(res!.uploads));
    assert.equal(messages.shown.filter((m) => m.buttons.includes('Shrink to Fit')).length, 0, 'nothing asked');
    const [shrunk, kept] = res!.uploads.map((u) => f.api.listUploads().find((r) => r.key === u.key)!);
    assert.match(shrunk.source, /^shrunk from .*\.png \(\d+(\.\d)? MiB, 2400×1600 PNG\)/);
    assert.ok(shrunk.sizeBytes <= 5 * MIB);
    assert.equal(kept.source, small.fsPath);
    assert.equal(kept.state, 'attached');
  });

  test('a HEIC over the limit is refused with the limit and its size, and nothing is sent', async () => {
    const heic = f.file('heic', Buffer.alloc(6 * MIB, 7));
    await config().update('defaultTarget', f.pages.blocks, vscode.ConfigurationTarget.Global);
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    const res = await vscode.commands.executeCommand<{ uploads: unknown[]; error?: string }>('notionAssets.setCover', heic);
    assert.match(res?.error ?? '', /is 6\.0 MiB; this workspace accepts files up to 5\.0 MiB\..*HEIC images cannot be shrunk here/);
    assert.ok(messages.of('error').some((m) => /HEIC images cannot be shrunk here/.test(m.text)), 'the user reads why');
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates);
    assert.equal(panels.panels.length, 0, 'no shrink panel for a format the browser cannot decode');
  });

  test('a pasted image over the limit gets Shrink to Fit in the panel; the copy is sent instead', async () => {
    const page = f.emulator.seed.page({ title: 'Paste Shrink Target' }).id;
    await vscode.commands.executeCommand('notionAssets.pasteImage', { page, placement: 'block' });
    const p = await panels.waitForPanel('notionAssets.paste');
    await p.ready;
    await p.paste([{ name: 'image.png', type: 'image/png', bytes: big(9) }]);
    let s = await p.waitFor((x) => x.cards.length === 1 && x.cards[0].over && /up to 5\.0 MiB/.test(x.text), 'the over-the-limit card');
    assert.equal(s.uploadDisabled, true, 'nothing over the limit can be sent');
    assert.match(s.text, /is over this workspace's limit of 5\.0 MiB/);
    await p.click('.card .shrink');
    s = await p.waitFor((x) => x.cards.length === 1 && x.cards[0].shrunk && !x.cards[0].over, 'the shrunk copy');
    assert.match(s.cards[0].name, /^Screenshot .*\.(webp|jpg)$/);
    await p.click('#upload');
    await p.waitFor((x) => x.cards.length === 0 && !x.busy, 'the copy sent');
    const record = f.api.listUploads().find((r) => r.filename === s.cards[0].name)!;
    assert.equal(record.state, 'attached');
    assert.match(record.source, /^pasted from the clipboard, shrunk from \d+(\.\d)? MiB, 2400×1600 PNG to .*, \d+×\d+ (WebP|JPEG)$/);
    assert.equal(f.emulator.uploadBytes(record.fileUploadId!)!.length, s.cards[0].size);
  });
});
