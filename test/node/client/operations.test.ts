// Every NotionApi operation against the emulator, on each supported Notion-Version.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NotionClient } from '../../../src/core/notion/client';
import { closeAllPools } from '../../../src/core/notion/dispatcher';
import { NOTION_VERSIONS, type FileUpload } from '../../../src/core/notion/types';
import { startEmulator, type Emulator } from '../../emulator/index';

const TOKEN = 'ntn_client_operations_token';
const MIB = 1024 * 1024;
let emu: Emulator;
let dir: string;
let pngPath: string;
let bigPath: string;
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(3000)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

before(async () => {
  emu = await startEmulator({ rateLimit: { enabled: false } });
  emu.addToken(TOKEN, { name: 'Assets Bot', workspaceName: 'Acme Docs', maxFileUploadSizeBytes: 5 * 1024 * 1024 * 1024 });
  dir = mkdtempSync(join(tmpdir(), 'client-ops-'));
  pngPath = join(dir, 'pic.png');
  writeFileSync(pngPath, png);
  bigPath = join(dir, 'big.pdf');
  writeFileSync(bigPath, randomBytes(5 * MIB + 1234));
});

after(async () => {
  await emu.close();
  await closeAllPools();
  rmSync(dir, { recursive: true, force: true });
});

const clientFor = (notionVersion: (typeof NOTION_VERSIONS)[number]) =>
  new NotionClient({ token: TOKEN, baseUrl: emu.url, notionVersion, limiter: false });

async function uploadedPng(client: NotionClient): Promise<FileUpload> {
  const created = await client.createFileUpload({ mode: 'single_part', filename: 'pic.png', contentType: 'image/png' });
  return client.sendFileUpload(created.id, { data: await openAsBlob(pngPath), filename: 'pic.png', contentType: 'image/png' });
}

describe('users/me', () => {
  it('returns the bot name, workspace name and per-file limit', async () => {
    const me = await clientFor('2025-09-03').getBotUser();
    assert.equal(me.type, 'bot');
    assert.equal(me.name, 'Assets Bot');
    assert.equal(me.bot.workspace_name, 'Acme Docs');
    assert.equal(me.bot.workspace_limits?.max_file_upload_size_in_bytes, 5 * 1024 * 1024 * 1024);
  });
});

