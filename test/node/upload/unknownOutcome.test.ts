// An attach whose outcome is unknown (applied, answer lost, and the follow-up read failed
// too): the record says so, and retry / resume / attach(id) look on the target first and
// write only when the upload is not there — no second block, no second write.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openEnv, randomFile, type Env } from './helpers';
import { NotionNetworkError } from '../../../src/core/notion/errors';
import { UploadService } from '../../../src/core/upload/uploadService';

let env: Env;
before(async () => (env = await openEnv()));
after(() => env.close());

type Json = Record<string, any>;
const uploadIdOf = (f: Json) => /\/files\/([0-9a-f-]{36})\//.exec(f?.file?.url ?? '')?.[1];
const lost = (method: string) =>
  new NotionNetworkError({ kind: 'network', method, path: '…', detail: 'socket hang up', causeCode: 'ECONNRESET', mayHaveApplied: true });

/** Applies the write, then loses its answer; reads of the children fail as well. */
function losingClient(): UploadService {
  const client = Object.create(env.client, {
    appendBlockChildren: {
      value: async (...a: Parameters<typeof env.client.appendBlockChildren>) => {
        await env.client.appendBlockChildren(...a);
        throw lost('PATCH');
      },
    },
    listBlockChildren: { value: async () => { throw new NotionNetworkError({ kind: 'network', method: 'GET', path: '…', detail: 'ECONNRESET', causeCode: 'ECONNRESET', mayHaveApplied: false }); } },
    updatePage: {
      value: async (...a: Parameters<typeof env.client.updatePage>) => {
        await env.client.updatePage(...a);
        throw lost('PATCH');
      },
    },
  });
  return new UploadService(client, { history: env.history, progressIntervalMs: 0, dedupe: false });
}

test('block: unknown outcome is recorded as such; retry finds the block and does not append again', async () => {
  const page = env.emu.seed.page({ title: 'Unknown block' }).id;
  const f = await randomFile(env.dir, 'maybe.png', 2_000);
  let key = '';
  await assert.rejects(losingClient().uploadAndAttach(f.path, { pageId: page, as: 'block' }, { onRecord: (k) => (key = k) }));
  const rec = env.history.get(key)!;
  assert.equal(rec.attachUnknown, true);
  assert.match(rec.error ?? '', /Not known whether "maybe\.png" was attached/);
  assert.notEqual(rec.state, 'attached');

  const mark = env.emu.requests.length;
  const res = (await env.service.retry(key)) as { blockId?: string };
  const kids = (await env.client.listBlockChildren(page, { pageSize: 100 })).results as Json[];
  assert.equal(kids.length, 1, 'one block, not two');
  assert.equal(res.blockId, kids[0].id);
  assert.equal(env.emu.requests.slice(mark).filter((r) => r.method === 'PATCH').length, 0, 'nothing written');
  assert.equal(env.emu.requests.slice(mark).filter((r) => r.path === '/v1/file_uploads').length, 0, 'nothing uploaded');
  const after = env.history.get(key)!;
  assert.equal(after.state, 'attached');
  assert.equal(after.attachUnknown, undefined);
  assert.equal(after.attachments[0].blockId, kids[0].id);
});

test('cover: unknown outcome; attach(id) and retry look at the page first and write nothing', async () => {
  const page = env.emu.seed.page({ title: 'Unknown cover' }).id;
  const f = await randomFile(env.dir, 'maybe-cover.png', 2_100);
  let key = '';
  await assert.rejects(losingClient().uploadAndAttach(f.path, { pageId: page, as: 'cover' }, { onRecord: (k) => (key = k) }));
  assert.equal(env.history.get(key)!.attachUnknown, true);
  const id = env.history.get(key)!.fileUploadId!;
  assert.equal(uploadIdOf((env.emu.getPageJson(page) as Json).cover), id, 'it did happen');
  const mark = env.emu.requests.length;
  await env.service.attach(id, { pageId: page, as: 'cover' });
  assert.equal(env.emu.requests.slice(mark).filter((r) => r.method === 'PATCH').length, 0);
  assert.equal(env.history.get(key)!.state, 'attached');
});

test('block: unknown outcome that did not happen: retry appends once', async () => {
  const page = env.emu.seed.page({ title: 'Unknown, not applied' }).id;
  const f = await randomFile(env.dir, 'not-applied.png', 2_200);
  const client = Object.create(env.client, {
    appendBlockChildren: { value: async () => { throw lost('PATCH'); } },
    listBlockChildren: { value: async () => { throw lost('GET'); } },
  });
  let key = '';
  await assert.rejects(new UploadService(client, { history: env.history, dedupe: false }).uploadAndAttach(f.path, { pageId: page, as: 'block' }, { onRecord: (k) => (key = k) }));
  assert.equal(env.history.get(key)!.attachUnknown, true);
  await env.service.retry(key);
  const kids = (await env.client.listBlockChildren(page, { pageSize: 100 })).results as Json[];
  assert.equal(kids.length, 1);
  assert.equal(uploadIdOf(kids[0].image), env.history.get(key)!.fileUploadId);
});
