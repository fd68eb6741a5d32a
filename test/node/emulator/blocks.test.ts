// Blocks: append (≤ 100, media compatibility, nesting, after/position per version), children
// pagination, retrieve/update/delete.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, TestApi } from '../../emulator/testClient';

const para = (text: string, children?: unknown[]) => ({
  type: 'paragraph',
  paragraph: { rich_text: [{ type: 'text', text: { content: text } }], ...(children ? { children } : {}) },
});
const media = (type: string, id: string, extra: Record<string, unknown> = {}) => ({ type, [type]: { type: 'file_upload', file_upload: { id }, ...extra } });

describe('emulator: blocks', () => {
  let emu: Emulator;
  let api: TestApi;
  let pageId: string;
  let png: string;
  let mp4: string;
  let pdf: string;
  let mp3: string;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false } });
    api = new TestApi(emu.url);
    png = (await api.uploadSingle('p.png', 'image/png', bytesOf(10))).id;
    mp4 = (await api.uploadSingle('v.mp4', 'video/mp4', bytesOf(10))).id;
    pdf = (await api.uploadSingle('d.pdf', 'application/pdf', bytesOf(10))).id;
    mp3 = (await api.uploadSingle('s.mp3', 'audio/mpeg', bytesOf(10))).id;
  });
  beforeEach(() => {
    pageId = emu.seed.page({ title: 'Blocks' }).id;
  });
  after(() => emu.close());

  const refusal = (r: { status: number; json: { code: string; message: string } }, pattern: RegExp) => {
    assert.equal(r.status, 400, JSON.stringify(r.json));
    assert.equal(r.json.code, 'validation_error');
    assert.match(r.json.message, pattern);
  };
  const append = (children: unknown[], extra: Record<string, unknown> = {}, a = api, parent = pageId) =>
    a.call('PATCH', `/v1/blocks/${parent}/children`, { children, ...extra });
  const childTexts = async (parent = pageId) =>
    (await api.call('GET', `/v1/blocks/${parent}/children`)).json.results.map((b: any) => b.paragraph?.rich_text[0]?.plain_text ?? b.type);

  it('appends media blocks whose files fit, rendered as signed files', async () => {
    const r = await append([media('image', png), media('video', mp4), media('audio', mp3), media('pdf', pdf), media('file', pdf, { name: 'Report.pdf' }), media('file', png)]);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.object, 'list');
    assert.deepEqual(r.json.results.map((b: any) => b.type), ['image', 'video', 'audio', 'pdf', 'file', 'file']);
    const img = r.json.results[0];
    assert.equal(img.image.type, 'file');
    assert.match(img.image.file.url, /\/files\//);
    assert.deepEqual(img.image.caption, []);
    assert.equal(r.json.results[4].file.name, 'Report.pdf');
    assert.equal(r.json.results[5].file.name, 'p.png');
    assert.equal((await api.call('GET', `/v1/file_uploads/${png}`)).json.expiry_time, null);
  });

  it('refuses files that do not fit the block type (video in an image block is a 400)', async () => {
    refusal(await append([media('image', mp4)]), /image block accepts only image/);
    refusal(await append([media('video', png)]), /video block accepts only video/);
    refusal(await append([media('audio', mp4)]), /audio block accepts only audio/);
    refusal(await append([media('pdf', png)]), /pdf block accepts only \.pdf/);
    assert.deepEqual(await childTexts(), [], 'nothing appended');
  });

  it('refuses the whole request when one child is bad', async () => {
    refusal(await append([para('ok'), media('image', mp4)]), /children\[1\]/);
    assert.deepEqual(await childTexts(), []);
  });

  it('refuses more than 100 children per request', async () => {
    refusal(await append(Array.from({ length: 101 }, (_, i) => para(`p${i}`))), /≤ `100`/);
    assert.equal((await append(Array.from({ length: 100 }, (_, i) => para(`p${i}`)))).status, 200);
  });

  it('refuses unknown block types and missing payloads', async () => {
    refusal(await append([{ type: 'hologram', hologram: {} }]), /supported block type/);
    refusal(await append([{ type: 'image' }]), /image should be an object/);
    refusal(await append([{ type: 'paragraph', paragraph: {} }]), /rich_text should be defined/);
  });

  it('paginates children with has_more and next_cursor', async () => {
    emu.seed.blocks(pageId, Array.from({ length: 150 }, (_, i) => para(`b${i}`)));
    const first = await api.call('GET', `/v1/blocks/${pageId}/children`);
    assert.equal(first.json.results.length, 100);
    assert.equal(first.json.has_more, true);
    const second = await api.call('GET', `/v1/blocks/${pageId}/children?page_size=100&start_cursor=${first.json.next_cursor}`);
    assert.equal(second.json.results.length, 50);
    assert.equal(second.json.has_more, false);
    assert.equal(second.json.next_cursor, null);
    assert.equal(second.json.results[49].paragraph.rich_text[0].plain_text, 'b149');
    const small = await api.call('GET', `/v1/blocks/${pageId}/children?page_size=7`);
    assert.equal(small.json.results.length, 7);
  });

  it('stores nested children, flagged by has_children, up to two levels per request', async () => {
    const r = await append([para('parent', [para('child', [para('grandchild')])])]);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const parent = r.json.results[0];
    assert.equal(parent.has_children, true);
    assert.deepEqual(await childTexts(parent.id), ['child']);
    const child = (await api.call('GET', `/v1/blocks/${parent.id}/children`)).json.results[0];
    assert.equal(child.has_children, true);
    assert.equal(child.parent.block_id, parent.id);
    refusal(await append([para('a', [para('b', [para('c', [para('d')])])])]), /nested at most 2 levels/);
    refusal(await append([{ type: 'divider', divider: { children: [para('x')] } }]), /cannot have children/);
  });

  it('inserts after a block with `after` before 2026-03-11 and refuses `position` there', async () => {
    const [a] = (await append([para('A'), para('C')])).json.results;
    assert.equal((await append([para('B')], { after: a.id.replace(/-/g, '') })).status, 200);
    assert.deepEqual(await childTexts(), ['A', 'B', 'C']);
    refusal(await append([para('X')], { position: { type: 'start' } }), /position requires Notion-Version 2026-03-11/);
    refusal(await append([para('X')], { after: '00000000-0000-4000-8000-000000000000' }), /child block/);
  });

  it('uses `position` on 2026-03-11 and refuses `after` there', async () => {
    const v26 = api.withVersion('2026-03-11');
    const [a] = (await append([para('A'), para('C')], {}, v26)).json.results;
    assert.equal(a.in_trash, false);
    assert.equal(a.archived, undefined);
    assert.equal((await append([para('B')], { position: { type: 'after_block', after_block: { id: a.id } } }, v26)).status, 200);
    assert.equal((await append([para('0')], { position: { type: 'start' } }, v26)).status, 200);
    assert.equal((await append([para('Z')], { position: { type: 'end' } }, v26)).status, 200);
    assert.deepEqual(await childTexts(), ['0', 'A', 'B', 'C', 'Z']);
    refusal(await append([para('X')], { after: a.id }, v26), /after is not supported/);
    refusal(await append([para('X')], { position: { type: 'middle' } }, v26), /position.type/);
  });

  it('retrieves and updates a media block, replacing its file and checking the type', async () => {
    const block = (await append([media('image', png, { caption: [{ type: 'text', text: { content: 'cap' } }] })])).json.results[0];
    const png2 = (await api.uploadSingle('q.png', 'image/png', bytesOf(20, 4))).id;
    const got = await api.call('GET', `/v1/blocks/${block.id}`);
    assert.equal(got.json.image.caption[0].plain_text, 'cap');
    const upd = await api.call('PATCH', `/v1/blocks/${block.id}`, { image: { file_upload: { id: png2 } } });
    assert.equal(upd.status, 200, JSON.stringify(upd.json));
    assert.match(upd.json.image.file.url, new RegExp(png2));
    assert.equal(upd.json.image.caption[0].plain_text, 'cap', 'caption kept');
    refusal(await api.call('PATCH', `/v1/blocks/${block.id}`, { image: { file_upload: { id: mp4 } } }), /image block accepts only image/);
    refusal(await api.call('PATCH', `/v1/blocks/${block.id}`, { video: { file_upload: { id: mp4 } } }), /is of type image/);
  });

  it('refuses to replace a block\'s file with a pending, expired, unknown or foreign upload, and keeps the old file', async () => {
    const block = (await append([media('file', pdf, { name: 'Report.pdf' })])).json.results[0];
    const before = (await api.call('GET', `/v1/blocks/${block.id}`)).json.file.file.url.split('?')[0];
    const pending = (await api.createUpload({ filename: 'n.pdf', content_type: 'application/pdf' })).json.id;
    refusal(await api.call('PATCH', `/v1/blocks/${block.id}`, { file: { file_upload: { id: pending } } }), /status pending/);
    refusal(await api.call('PATCH', `/v1/blocks/${block.id}`, { file: { file_upload: { id: '00000000-0000-4000-8000-000000000000' } } }), /Could not find file_upload/);
    const late = (await api.uploadSingle('late.pdf', 'application/pdf', bytesOf(30, 9))).id;
    emu.clock.advance(3600_001);
    refusal(await api.call('PATCH', `/v1/blocks/${block.id}`, { file: { file_upload: { id: late } } }), /has expired/);
    const after = (await api.call('GET', `/v1/blocks/${block.id}`)).json.file;
    assert.equal(after.file.url.split('?')[0], before, 'the old file stays');
    assert.equal(after.name, 'Report.pdf');
  });

  it('deletes blocks (trash) and hides them from children', async () => {
    const [a, b] = (await append([para('A'), para('B')])).json.results;
    const del = await api.call('DELETE', `/v1/blocks/${a.id}`);
    assert.equal(del.json.archived, true);
    assert.deepEqual(await childTexts(), ['B']);
    refusal(await api.call('PATCH', `/v1/blocks/${a.id}`, { paragraph: { rich_text: [] } }), /archived/);
    assert.equal((await api.call('GET', `/v1/blocks/${b.id}`)).status, 200);
  });

  it('shows child pages as child_page blocks and retrieves a page through the blocks API', async () => {
    const sub = emu.seed.page({ title: 'Sub page', parentPageId: pageId }).id;
    await append([para('after sub')]);
    const kids = (await api.call('GET', `/v1/blocks/${pageId}/children`)).json.results;
    assert.deepEqual(kids.map((b: any) => b.type), ['child_page', 'paragraph']);
    assert.equal(kids[0].child_page.title, 'Sub page');
    const asBlock = await api.call('GET', `/v1/blocks/${sub}`);
    assert.equal(asBlock.json.type, 'child_page');
    assert.equal(asBlock.json.id, sub);
  });

  it('answers 404 for unknown blocks and refuses appends to trashed pages', async () => {
    const r = await api.call('GET', '/v1/blocks/00000000-0000-4000-8000-000000000000/children');
    assert.equal(r.status, 404);
    assert.match(r.json.message, /Could not find block with ID/);
    await api.call('PATCH', `/v1/pages/${pageId}`, { archived: true });
    refusal(await append([para('late')]), /archived/);
  });
});