for (const version of NOTION_VERSIONS) {
  describe(`file uploads on ${version}`, () => {
    const client = () => clientFor(version);

    it('single part: create, send from disk with progress, retrieve; in_trash always present', async () => {
      const c = client();
      const created = await c.createFileUpload({ mode: 'single_part', filename: 'pic.png', contentType: 'image/png' });
      assert.equal(created.status, 'pending');
      assert.equal(created.in_trash, false);
      assert.equal(created.archived, false);
      const progress: number[] = [];
      const sent = await c.sendFileUpload(created.id, {
        data: await openAsBlob(pngPath),
        filename: 'pic.png',
        contentType: 'image/png',
        onBytes: (n) => progress.push(n),
      });
      assert.equal(sent.status, 'uploaded');
      assert.equal(sent.content_length, png.length);
      assert.equal(progress.at(-1), png.length);
      assert.equal(emu.uploadSha256(created.id), sha256(png));
      const got = await c.getFileUpload(created.id);
      assert.equal(got.status, 'uploaded');
      assert.equal(got.in_trash, false);
    });

    it('multi part: parts sent out of order from slices of one file, then complete', async () => {
      const c = client();
      const blob = await openAsBlob(bigPath);
      const created = await c.createFileUpload({ mode: 'multi_part', filename: 'big.pdf', contentType: 'application/pdf', numberOfParts: 2 });
      assert.equal(created.number_of_parts?.total, 2);
      const part = (n: number, a: number, b: number) =>
        c.sendFileUpload(created.id, { data: blob.slice(a, b), filename: 'big.pdf', contentType: 'application/pdf', partNumber: n });
      await part(2, 5 * MIB, blob.size);
      const afterOne = await part(1, 0, 5 * MIB);
      assert.equal(afterOne.status, 'pending');
      assert.equal(afterOne.number_of_parts?.sent, 2);
      const done = await c.completeFileUpload(created.id);
      assert.equal(done.status, 'uploaded');
      assert.equal(done.content_length, blob.size);
      assert.equal(emu.uploadSha256(created.id), sha256(readFileSync(bigPath)));
    });

    it('list: newest first, paginated with next_cursor, filtered by status', async () => {
      const c = client();
      const a = await c.createFileUpload({ mode: 'single_part', filename: 'a.png', contentType: 'image/png' });
      const b = await c.createFileUpload({ mode: 'single_part', filename: 'b.png', contentType: 'image/png' });
      const first = await c.listFileUploads({ status: 'pending', pageSize: 1 });
      assert.equal(first.results.length, 1);
      assert.equal(first.results[0].id, b.id);
      assert.equal(first.has_more, true);
      assert.ok(first.next_cursor);
      const second = await c.listFileUploads({ status: 'pending', pageSize: 1, startCursor: first.next_cursor! });
      assert.equal(second.results[0].id, a.id);
      assert.equal(typeof second.results[0].in_trash, 'boolean');
      const uploaded = await c.listFileUploads({ status: 'uploaded', pageSize: 100 });
      assert.ok(uploaded.results.every((u) => u.status === 'uploaded'));
      assert.ok(!uploaded.results.some((u) => u.id === a.id));
    });
  });

  describe(`pages and blocks on ${version}`, () => {
    const client = () => clientFor(version);

    it('page retrieve and update: cover, icon', async () => {
      const c = client();
      const { id } = emu.seed.page({ title: `Cover page ${version}` });
      const before = await c.getPage(id);
      assert.equal(before.id, id);
      assert.equal(before.cover, null);
      assert.equal(before.in_trash, false);
      const img = await uploadedPng(c);
      const file = { type: 'file_upload', file_upload: { id: img.id } };
      const updated = await c.updatePage(id, { cover: file, icon: file });
      assert.equal(updated.cover?.type, 'file');
      assert.equal(updated.icon?.type, 'file');
      const again = await c.getPage(id.replace(/-/g, '')); // 32-hex ids are accepted too
      assert.equal(again.cover?.type, 'file');
    });

    it('page update: a files property', async () => {
      const c = client();
      const db = emu.seed.database({ title: `Assets ${version}`, properties: { Name: 'title', Attachments: 'files' } });
      const { id } = emu.seed.databasePage(db.id, { title: 'Row' });
      const img = await uploadedPng(c);
      const page = await c.updatePage(id, {
        properties: { Attachments: { files: [{ type: 'file_upload', file_upload: { id: img.id }, name: 'pic.png' }] } },
      });
      const files = page.properties.Attachments.files ?? [];
      assert.equal(files.length, 1);
      assert.equal(files[0].type, 'file');
      assert.equal(files[0].name, 'pic.png');
    });

    it('page update: in_trash is written in the version\'s spelling and read back as in_trash', async () => {
      const c = client();
      const { id } = emu.seed.page({ title: `Trash me ${version}` });
      const trashed = await c.updatePage(id, { in_trash: true });
      assert.equal(trashed.in_trash, true);
      const restored = await c.updatePage(id, { in_trash: false });
      assert.equal(restored.in_trash, false);
    });

    it('block children: list paginated, append with a file upload, retrieve and update a block', async () => {
      const c = client();
      const { id: pageId } = emu.seed.page({ title: `Blocks ${version}` });
      const para = (t: string) => ({ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: t } }] } });
      const seeded = emu.seed.blocks(pageId, [para('one'), para('two'), para('three')]);
      const p1 = await c.listBlockChildren(pageId, { pageSize: 2 });
      assert.deepEqual(p1.results.map((b) => b.id), seeded.ids.slice(0, 2));
      assert.equal(p1.has_more, true);
      const p2 = await c.listBlockChildren(pageId, { pageSize: 2, startCursor: p1.next_cursor! });
      assert.deepEqual(p2.results.map((b) => b.id), [seeded.ids[2]]);
      assert.equal(p2.has_more, false);

      const img = await uploadedPng(c);
      const appended = await c.appendBlockChildren(
        pageId,
        [{ type: 'image', image: { type: 'file_upload', file_upload: { id: img.id }, caption: [] } }],
        { type: 'after_block', blockId: seeded.ids[0] },
      );
      const imageBlock = appended.results.find((b) => b.type === 'image')!;
      assert.ok(imageBlock);
      const order = (await c.listBlockChildren(pageId)).results.map((b) => b.id);
      assert.deepEqual(order, [seeded.ids[0], imageBlock.id, seeded.ids[1], seeded.ids[2]]);

      const block = await c.getBlock(imageBlock.id);
      assert.equal(block.type, 'image');
      assert.equal(block.in_trash, false);
      const img2 = await uploadedPng(c);
      const replaced = await c.updateBlock(imageBlock.id, { image: { file_upload: { id: img2.id } } });
      assert.equal(replaced.type, 'image');
      const deleted = await c.updateBlock(imageBlock.id, { in_trash: true });
      assert.equal(deleted.in_trash, true);
    });

    it('append at the end (default) and at the start', async () => {
      const c = client();
      const { id: pageId } = emu.seed.page({ title: `Positions ${version}` });
      const para = (t: string) => ({ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: t } }] } });
      const first = await c.appendBlockChildren(pageId, [para('a')]);
      const second = await c.appendBlockChildren(pageId, [para('b')], { type: 'end' });
      const ids = [first.results[0].id, second.results[0].id];
      if (version === '2026-03-11') {
        const start = await c.appendBlockChildren(pageId, [para('z')], { type: 'start' });
        ids.unshift(start.results[0].id);
      } else {
        const before = emu.requests.length;
        await assert.rejects(c.appendBlockChildren(pageId, [para('z')], { type: 'start' }), /needs Notion-Version 2026-03-11/);
        assert.equal(emu.requests.length, before, 'no request is sent for an impossible position');
      }
      assert.deepEqual((await c.listBlockChildren(pageId)).results.map((b) => b.id), ids);
    });
  });
}

