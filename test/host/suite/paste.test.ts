// Notion: Paste Image to Notion… in a real webview: a synthetic paste (a DataTransfer with a
// PNG dispatched in the panel's page) arrives byte for byte in the emulator, several pastes go
// as one batch, a pasted link offers Import from URL / Link External URL, and the temporary
// copies are gone afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { children, getFixture, type Fixture } from './fixture';
import { Messages } from './messages';
import { makePng } from '../../fixtures/png';
import { PanelRecorder, type DrivenPanel } from './webviewDriver';

const PASTE_VIEW = 'notionAssets.paste';

/** Temporary folders the extension made for pasted or shrunk images that still hold a file. */
function leftoverTemporaryFiles(): string[] {
  return fs.readdirSync(os.tmpdir())
    .filter((d) => d.startsWith('notion-assets-') && !d.startsWith('notion-assets-host') && !d.startsWith('notion-assets-ws'))
    .flatMap((d) => {
      try {
        return fs.readdirSync(path.join(os.tmpdir(), d)).filter((n) => /\.(png|jpg|webp)$/.test(n)).map((n) => path.join(d, n));
      } catch {
        return [];
      }
    });
}

suite('Paste Image to Notion (webview panel)', () => {
  let f: Fixture;
  let panels: PanelRecorder;
  let messages: Messages;
  suiteSetup(async () => {
    f = await getFixture();
  });
  setup(() => {
    panels = new PanelRecorder();
    messages = new Messages();
  });
  teardown(() => {
    panels.restore();
    messages.restore();
  });

  async function openPanel(args: Record<string, unknown>): Promise<DrivenPanel> {
    await vscode.commands.executeCommand('notionAssets.pasteImage', args);
    const p = await panels.waitForPanel(PASTE_VIEW);
    await p.ready;
    return p;
  }

  test('two pasted PNGs show preview, size, type and a Screenshot name, go as one batch and arrive byte-exact; the temporary copies are deleted', async () => {
    const page = f.emulator.seed.page({ title: 'Paste Target' }).id;
    const before = leftoverTemporaryFiles();
    const p = await openPanel({ page, placement: 'block' });
    const first = makePng(64, 48, 40, 11);
    const second = makePng(32, 32, 40, 12);
    // A screenshot arrives from the clipboard as "image.png".
    await p.paste([{ name: 'image.png', type: 'image/png', bytes: first }]);
    let s = await p.waitFor((x) => x.cards.length === 1 && x.cards[0].width === 64, 'the pasted image');
    assert.match(s.cards[0].name, /^Screenshot \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d\.png$/);
    assert.equal(s.cards[0].size, first.length);
    assert.match(s.text, /PNG · \d/, 'type and size are shown');
    assert.match(s.text, /64×48/, 'dimensions are shown');
    assert.equal(s.uploadDisabled, false);
    await p.paste([{ name: 'image.png', type: 'image/png', bytes: second }]);
    s = await p.waitFor((x) => x.cards.length === 2 && x.cards[1].width === 32, 'the second image');
    assert.notEqual(s.cards[0].name, s.cards[1].name, 'two pastes in the same second get distinct names');
    assert.match(s.text, /Upload 2 Images to Notion/);
    const names = s.cards.map((c) => c.name);

    await p.click('#upload');
    s = await p.waitFor((x) => x.cards.length === 0 && !x.busy, 'the batch sent and the panel emptied');
    assert.match(s.status, /Sent 2 images to Notion/);

    const records = f.api.listUploads().filter((r) => names.includes(r.filename));
    assert.equal(records.length, 2, 'one record per pasted image');
    for (const [i, name] of names.entries()) {
      const r = records.find((x) => x.filename === name)!;
      assert.equal(r.state, 'attached');
      assert.equal(r.source, 'pasted from the clipboard');
      assert.match(r.noRetry ?? '', /Paste it again/);
      assert.deepEqual(f.emulator.uploadBytes(r.fileUploadId!), i === 0 ? first : second, `${name} arrived byte for byte`);
    }
    const blocks = await children(f, page);
    assert.deepEqual(blocks.map((b) => b.type), ['image', 'image'], 'both images are blocks on the page, in order');
    // One batch: one summary for both files.
    const summaries = messages.of('info').filter((m) => m.text.includes('Paste Target'));
    assert.equal(summaries.length, 1, JSON.stringify(messages.shown));
    assert.deepEqual(leftoverTemporaryFiles(), before, 'the temporary copies are deleted');
  });

  test('a dropped image file keeps its own name and is recorded as dropped; a pasted non-image is refused with what it is', async () => {
    const p = await openPanel({ page: f.pages.second, placement: 'block' });
    await p.drop([{ name: 'diagram.png', type: 'image/png', bytes: makePng(20, 10) }]);
    let s = await p.waitFor((x) => x.cards.length === 1, 'the dropped image');
    assert.equal(s.cards[0].name, 'diagram.png');
    assert.match(s.status, /Image dropped/);
    await p.paste([{ name: 'notes.txt', type: 'text/plain', bytes: new TextEncoder().encode('hello') }]);
    s = await p.waitFor((x) => /Not an image Notion takes: notes\.txt \(text\/plain\)/.test(x.status), 'the refusal');
    assert.equal(s.cards.length, 1);
    await p.click('#upload');
    await p.waitFor((x) => x.cards.length === 0 && !x.busy, 'the dropped image sent');
    const record = f.api.listUploads().find((r) => r.filename === 'diagram.png' && r.source.startsWith('dropped'));
    assert.equal(record?.source, 'dropped on the Paste Image panel');
    assert.equal(record?.state, 'attached');
  });

  test('pasted text that is a URL offers Import from URL and Link External URL; each runs with that URL', async () => {
    const page = f.emulator.seed.page({ title: 'Link Target' }).id;
    const server = http.createServer((_req, res) => {
      const body = makePng(8, 8);
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': body.length });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/chart.png`;
      const p = await openPanel({ page, placement: 'block' });
      await p.paste([], url);
      const s = await p.waitFor((x) => x.link === url, 'the link offer');
      assert.equal(s.cards.length, 0, 'a link is not an image card');
      assert.match(s.text, /Import from URL/);
      assert.match(s.text, /Link External URL/);

      await p.click('#import');
      await messages.waitFor(/imported it from the link/, 30_000);
      const imported = f.api.listUploads().find((r) => r.source === url);
      assert.equal(imported?.state, 'attached', 'Notion imported the URL and it was attached');

      await p.paste([], 'https://example.com/diagram.png');
      await p.waitFor((x) => x.link === 'https://example.com/diagram.png', 'the second link offer');
      await p.click('#linkExternal');
      await messages.waitFor(/a link to https:\/\/example\.com\/diagram\.png, nothing uploaded/, 30_000);
      const blocks = await children(f, page);
      assert.deepEqual(blocks.map((b) => b.type), ['image', 'image']);
      assert.equal(blocks[1].image.type, 'external');
      assert.equal(blocks[1].image.external.url, 'https://example.com/diagram.png');
    } finally {
      server.close();
    }
  });
});
