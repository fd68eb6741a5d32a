// Attaching uploads: cover/icon image-only, files property (replace, ≤ 100), expiry cleared
// on first attachment and reuse afterwards, expired uploads refused, no partial state,
// signed download URLs that die after an hour.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, TestApi } from '../../emulator/testClient';

const fileUpload = (id: string, name?: string) => ({ type: 'file_upload', file_upload: { id }, ...(name ? { name } : {}) });

describe('emulator: attaching uploads to pages', () => {
  let emu: Emulator;
  let api: TestApi;
  let pageId: string;
  let rowId: string;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false }, tokens: { ntn_other: {} } });
    api = new TestApi(emu.url);
    const db = emu.seed.database({ title: 'Assets', properties: { Name: 'title', Files: 'files', Notes: 'rich_text' } });
    rowId = emu.seed.databasePage(db.id, { title: 'Row' }).id;
  });
  beforeEach(() => {
    pageId = emu.seed.page({ title: 'Target' }).id;
  });
  after(() => emu.close());

  const refusal = (r: { status: number; json: { code: string; message: string } }, pattern: RegExp) => {
    assert.equal(r.status, 400, JSON.stringify(r.json));
    assert.equal(r.json.code, 'validation_error');
    assert.match(r.json.message, pattern);
  };
  const png = () => api.uploadSingle('pic.png', 'image/png', bytesOf(100, 5));

  it('sets an image cover, shows it as a signed file URL, and clears expiry_time', async () => {
    const up = await png();
    assert.notEqual(up.expiry_time, null);
    const r = await api.call('PATCH', `/v1/pages/${pageId}`, { cover: fileUpload(up.id) });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.cover.type, 'file');
    assert.match(r.json.cover.file.url, new RegExp(`^${emu.url}/files/${up.id}/`));
    assert.ok(Date.parse(r.json.cover.file.expiry_time) > emu.clock.now());
    assert.equal((await api.call('GET', `/v1/file_uploads/${up.id}`)).json.expiry_time, null);
  });

  it('refuses non-image covers and icons (PDF icon is a 400)', async () => {
    const pdf = await api.uploadSingle('doc.pdf', 'application/pdf', bytesOf(50));
    refusal(await api.call('PATCH', `/v1/pages/${pageId}`, { icon: fileUpload(pdf.id) }), /page icon accepts only image/);
    refusal(await api.call('PATCH', `/v1/pages/${pageId}`, { cover: fileUpload(pdf.id) }), /page cover accepts only image/);
    const page = await api.call('GET', `/v1/pages/${pageId}`);
    assert.equal(page.json.icon, null);
    assert.equal(page.json.cover, null);
  });

  it('accepts emoji and external icons', async () => {
    const r = await api.call('PATCH', `/v1/pages/${pageId}`, { icon: { type: 'emoji', emoji: '📎' }, cover: { type: 'external', external: { url: 'https://example.com/c.png' } } });
    assert.deepEqual(r.json.icon, { type: 'emoji', emoji: '📎' });
    assert.deepEqual(r.json.cover, { type: 'external', external: { url: 'https://example.com/c.png' } });
  });

  it('refuses pending, foreign and unknown uploads', async () => {
    const pending = (await api.createUpload({ filename: 'p.png' })).json.id;
    refusal(await api.call('PATCH', `/v1/pages/${pageId}`, { cover: fileUpload(pending) }), /status pending/);
    const theirs = await api.as('ntn_other').uploadSingle('t.png', 'image/png', bytesOf(10));
    refusal(await api.call('PATCH', `/v1/pages/${pageId}`, { cover: fileUpload(theirs.id) }), /Could not find file_upload/);
    refusal(await api.call('PATCH', `/v1/pages/${pageId}`, { cover: fileUpload('00000000-0000-4000-8000-000000000000') }), /Could not find file_upload/);
  });

  it('refuses expired uploads; attached uploads stay usable after the hour', async () => {
    const unattached = await png();
    const attached = await png();
    assert.equal((await api.call('PATCH', `/v1/pages/${pageId}`, { cover: fileUpload(attached.id) })).status, 200);
    emu.clock.advance(3600_000);
    refusal(await api.call('PATCH', `/v1/pages/${pageId}`, { icon: fileUpload(unattached.id) }), /has expired/);
    const other = emu.seed.page({ title: 'Second' }).id;
    const reuse = await api.call('PATCH', `/v1/pages/${other}`, { icon: fileUpload(attached.id) });
    assert.equal(reuse.status, 200, 'upload once, attach many');
    assert.equal((await api.call('GET', `/v1/file_uploads/${attached.id}`)).json.status, 'uploaded');
  });

  it('leaves nothing changed when any part of the update is refused', async () => {
    const good = await png();
    const pdf = await api.uploadSingle('doc.pdf', 'application/pdf', bytesOf(50));
    refusal(await api.call('PATCH', `/v1/pages/${pageId}`, { cover: fileUpload(good.id), icon: fileUpload(pdf.id) }), /icon/);
    assert.equal((await api.call('GET', `/v1/pages/${pageId}`)).json.cover, null);
    assert.notEqual((await api.call('GET', `/v1/file_uploads/${good.id}`)).json.expiry_time, null, 'not attached');
  });

  it('replaces the files property array and renders items with names', async () => {
    const a = await api.uploadSingle('a.pdf', 'application/pdf', bytesOf(10, 1));
    const b = await api.uploadSingle('b.mp3', 'audio/mpeg', bytesOf(10, 2));
    const first = await api.call('PATCH', `/v1/pages/${rowId}`, { properties: { Files: { files: [fileUpload(a.id, 'First.pdf')] } } });
    assert.equal(first.status, 200, JSON.stringify(first.json));
    const files1 = first.json.properties.Files.files;
    assert.equal(files1.length, 1);
    assert.equal(files1[0].name, 'First.pdf');
    assert.equal(files1[0].type, 'file');
    const second = await api.call('PATCH', `/v1/pages/${rowId}`, { properties: { Files: { files: [fileUpload(b.id)] } } });
    const files2 = second.json.properties.Files.files;
    assert.deepEqual(files2.map((f: { name: string }) => f.name), ['b.mp3'], 'the array replaces, it does not append');
    const kept = await api.call('PATCH', `/v1/pages/${rowId}`, { properties: { Files: { files: [...files2, fileUpload(a.id)] } } });
    assert.equal(kept.status, 200, JSON.stringify(kept.json));
    assert.deepEqual(kept.json.properties.Files.files.map((f: { name: string }) => f.name), ['b.mp3', 'a.pdf'], 'existing items kept by sending them back');
  });

  it('refuses more than 100 files, unknown properties and forged file URLs', async () => {
    const a = await api.uploadSingle('a.pdf', 'application/pdf', bytesOf(10, 1));
    refusal(await api.call('PATCH', `/v1/pages/${rowId}`, { properties: { Files: { files: Array(101).fill(fileUpload(a.id)) } } }), /≤ `100`/);
    refusal(await api.call('PATCH', `/v1/pages/${rowId}`, { properties: { Attachments: { files: [] } } }), /Attachments is not a property that exists/);
    refusal(await api.call('PATCH', `/v1/pages/${rowId}`, { properties: { Files: { files: [{ type: 'external', external: { url: 'https://example.com/x.pdf' } }] } } }), /name should be defined/);
    const forged = { type: 'file', file: { url: `${emu.url}/files/${a.id}/a.pdf?exp=99999999999999&sig=forged` }, name: 'a.pdf' };
    refusal(await api.call('PATCH', `/v1/pages/${rowId}`, { properties: { Files: { files: [forged] } } }), /current Notion-hosted file URL/);
    const accepted = await api.call('PATCH', `/v1/pages/${rowId}`, { properties: { Files: { files: Array(100).fill(fileUpload(a.id)) } } });
    assert.equal(accepted.status, 200);
  });

  it('answers 404 naming the integration, with its id in additional_data, for pages not shared with it', async () => {
    const hidden = emu.seed.page({ title: 'Hidden', sharedWith: ['ntn_other'] }).id;
    const r = await api.call('GET', `/v1/pages/${hidden}`);
    assert.equal(r.status, 404);
    assert.equal(r.json.code, 'object_not_found');
    assert.equal(r.json.message, `Could not find page with ID: ${hidden}. Make sure the relevant pages and databases are shared with your integration "Emulator Bot".`);
    const me = await api.call('GET', '/v1/users/me');
    assert.deepEqual(r.json.additional_data, { integration_id: me.json.id });
    const child = emu.seed.page({ title: 'Child of hidden', parentPageId: hidden }).id;
    assert.equal((await api.call('PATCH', `/v1/pages/${child}`, { icon: null })).status, 404, 'children inherit sharing');
    assert.equal((await api.as('ntn_other').call('GET', `/v1/pages/${child}`)).status, 200);
  });

  it('sends archived and in_trash (and is_archived on 2025-09-03) before 2026-03-11, only in_trash from 2026-03-11, refusing archived there', async () => {
    const old = await api.withVersion('2022-06-28').call('GET', `/v1/pages/${pageId}`);
    assert.equal(old.json.archived, false);
    assert.equal(old.json.in_trash, false);
    assert.equal(old.json.is_archived, undefined);
    const v25 = await api.withVersion('2025-09-03').call('GET', `/v1/pages/${pageId}`);
    assert.deepEqual([v25.json.archived, v25.json.in_trash, v25.json.is_archived], [false, false, false]);
    assert.equal((emu.getPageJson(pageId, '2026-03-11') as { in_trash: boolean }).in_trash, false);
    const v26 = api.withVersion('2026-03-11');
    refusal(await v26.call('PATCH', `/v1/pages/${pageId}`, { archived: true }), /use in_trash/);
    const trashed = await v26.call('PATCH', `/v1/pages/${pageId}`, { in_trash: true });
    assert.equal(trashed.json.in_trash, true);
    assert.equal(trashed.json.archived, undefined);
    assert.equal(trashed.json.is_archived, undefined);
    refusal(await v26.call('PATCH', `/v1/pages/${pageId}`, { icon: null }), /archived/);
  });

  it('serves signed file URLs with bytes, type and length, until one hour of emulator time', async () => {
    const bytes = bytesOf(70_000, 9);
    const up = await api.uploadSingle('pic.png', 'image/png', bytes);
    const page = await api.call('PATCH', `/v1/pages/${pageId}`, { cover: fileUpload(up.id) });
    const url: string = page.json.cover.file.url;
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('content-length'), '70000');
    const got = Buffer.from(await res.arrayBuffer());
    assert.equal(createHash('sha256').update(got).digest('hex'), emu.uploadSha256(up.id));
    const tampered = url.replace(/sig=[^&]+/, 'sig=AAAA');
    assert.equal((await fetch(tampered)).status, 403);
    emu.clock.advance(3600_000);
    const expired = await fetch(url);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /Request has expired/);
    const fresh = (await api.call('GET', `/v1/pages/${pageId}`)).json.cover.file.url;
    assert.notEqual(fresh, url);
    assert.equal((await fetch(fresh)).status, 200, 're-fetching the page gives a working URL');
  });
});