describe('search', () => {
  it('finds pages by title and reduces them to summaries', async () => {
    const c = clientFor('2025-09-03');
    const { id } = emu.seed.page({ title: 'Quarterly Zebra Report', icon: { type: 'emoji', emoji: '🦓' } });
    emu.seed.page({ title: 'Unrelated' });
    const found = await c.searchPages('zebra');
    assert.equal(found.results.length, 1);
    assert.equal(found.results[0].id, id);
    assert.equal(found.results[0].title, 'Quarterly Zebra Report');
    assert.equal(found.results[0].icon, '🦓');
    assert.equal(found.results[0].parentType, 'workspace');
  });

  it('paginates', async () => {
    const c = clientFor('2022-06-28');
    for (const n of [1, 2, 3]) emu.seed.page({ title: `Paged Yak ${n}` });
    const p1 = await c.searchPages('paged yak', { pageSize: 2 });
    assert.equal(p1.results.length, 2);
    assert.equal(p1.has_more, true);
    const p2 = await c.searchPages('paged yak', { pageSize: 2, startCursor: p1.next_cursor! });
    assert.equal(p2.results.length, 1);
    assert.equal(new Set([...p1.results, ...p2.results].map((r) => r.id)).size, 3);
  });
});

describe('input checks before any request', () => {
  it('rejects bad ids, page sizes, child counts and part numbers without a request', async () => {
    const c = clientFor('2025-09-03');
    const before = emu.requests.length;
    await assert.rejects(c.getPage('https://www.notion.so/x'), /Invalid page id "https:\/\/www.notion.so\/x"/);
    await assert.rejects(c.getBlock('../users/me'), /Invalid block id/);
    await assert.rejects(c.listFileUploads({ pageSize: 101 }), /page_size must be a whole number from 1 to 100, got 101/);
    await assert.rejects(c.appendBlockChildren('1f2e3d4c5b6a79881f2e3d4c5b6a7988', []), /1 to 100 child blocks/);
    await assert.rejects(
      c.createFileUpload({ mode: 'multi_part', filename: 'a.pdf', numberOfParts: 1001 }),
      /number_of_parts from 1 to 1000, got 1001/,
    );
    await assert.rejects(
      c.sendFileUpload('1f2e3d4c5b6a79881f2e3d4c5b6a7988', { data: new Blob(['x']), filename: 'a.pdf', contentType: 'application/pdf', partNumber: 0 }),
      /part_number must be a whole number from 1 to 1000, got 0/,
    );
    assert.equal(emu.requests.length, before);
  });

  it('rejects an unknown Notion-Version and a bad token at construction', () => {
    assert.throws(() => new NotionClient({ token: TOKEN, baseUrl: emu.url, notionVersion: '2024-01-01' as never }), /Unsupported Notion-Version "2024-01-01"/);
    assert.throws(() => new NotionClient({ token: 'has space', baseUrl: emu.url }), (e: Error) => !e.message.includes('has space'));
  });
});
