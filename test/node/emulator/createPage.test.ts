// POST /v1/pages: under a page (title only, children with uploads, cover), as a database
// entry (2025-09-03 data_source_id, 2022-06-28 database_id; files property from uploads),
// and the refusals — wrong types, pending/expired uploads, unknown properties, unshared
// parents — that create nothing. Also GET data source / database (the schema).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, TestApi } from '../../emulator/testClient';

const title = (content: string) => ({ title: [{ type: 'text', text: { content } }] });
const fu = (id: string, extra: Record<string, unknown> = {}) => ({ type: 'file_upload', file_upload: { id }, ...extra });

describe('emulator: creating pages', () => {
  let emu: Emulator;
  let api: TestApi;
  let parent: string;
  let db: string;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false }, tokens: { ntn_other: {} } });
    api = new TestApi(emu.url);
    db = emu.seed.database({ title: 'Assets', properties: { Name: 'title', Files: 'files', Notes: 'rich_text' } }).id;
  });
  beforeEach(() => {
    parent = emu.seed.page({ title: 'Parent' }).id;
  });
  after(() => emu.close());

  const refusal = (r: { status: number; json: { code: string; message: string } }, pattern: RegExp) => {
    assert.equal(r.status, 400, JSON.stringify(r.json));
    assert.equal(r.json.code, 'validation_error');
    assert.match(r.json.message, pattern);
  };
  const upload = (name: string, type: string, seed = 1) => api.uploadSingle(name, type, bytesOf(40, seed)).then((u) => u.id as string);
  const children = async (id: string) => (await api.call('GET', `/v1/blocks/${id}/children`)).json.results;

  it('creates a sub-page holding the file as a block, with an image cover, listed under its parent', async () => {
    const png = await upload('shot.png', 'image/png');
    const r = await api.call('POST', '/v1/pages', {
      parent: { page_id: parent }, properties: { title: title('shot.png').title }, cover: fu(png),
      children: [{ type: 'image', image: fu(png) }],
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.object, 'page');
    assert.deepEqual(r.json.parent, { type: 'page_id', page_id: parent });
    assert.equal(r.json.properties.title.title[0].plain_text, 'shot.png');
    assert.equal(r.json.cover.type, 'file');
    const blocks = await children(r.json.id);
    assert.equal(blocks[0].type, 'image');
    assert.match(blocks[0].image.file.url, new RegExp(png));
    assert.deepEqual((await children(parent)).map((b: any) => b.type), ['child_page']);
    assert.equal((await api.call('GET', `/v1/file_uploads/${png}`)).json.expiry_time, null);
  });

  it('creates a database entry with a files property (2025-09-03: data_source_id)', async () => {
    const pdf = await upload('spec.pdf', 'application/pdf');
    const r = await api.call('POST', '/v1/pages', {
      parent: { data_source_id: db }, properties: { Name: title('spec'), Files: { files: [fu(pdf, { name: 'spec.pdf' })] } },
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.parent.type, 'data_source_id');
    assert.equal(r.json.parent.data_source_id, db);
    assert.equal(r.json.properties.Files.files[0].name, 'spec.pdf');
    assert.equal(r.json.properties.Files.files[0].type, 'file');
    assert.deepEqual(r.json.properties.Notes.rich_text, [], 'properties not given are empty');
  });

  it('takes database_id on 2022-06-28 and refuses data_source_id there', async () => {
    const old = api.withVersion('2022-06-28');
    const r = await old.call('POST', '/v1/pages', { parent: { database_id: db }, properties: { Name: title('old style') } });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.deepEqual(r.json.parent, { type: 'database_id', database_id: db });
    refusal(await old.call('POST', '/v1/pages', { parent: { data_source_id: db }, properties: {} }), /requires Notion-Version 2025-09-03/);
  });

  it('accepts a bare rich-text array as the title (as recorded)', async () => {
    const r = await api.call('POST', '/v1/pages', { parent: { page_id: parent }, properties: { title: [{ text: { content: 'Test Page' } }] }, children: [] });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.properties.title.title[0].plain_text, 'Test Page');
  });

  it('refuses wrong types, unusable uploads and unknown properties, and creates nothing', async () => {
    const mp4 = await upload('v.mp4', 'video/mp4');
    const pending = (await api.createUpload({ filename: 'p.png', content_type: 'image/png' })).json.id;
    const old = await upload('old.png', 'image/png', 7);
    refusal(await api.call('POST', '/v1/pages', { parent: { page_id: parent }, cover: fu(mp4) }), /cover accepts only image/);
    refusal(await api.call('POST', '/v1/pages', { parent: { page_id: parent }, children: [{ type: 'image', image: fu(mp4) }] }), /image block accepts only image/);
    refusal(await api.call('POST', '/v1/pages', { parent: { page_id: parent }, children: [{ type: 'file', file: fu(pending) }] }), /status pending/);
    refusal(await api.call('POST', '/v1/pages', { parent: { data_source_id: db }, properties: { Attachments: { files: [] } } }), /Attachments is not a property/);
    refusal(await api.call('POST', '/v1/pages', { parent: { page_id: parent }, properties: { Files: { files: [] } } }), /only "title"/);
    emu.clock.advance(3600_001);
    refusal(await api.call('POST', '/v1/pages', { parent: { data_source_id: db }, properties: { Files: { files: [fu(old)] } } }), /has expired/);
    assert.deepEqual(await children(parent), []);
    assert.notEqual((await api.call('GET', `/v1/file_uploads/${mp4}`)).json.expiry_time, null, 'no refused request attaches');
  });

  it('answers 404 for a parent not shared with the integration', async () => {
    const hidden = emu.seed.page({ title: 'Private', sharedWith: ['ntn_other'] }).id;
    const r = await api.call('POST', '/v1/pages', { parent: { page_id: hidden }, properties: {} });
    assert.equal(r.status, 404);
    assert.match(r.json.message, /Could not find page/);
  });

  it('reads a data source schema (2025-09-03) and a database (2022-06-28 schema; later: its data sources)', async () => {
    const ds = await api.call('GET', `/v1/data_sources/${db}`);
    assert.equal(ds.status, 200, JSON.stringify(ds.json));
    assert.equal(ds.json.object, 'data_source');
    assert.equal(ds.json.properties.Files.type, 'files');
    const dbNew = await api.call('GET', `/v1/databases/${db}`);
    assert.deepEqual(dbNew.json.data_sources.map((d: any) => d.id), [db]);
    const dbOld = await api.withVersion('2022-06-28').call('GET', `/v1/databases/${db}`);
    assert.equal(dbOld.json.object, 'database');
    assert.equal(dbOld.json.properties.Files.type, 'files');
    refusal(await api.withVersion('2022-06-28').call('GET', `/v1/data_sources/${db}`), /2025-09-03 or later/);
  });
});
