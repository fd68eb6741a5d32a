// Conformance (b): the product's NotionClient against a server that answers with recorded
// Notion bodies — create/send/complete/retrieve/list, attach, read, search and errors. The
// client must read what Notion really returned, and send only what real traffic shows
// (asserted from what the replay server received).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { NotionClient } from '../../../src/core/notion/client';
import { NotionError } from '../../../src/core/notion/errors';
import { recording, type Interaction } from './recordings';
import { ReplayServer } from './replayServer';

const part = (n: number) => new Blob([new Uint8Array(n).fill(1)]);

describe('conformance: the client against recorded Notion answers', () => {
  let server: ReplayServer;
  let client: NotionClient;
  before(async () => {
    server = await new ReplayServer().start();
    client = new NotionClient({ token: 'replay-test-token', baseUrl: server.url, limiter: false, retry: { maxAttempts: 1 } });
  });
  after(() => server.close());
  afterEach(() => {
    const { mismatches, unanswered } = server.reset();
    assert.deepEqual(mismatches, [], 'every request is one the recording answered, in order');
    assert.equal(unanswered, 0, 'every recorded answer was asked for');
  });
  const lastRequest = () => server.received.at(-1)!;
  const only = (name: string, pick: (i: Interaction) => boolean = () => true) => recording(name).interactions.filter(pick);

  it('a 2-part .mp4 upload (hkob): parts typed like the upload and named with its extension, complete as recorded', async () => {
    const [create, send1, send2, complete] = only('hkob.multi_part_mp4');
    server.serve([create, send1, send2, complete]);
    const created = await client.createFileUpload({ mode: 'multi_part', filename: 'sample-15s.mp4', contentType: 'video/mp4', numberOfParts: 2 });
    assert.equal(created.content_type, 'application/mp4', 'Notion\'s own type is what the client keeps');
    assert.deepEqual(created.number_of_parts, { total: 2, sent: 0 });
    assert.equal(created.in_trash, false, 'in_trash filled in from archived');
    const id = created.id;
    // upload_url is on api.notion.com: the client builds the send URL from the id on its own origin.
    const first = await client.sendFileUpload(id, { data: part(1000), filename: 'sample-15s.mp4', contentType: 'video/mp4', partNumber: 1 });
    assert.equal(first.content_length, 10485760, 'bytes received so far');
    await client.sendFileUpload(id, { data: part(500), filename: 'sample-15s.mp4', contentType: 'video/mp4', partNumber: 2 });
    const sends = server.received.filter((r) => r.path.endsWith('/send'));
    assert.deepEqual(
      sends.map((r) => [r.form?.fields.part_number, r.form?.file?.filename, r.form?.file?.contentType]),
      [['1', 'sample-15s.mp4', 'video/mp4'], ['2', 'sample-15s.mp4', 'video/mp4']],
    );
    const done = await client.completeFileUpload(id);
    assert.equal(done.status, 'uploaded');
    assert.equal(done.content_length, 11916526);
    const req = lastRequest();
    assert.equal(req.headers['content-type'], 'application/json', 'complete: Content-Type as recorded');
    assert.equal(req.bodyBytes, 0, 'complete: no body, as recorded');
  });

  it('single part, then retrieve (notion-sdk-py): the create body is the recorded one', async () => {
    const rec = only('sdk-py.file_uploads_retrieve');
    server.serve(rec);
    const created = await client.createFileUpload({ mode: 'single_part', filename: 'test_file_small.txt', contentType: 'text/plain' });
    assert.deepEqual(server.received[0].json, rec[0].request.body);
    const sent = await client.sendFileUpload(created.id, { data: part(25), filename: 'test_file_small.txt', contentType: 'text/plain' });
    assert.equal(sent.status, 'uploaded');
    assert.equal(server.received[1].form?.fields.part_number, undefined, 'no part_number on a single part');
    const got = await client.getFileUpload(created.id);
    assert.deepEqual([got.status, got.content_length, got.archived, got.in_trash], ['uploaded', 25, false, false]);
  });

  it('external_url import (hkob): the create sends mode, filename and external_url only; the retrieve reads the import result', async () => {
    const [create, retrieve] = only('hkob.external_url');
    server.serve([create, retrieve]);
    const url = (create.request.body as { external_url: string }).external_url;
    const created = await client.createFileUpload({ mode: 'external_url', externalUrl: url, filename: 'dummy.pdf', contentType: 'application/pdf' });
    assert.deepEqual(server.received[0].json, create.request.body);
    assert.equal(created.status, 'pending');
    const done = await client.getFileUpload(created.id);
    assert.equal(done.file_import_result?.type, 'success');
    assert.equal(done.content_length, 13264);
  });

  it('list (notion-sdk-py): every upload read with both trash fields, statuses as recorded', async () => {
    const rec = only('sdk-py.file_uploads_list');
    server.serve(rec);
    const list = await client.listFileUploads();
    assert.equal(list.results.length, rec[0].response.body.results.length);
    for (const u of list.results) assert.equal(typeof u.in_trash, 'boolean');
    assert.deepEqual(new Set(list.results.map((u) => u.status)), new Set(rec[0].response.body.results.map((u: { status: string }) => u.status)));
    assert.equal(lastRequest().query, '', 'no query the recording did not send');
  });

  it('attach (hkob): cover and files property bodies as recorded, the answers read back as hosted files', async () => {
    const [, , cover, files] = only('hkob.single_part_png');
    server.serve([cover, files]);
    const pageId = '20bd8e4e98ab80c79576dcf6f6e5ee4a';
    const page = await client.updatePage(pageId, cover.request.body as Record<string, unknown>);
    assert.deepEqual(lastRequest().json, cover.request.body);
    assert.equal((page.cover as { type: string }).type, 'file');
    const updated = await client.updatePage(pageId, files.request.body as Record<string, unknown>);
    const prop = updated.properties.files as unknown as { files: Array<{ type: string; name: string; file: { url: string } }> };
    assert.deepEqual(prop.files.map((f) => [f.type, f.name]), [['file', 'test.png']]);
  });

  it('read (notion-sdk-py): page, block children and appended paragraph', async () => {
    const [getPage] = only('sdk-py.pages_retrieve', (i) => i.request.method === 'GET');
    const [children] = only('sdk-py.blocks_children_list', (i) => i.request.method === 'GET');
    const [append] = only('sdk-py.blocks_children_create', (i) => i.request.method === 'PATCH');
    server.serve([getPage, children, append]);
    const page = await client.getPage(getPage.request.path.split('/').at(-1)!);
    assert.deepEqual([page.in_trash, page.archived], [false, false]);
    const kids = await client.listBlockChildren(children.request.path.split('/').at(-2)!);
    assert.deepEqual(kids.results, []);
    const appended = await client.appendBlockChildren(append.request.path.split('/').at(-2)!, (append.request.body as { children: Record<string, unknown>[] }).children);
    assert.equal(appended.results[0].type, 'paragraph');
    assert.equal(appended.results[0].in_trash, false);
  });

  it('search (notion-sdk-py): only fields real traffic sent; non-pages dropped', async () => {
    const [search] = only('sdk-py.search', (i) => i.request.path === '/v1/search');
    server.serve([search]);
    const found = await client.searchPages('Test');
    assert.deepEqual(found.results, []);
    // Every search body in the notion-sdk-py cassettes used only these keys.
    const seen = new Set(['query', 'sort', 'page_size', 'start_cursor']);
    for (const k of Object.keys(lastRequest().json as object)) assert.ok(seen.has(k), `search sent ${k}, which no recording shows`);
  });

  it('errors: a 404 naming the integration, a 401, and a malformed id refused before any request', async () => {
    const [notShared] = only('sdk-py.build_request_error_integration');
    const [, unauthorized] = only('sdk-py.api_response_error');
    server.serve([notShared]);
    await assert.rejects(client.getPage('00000000-0000-0000-0000-000000000000'), (e: unknown) => {
      assert.ok(e instanceof NotionError);
      assert.deepEqual([e.status, e.code], [404, 'object_not_found']);
      assert.match(e.message, /shared with your integration "notion-sdk-py"/);
      assert.equal(e.requestId, notShared.response.body.request_id);
      return true;
    });
    server.serve([unauthorized], { path: '/v1/users/me' });
    await assert.rejects(client.getBotUser(), (e: unknown) => e instanceof NotionError && e.status === 401 && e.code === 'unauthorized');
    const sentSoFar = server.received.length;
    await assert.rejects(client.getPage('AAA'), /Invalid page id "AAA"/);
    assert.equal(server.received.length, sentSoFar, 'hkob retrieve_page_wrong_format: Notion answers 400; the client never sends it');
  });
});
