// Files property writes: one queue per (page, property) for the whole service, one read and
// one PATCH per batch, the answer checked to hold every item, and nothing recorded as
// attached that Notion's answer does not hold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openEnv, randomFile, type Env } from './helpers';
import { UploadService } from '../../../src/core/upload/uploadService';
import { PropertyWriteError } from '../../../src/core/upload/filesPropertyQueue';
import type { NotionApi } from '../../../src/core/notion/api';

let env: Env;
before(async () => (env = await openEnv()));
after(() => env.close());

type Json = Record<string, any>;
const uploadIdOf = (f: Json) => /\/files\/([0-9a-f-]{36})\//.exec(f.file?.url ?? '')?.[1];
const filesOf = (row: string) => (env.emu.getPageJson(row) as Json).properties.Files.files as Json[];

function newRow(title: string): string {
  const db = env.emu.seed.database({ title: `DB ${title}`, properties: { Name: 'title', Files: 'files' } });
  return env.emu.seed.databasePage(db.id, { title }).id;
}

const patchesTo = (row: string, mark: number) => env.emu.requests.slice(mark).filter((r) => r.method === 'PATCH' && r.path === `/v1/pages/${row}`).length;

test('concurrent attaches to one property: every item kept, each record attached, one PATCH for the batch', async () => {
  const row = newRow('Race');
  const ups = [];
  for (let i = 0; i < 6; i++) ups.push(await env.service.upload((await randomFile(env.dir, `race-${i}.png`, 1_000 + i)).path));
  const mark = env.emu.requests.length;
  await Promise.all(ups.map((u) => env.service.attach(u.id, { pageId: row, as: 'property', property: 'Files' })));
  const ids = filesOf(row).map(uploadIdOf).sort();
  assert.deepEqual(ids, ups.map((u) => u.id).sort(), 'no item lost to a concurrent write');
  for (const u of ups) assert.equal(env.history.findByUploadId(u.id)!.state, 'attached');
  assert.equal(patchesTo(row, mark), 1, 'one PATCH carried every item');
});

test('two services sharing nothing but the page still lose nothing when uploads attach concurrently', async () => {
  const row = newRow('Batch');
  const files = await Promise.all([0, 1, 2, 3].map((i) => randomFile(env.dir, `batch-${i}.pdf`, 2_000 + i)));
  await Promise.all(files.map((f) => env.service.uploadAndAttach(f.path, { pageId: row, as: 'property', property: 'Files' })));
  assert.deepEqual(filesOf(row).map((f) => f.name).sort(), files.map((_, i) => `batch-${i}.pdf`));
});

/** A client whose PATCH answers drop the last files item for the first `n` writes (Notion keeping less than sent). */
function droppingClient(n: number): NotionApi {
  let left = n;
  return Object.create(env.client, {
    updatePage: {
      value: async (id: string, body: Json, opts: unknown) => {
        const page = await env.client.updatePage(id, body, opts as never);
        if (left-- > 0 && body.properties?.Files) {
          // Another writer replaced the value right after ours: our new item is gone.
          const kept = (page.properties.Files as Json).files.slice(0, -1);
          await env.client.updatePage(id, { properties: { Files: { files: kept.map((f: Json) => ({ type: 'file', name: f.name, file: { url: f.file.url } })) } } });
          return env.client.getPage(id);
        }
        return page;
      },
    },
  });
}

test('an answer without the new item: written again, then attached', async () => {
  const row = newRow('Shortfall once');
  const svc = new UploadService(droppingClient(1), { history: env.history, progressIntervalMs: 0 });
  const f = await randomFile(env.dir, 'again.png', 1_500);
  const r = await svc.uploadAndAttach(f.path, { pageId: row, as: 'property', property: 'Files' });
  assert.deepEqual(filesOf(row).map(uploadIdOf), [r.fileUpload.id]);
  assert.equal(env.history.get(r.key)!.state, 'attached');
});

test('an answer that never holds the item: fails naming the file, never recorded as attached', async () => {
  const row = newRow('Shortfall always');
  const svc = new UploadService(droppingClient(99), { history: env.history, progressIntervalMs: 0 });
  const f = await randomFile(env.dir, 'lost-item.png', 1_600);
  let key: string | undefined;
  await assert.rejects(svc.uploadAndAttach(f.path, { pageId: row, as: 'property', property: 'Files' }, { onRecord: (k) => (key = k) }), (e: unknown) => {
    assert.ok(e instanceof PropertyWriteError, String(e));
    assert.match(e.message, /"lost-item\.png" did not stay in property "Files"/);
    return true;
  });
  const rec = env.history.get(key!)!;
  assert.notEqual(rec.state, 'attached');
  assert.equal(rec.attachments.length, 0);
  assert.deepEqual(filesOf(row), []);
});

test('an item already in the property is not written again (retry after an unknown outcome)', async () => {
  const row = newRow('Already there');
  const up = await env.service.upload((await randomFile(env.dir, 'there.png', 1_700)).path);
  await env.client.updatePage(row, { properties: { Files: { files: [{ type: 'file_upload', file_upload: { id: up.id }, name: 'there.png' }] } } });
  const mark = env.emu.requests.length;
  await env.service.attach(up.id, { pageId: row, as: 'property', property: 'Files' });
  assert.equal(patchesTo(row, mark), 0);
  assert.equal(filesOf(row).length, 1);
  assert.equal(env.history.findByUploadId(up.id)!.state, 'attached');
});
