// Each upload command run with arguments (no prompts) against the emulator, checked on
// the emulator's side: what the page, its blocks and its properties now hold.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { children, countRequests, getFixture, pageJson, type Fixture } from './fixture';

function run(command: string, ...args: unknown[]): Thenable<UploadCommandResult | undefined> {
  return vscode.commands.executeCommand<UploadCommandResult | undefined>(command, ...args);
}

function okOne(res: UploadCommandResult | undefined): NonNullable<UploadCommandResult['uploads'][0]> {
  assert.ok(res, 'the command returned a result');
  assert.equal(res.error, undefined, `no error: ${res.error}`);
  assert.equal(res.uploads.length, 1);
  assert.equal(res.uploads[0].ok, true, res.uploads[0].error);
  return res.uploads[0];
}

suite('Upload commands (with arguments, against the emulator)', () => {
  let f: Fixture;
  suiteSetup(async () => {
    f = await getFixture();
  });

  test('Set as Page Cover: the Explorer form (uri, [uri]) plus a page URL', async () => {
    const png = f.file('png');
    const url = `https://www.notion.so/Cover-Page-${f.pages.cover.replace(/-/g, '')}`;
    const u = okOne(await run('notionAssets.setCover', png, [png], { page: url }));
    const page = pageJson(f, f.pages.cover);
    assert.equal(page.cover.type, 'file', 'the cover is a Notion-hosted file');
    assert.ok(f.emulator.uploadBytes(u.fileUploadId!)?.equals(require('node:fs').readFileSync(png.fsPath)), 'the bytes arrived intact');
    const rec = f.api.listUploads().find((r) => r.key === u.key)!;
    assert.equal(rec.state, 'attached');
    assert.deepEqual(rec.attachments.map((a) => [a.pageId, a.placement]), [[f.pages.cover, 'cover']]);
  });

  test('Set as Page Icon with an options object (keybinding/task form)', async () => {
    const u = okOne(await run('notionAssets.setIcon', { files: [f.file('png').fsPath], page: f.pages.icon }));
    assert.equal(pageJson(f, f.pages.icon).icon.type, 'file');
    assert.ok(u.fileUploadId);
  });

  test('Set as Page Icon on a PDF is refused before any request, naming the file and what icons take', async () => {
    const before = f.emulator.requests.length;
    const res = await run('notionAssets.setIcon', { files: [f.file('pdf').fsPath], page: f.pages.icon });
    assert.ok(res?.error, 'an error is reported');
    assert.match(res.error!, /\.pdf/);
    assert.match(res.error!, /image/);
    assert.match(res.error!, /\.png/, 'lists the supported image types');
    assert.equal(f.emulator.requests.length, before, 'no request reached Notion');
  });

  test('an unsupported type (.md) is refused up front with the list of supported types', async () => {
    const before = f.emulator.requests.length;
    const res = await run('notionAssets.addBlock', { files: [f.file('md').fsPath], page: f.pages.blocks });
    assert.match(res?.error ?? '', /not supported/);
    assert.match(res!.error!, /\.pdf/);
    assert.equal(f.emulator.requests.length, before);
  });

  test('Add to Page as Block: the block type follows the file (image, video, audio, pdf, file) with a caption', async () => {
    const files = { png: 'image', mp4: 'video', mp3: 'audio', pdf: 'pdf', txt: 'file' } as const;
    const uris = Object.keys(files).map((ext) => f.file(ext));
    const res = await run('notionAssets.addBlock', { files: uris, page: f.pages.blocks, caption: 'From the host test' });
    assert.equal(res?.error, undefined);
    assert.deepEqual(res!.uploads.map((u) => u.ok), [true, true, true, true, true], JSON.stringify(res!.uploads));
    const blocks = await children(f, f.pages.blocks);
    const created = res!.uploads.map((u) => blocks.find((b) => b.id === u.blockId));
    assert.deepEqual(created.map((b) => b?.type), Object.values(files));
    const ids = new Set(res!.uploads.map((u) => u.blockId));
    assert.deepEqual(blocks.filter((b) => ids.has(b.id)).map((b) => b.id), res!.uploads.map((u) => u.blockId), 'blocks in the order the files were given');
    for (const b of created) {
      assert.equal(b![b!.type].caption[0].plain_text, 'From the host test');
      assert.equal(b![b!.type].type, 'file', 'read back as a Notion-hosted file');
    }
  });

  test('Attach to Files Property keeps the files already there', async () => {
    // An existing item, linked without uploading (Link External URL).
    const link = await run('notionAssets.linkExternal', { url: 'https://example.com/spec.pdf', page: f.pages.dbPage, placement: 'property', property: 'Attachments' });
    assert.equal(link?.error, undefined);
    const u = okOne(await run('notionAssets.attachToProperty', { files: [f.file('pdf')], page: f.pages.dbPage, property: 'Attachments' }));
    const items = pageJson(f, f.pages.dbPage).properties.Attachments.files;
    assert.equal(items.length, 2, 'the external link stayed');
    assert.equal(items[0].type, 'external');
    assert.equal(items[0].external.url, 'https://example.com/spec.pdf');
    assert.equal(items[1].type, 'file');
    assert.ok(u.key);
  });

  test('Attach to Files Property on a page without one says so', async () => {
    const res = await run('notionAssets.attachToProperty', { files: [f.file('pdf')], page: f.pages.blocks, property: 'Attachments' });
    const err = res?.error ?? res?.uploads[0]?.error;
    assert.ok(err, JSON.stringify(res));
    assert.match(err, /Attachments/);
    assert.match(err, /database/i);
  });

  test('a page not shared with the integration: the error says to share it (••• → Connections)', async () => {
    const res = await run('notionAssets.setCover', { files: [f.file('png')], page: f.pages.unshared });
    const err = res?.error ?? res?.uploads[0]?.error ?? '';
    assert.match(err, /Connections/);
  });

  test('dedupe: the same bytes uploaded again reuse the earlier upload (no new file_uploads request)', async () => {
    const content = Buffer.from(`dedupe ${Date.now()}`);
    const a = f.file('txt', content);
    const first = okOne(await run('notionAssets.addBlock', { files: [a], page: f.pages.second }));
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    const b = f.file('txt', content); // another path, same bytes
    const second = okOne(await run('notionAssets.addBlock', { files: [b], page: f.pages.second }));
    assert.equal(second.reused, true);
    assert.equal(second.fileUploadId, first.fileUploadId);
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates, 'nothing was uploaded again');
    const blocks = await children(f, f.pages.second);
    assert.ok(blocks.some((x) => x.id === first.blockId) && blocks.some((x) => x.id === second.blockId), 'two blocks');
  });

  test('Attach to… reuses the upload id: the same file goes to a second page without re-uploading', async () => {
    const u = okOne(await run('notionAssets.setCover', { files: [f.file('png')], page: f.pages.cover }));
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    const sends = countRequests(f, 'POST', /\/send$/);
    const target = await vscode.commands.executeCommand('notionAssets.item.attachTo', u.key, { page: f.pages.second, placement: 'block' });
    assert.ok(target, 'attached');
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates);
    assert.equal(countRequests(f, 'POST', /\/send$/), sends);
    const rec = f.api.listUploads().find((r) => r.key === u.key)!;
    assert.deepEqual(rec.attachments.map((a) => a.pageId), [f.pages.cover, f.pages.second]);
  });

  test('Upload to Notion… with placement "none" uploads only: pending with an expiry', async () => {
    const res = await run('notionAssets.upload', { files: [f.file('pdf')], page: f.pages.second, placement: 'none' } as never);
    // placement "none" is not an AttachTarget placement: the flow keeps the upload for later.
    const u = res?.uploads[0];
    if (res?.error) assert.fail(res.error);
    const rec = f.api.listUploads().find((r) => r.key === u?.key || r.fileUploadId === u?.fileUploadId)!;
    assert.equal(rec.state, 'pending');
    assert.ok(rec.expiryTime);
  });

  test('Import File from URL: Notion fetches it, then it is attached as a block', async () => {
    const http = await import('node:http');
    const server = http.createServer((_req, res) => {
      const body = Buffer.from('%PDF-1.4\nimported\n%%EOF\n');
      res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': body.length });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const res = await run('notionAssets.importFromUrl', { url: `http://127.0.0.1:${port}/report.pdf`, page: f.pages.blocks, placement: 'block' });
      assert.equal(res?.error, undefined, res?.error);
      const id = res!.uploads[0].fileUploadId!;
      const blocks = await children(f, f.pages.blocks);
      assert.ok(blocks.some((b) => b.type === 'pdf'), 'a pdf block exists');
      const rec = f.api.listUploads().find((r) => r.fileUploadId === id)!;
      assert.equal(rec.mode, 'external_url');
      assert.equal(rec.state, 'attached');
    } finally {
      server.close();
    }
  });

  test('Link External URL adds an external image block; nothing is uploaded', async () => {
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    const res = await run('notionAssets.linkExternal', { url: 'https://example.com/diagram.png', page: f.pages.second, placement: 'block' });
    assert.equal(res?.error, undefined);
    const b = (await children(f, f.pages.second)).find((x) => x.id === res!.uploads[0].blockId)!;
    assert.equal(b.type, 'image');
    assert.equal(b.image.type, 'external');
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates);
  });

  test('a batch with one missing file: refused before any request (checked with the types), the good one is attached', async () => {
    const good = f.file('png');
    const missing = vscode.Uri.file(`${f.dir}/does-not-exist.png`);
    const res = await run('notionAssets.addBlock', { files: [good, missing], page: f.pages.second });
    assert.deepEqual(res!.uploads.map((u) => u.ok), [true]);
    assert.deepEqual(res!.refused, [{ file: missing.fsPath, reason: 'not found on disk' }]);
  });
});
