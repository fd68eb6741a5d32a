// The emulator's read-only page view (GET /pages/<id>, an emulator convenience outside the
// API), the pages' `url` pointing there when asked, and the sample files it hosts for imports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, TestApi } from '../../emulator/testClient';

const fileUpload = (id: string, name?: string) => ({ type: 'file_upload', file_upload: { id }, ...(name ? { name } : {}) });
const caption = (s: string) => [{ type: 'text', text: { content: s } }];

describe('emulator: the HTML page view', () => {
  let emu: Emulator;
  let api: TestApi;
  let pageId: string;
  let rowId: string;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false } });
    api = new TestApi(emu.url);
    pageId = emu.seed.page({ title: 'Gallery <b>&</b>', icon: { type: 'emoji', emoji: '🖼️' }, cover: { type: 'external', external: { url: 'https://example.com/cover.png' } } }).id;
    emu.seed.blocks(pageId, [
      { type: 'heading_1', heading_1: { rich_text: caption('Screens') } },
      { type: 'paragraph', paragraph: { rich_text: caption('<script>alert(1)</script> "quoted"') } },
    ]);
    const png = await api.uploadSingle('shot.png', 'image/png', bytesOf(64, 1));
    const mp4 = await api.uploadSingle('clip.mp4', 'video/mp4', bytesOf(64, 2));
    const pdf = await api.uploadSingle('spec.pdf', 'application/pdf', bytesOf(64, 3));
    const mp3 = await api.uploadSingle('voice.mp3', 'audio/mpeg', bytesOf(64, 4));
    const txt = await api.uploadSingle('notes.txt', 'text/plain', bytesOf(64, 5));
    const r = await api.call('PATCH', `/v1/blocks/${pageId}/children`, {
      children: [
        { type: 'image', image: { ...fileUpload(png.id), caption: caption('The <main> screen') } },
        { type: 'video', video: fileUpload(mp4.id) },
        { type: 'audio', audio: fileUpload(mp3.id) },
        { type: 'pdf', pdf: fileUpload(pdf.id) },
        { type: 'file', file: fileUpload(txt.id, 'Meeting notes.txt') },
      ],
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const db = emu.seed.database({ title: 'Assets', properties: { Name: 'title', Files: 'files' } });
    rowId = emu.seed.databasePage(db.id, { title: 'First asset' }).id;
    const att = await api.uploadSingle('a.pdf', 'application/pdf', bytesOf(32, 6));
    const p = await api.call('PATCH', `/v1/pages/${rowId}`, { properties: { Files: { files: [fileUpload(att.id, 'Contract.pdf')] } } });
    assert.equal(p.status, 200, JSON.stringify(p.json));
  });
  after(() => emu.close());

  const view = async (id: string) => {
    const res = await fetch(`${emu.url}/pages/${id}`);
    return { res, html: await res.text() };
  };

  it('shows cover, icon, title and blocks from the API data, every text escaped, under a CSP without scripts', async () => {
    const { res, html } = await view(pageId);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src|unsafe-inline/);
    assert.match(html, /<img class="cover" src="https:\/\/example\.com\/cover\.png"/);
    assert.match(html, /🖼️/);
    assert.match(html, /<h1>Gallery &#60;b&#62;&#38;&#60;\/b&#62;<\/h1>/);
    assert.match(html, /<h2>Screens<\/h2>/);
    assert.ok(!html.includes('<script'), 'no script element, however the text reads');
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62; &#34;quoted&#34;/);
    // Media: signed URLs as the API hands them out (fresh ones: each read signs anew), shown and linked; captions; files as links.
    const blocks = (await api.call('GET', `/v1/blocks/${pageId}/children`)).json.results as any[];
    const apiImagePath = new URL(blocks.find((b) => b.type === 'image').image.file.url).pathname;
    const shown = /<img src="([^"]+)" alt="shot\.png">/.exec(html);
    assert.ok(shown, 'the image is shown');
    const imageUrl = shown[1].replace(/&#38;/g, '&');
    assert.equal(new URL(imageUrl).pathname, apiImagePath, 'from the file the API names');
    assert.match(html, /<figcaption>The &#60;main&#62; screen<\/figcaption>/);
    assert.match(html, /<video controls[^>]+src="http:\/\/127\.0\.0\.1:\d+\/files\/[^"]+\/clip\.mp4\?/);
    assert.match(html, /<audio controls[^>]+src="[^"]+\/voice\.mp3\?/);
    assert.match(html, /<iframe title="spec\.pdf" src="[^"]+\/spec\.pdf\?/);
    assert.match(html, /<a href="[^"]+\/notes\.txt\?[^"]+"[^>]*>Meeting notes\.txt<\/a>/);
    // The view's links open: the image's bytes come back.
    const img = await fetch(imageUrl);
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('content-type'), 'image/png');
  });

  it('lists a files property with its items as links', async () => {
    const { html } = await view(rowId.replace(/-/g, ''));
    assert.match(html, /<th>Files<\/th><td><a href="[^"]+\/a\.pdf\?[^"]+"[^>]*>Contract\.pdf<\/a><\/td>/);
  });

  it('does not collide with the API: /v1/pages/<id> stays JSON behind the token; unknown pages are 404', async () => {
    const r = await api.call('GET', `/v1/pages/${pageId}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.object, 'page');
    const bare = await fetch(`${emu.url}/v1/pages/${pageId}`);
    assert.equal(bare.status, 400, 'the API still wants its headers (Notion-Version, then the token)');
    assert.match(bare.headers.get('content-type')!, /^application\/json/);
    assert.equal((await view('00000000000000000000000000000000')).res.status, 404);
    assert.equal((await fetch(`${emu.url}/pages/${pageId}`, { method: 'POST' })).status, 405);
  });

  it('page urls are Notion’s by default (as recorded) and the view with pageViewUrls', async () => {
    assert.match((await api.call('GET', `/v1/pages/${pageId}`)).json.url, /^https:\/\/www\.notion\.so\/Gallery-b-b-[0-9a-f]{32}$/);
    emu.setPageViewUrls(true);
    try {
      const url = (await api.call('GET', `/v1/pages/${pageId}`)).json.url as string;
      assert.equal(url, `${emu.url}/pages/${pageId.replace(/-/g, '')}`);
      assert.equal((await fetch(url)).status, 200);
    } finally {
      emu.setPageViewUrls(false);
    }
  });
});

describe('emulator: sample files for imports', () => {
  it('serves a sample with Content-Type and Content-Length (GET and HEAD), and an http import of it succeeds', async () => {
    const emu = await startEmulator({ rateLimit: { enabled: false }, allowHttpImports: true });
    try {
      const bytes = bytesOf(300, 9);
      const url = emu.addSample('diagram.png', 'image/png', bytes);
      assert.equal(url, `${emu.url}/samples/diagram.png`);
      const head = await fetch(url, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('content-type'), 'image/png');
      assert.equal(head.headers.get('content-length'), '300');
      assert.deepEqual(Buffer.from(await (await fetch(url)).arrayBuffer()), bytes);
      assert.equal((await fetch(`${emu.url}/samples/missing.png`)).status, 404);
      const api = new TestApi(emu.url);
      const created = await api.createUpload({ mode: 'external_url', external_url: url, filename: 'diagram.png' });
      assert.equal(created.status, 200, JSON.stringify(created.json));
      await emu.importsIdle();
      const done = await api.call('GET', `/v1/file_uploads/${created.json.id}`);
      assert.equal(done.json.status, 'uploaded', JSON.stringify(done.json));
      assert.deepEqual(emu.uploadBytes(created.json.id), bytes);
    } finally {
      await emu.close();
    }
  });
});
