// Comments: create on a page / block / discussion with rich text and up to 3 file-upload
// attachments (rendered with their category and a signed file URL), list, and the refusals
// (no text, 4 attachments, unknown / other integration's / pending / expired uploads,
// unshared page) that leave nothing behind.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator/index';
import { bytesOf, TestApi } from '../../emulator/testClient';

const text = (content: string) => [{ type: 'text', text: { content } }];

describe('emulator: comments with attachments', () => {
  let emu: Emulator;
  let api: TestApi;
  let pageId: string;
  before(async () => {
    emu = await startEmulator({ rateLimit: { enabled: false }, tokens: { ntn_other: {} } });
    api = new TestApi(emu.url);
  });
  beforeEach(() => {
    pageId = emu.seed.page({ title: 'Discussed' }).id;
  });
  after(() => emu.close());

  const refusal = (r: { status: number; json: { code: string; message: string } }, pattern: RegExp) => {
    assert.equal(r.status, 400, JSON.stringify(r.json));
    assert.equal(r.json.code, 'validation_error');
    assert.match(r.json.message, pattern);
  };
  const upload = (name: string, type: string, seed = 1) => api.uploadSingle(name, type, bytesOf(50, seed)).then((u) => u.id as string);
  const comment = (body: Record<string, unknown>, a = api) => a.call('POST', '/v1/comments', body);
  const listed = async (id = pageId) => (await api.call('GET', `/v1/comments?block_id=${id}`)).json;

  it('creates a comment with three attachments, each with its category and a signed file', async () => {
    const ids = [await upload('a.png', 'image/png'), await upload('b.pdf', 'application/pdf'), await upload('c.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')];
    const r = await comment({ parent: { page_id: pageId }, rich_text: text('Screens'), attachments: ids.map((file_upload_id) => ({ file_upload_id })) });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.object, 'comment');
    assert.deepEqual(r.json.parent, { type: 'page_id', page_id: pageId });
    assert.equal(r.json.rich_text[0].plain_text, 'Screens');
    assert.equal(r.json.display_name.type, 'integration');
    assert.deepEqual(r.json.attachments.map((a: any) => a.category), ['image', 'pdf', 'productivity']);
    assert.match(r.json.attachments[0].file.url, new RegExp(`/files/${ids[0]}/`));
    assert.ok(r.json.attachments[0].file.expiry_time);
    for (const id of ids) assert.equal((await api.call('GET', `/v1/file_uploads/${id}`)).json.expiry_time, null, 'attached: no expiry');
    const list = await listed();
    assert.equal(list.object, 'list');
    assert.equal(list.type, 'comment');
    assert.deepEqual(list.results.map((c: any) => c.id), [r.json.id]);
    assert.equal(list.results[0].attachments.length, 3);
  });

  it('refuses a fourth attachment, and the three good uploads stay unattached', async () => {
    const ids = await Promise.all(['a', 'b', 'c', 'd'].map((n, i) => upload(`${n}.png`, 'image/png', i + 10)));
    refusal(await comment({ parent: { page_id: pageId }, rich_text: text('four'), attachments: ids.map((file_upload_id) => ({ file_upload_id })) }), /attachments.length should be ≤ `3`/);
    assert.deepEqual((await listed()).results, []);
    assert.notEqual((await api.call('GET', `/v1/file_uploads/${ids[0]}`)).json.expiry_time, null);
  });

  it('needs rich text', async () => {
    const id = await upload('a.png', 'image/png');
    refusal(await comment({ parent: { page_id: pageId }, attachments: [{ file_upload_id: id }] }), /rich_text should be defined/);
    refusal(await comment({ parent: { page_id: pageId }, rich_text: text(''), attachments: [{ file_upload_id: id }] }), /cannot be empty/);
  });

  it('refuses unknown, foreign, pending and expired uploads', async () => {
    refusal(await comment({ parent: { page_id: pageId }, rich_text: text('x'), attachments: [{ file_upload_id: '00000000-0000-4000-8000-000000000000' }] }), /Could not find file_upload/);
    const foreign = (await api.as('ntn_other').uploadSingle('f.png', 'image/png', bytesOf(10))).id;
    refusal(await comment({ parent: { page_id: pageId }, rich_text: text('x'), attachments: [{ file_upload_id: foreign }] }), /Could not find file_upload/);
    const pending = (await api.createUpload({ filename: 'p.png', content_type: 'image/png' })).json.id;
    refusal(await comment({ parent: { page_id: pageId }, rich_text: text('x'), attachments: [{ file_upload_id: pending }] }), /status pending/);
    const old = await upload('old.png', 'image/png', 3);
    emu.clock.advance(3600_001);
    refusal(await comment({ parent: { page_id: pageId }, rich_text: text('x'), attachments: [{ file_upload_id: old }] }), /has expired/);
    assert.deepEqual((await listed()).results, []);
  });

  it('answers 404 for a page not shared with the integration', async () => {
    const hidden = emu.seed.page({ title: 'Private', sharedWith: ['ntn_other'] }).id;
    const r = await comment({ parent: { page_id: hidden }, rich_text: text('x') });
    assert.equal(r.status, 404);
    assert.match(r.json.message, /Make sure the relevant pages/);
  });

  it('adds to a discussion and comments on blocks', async () => {
    const first = (await comment({ parent: { page_id: pageId }, rich_text: text('one') })).json;
    const reply = await comment({ discussion_id: first.discussion_id, rich_text: text('two') });
    assert.equal(reply.status, 200, JSON.stringify(reply.json));
    assert.equal(reply.json.discussion_id, first.discussion_id);
    const [block] = emu.seed.blocks(pageId, [{ type: 'paragraph', paragraph: { rich_text: text('p') } }]).ids;
    const onBlock = await comment({ parent: { block_id: block }, rich_text: text('on block') });
    assert.deepEqual(onBlock.json.parent, { type: 'block_id', block_id: block });
    assert.deepEqual((await listed()).results.map((c: any) => c.rich_text[0].plain_text), ['one', 'two']);
    assert.equal((await listed(block)).results.length, 1);
    refusal(await comment({ discussion_id: '00000000-0000-4000-8000-000000000000', rich_text: text('x') }), /Could not find discussion/);
  });
});
