// Walking a page for its files against the emulator: every place, pagination, nesting,
// the depth limit, progress, cancellation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageFilesBrowser } from '../../../src/core/files/browser';
import type { PageFile, WalkProgress } from '../../../src/core/files/types';
import { childListRequests } from './helpers';
import { useRichPage } from './seed';

const ctx = useRichPage();

function describe(f: PageFile): string {
  const l = f.location;
  const where = l.type === 'block' ? `${l.blockType}@${l.depth}` : l.type === 'property' ? `property ${l.property} ${l.index}` : l.type;
  return `${where}|${f.name}|${f.kind}`;
}

test('finds every file: cover, icon, files property, blocks past 100 children and nested ones', async () => {
  const before = ctx.env.emu.requests.length;
  const files = await ctx.env.files.listFiles(ctx.page.pageId);
  assert.deepEqual(files.map(describe), ctx.page.expected);
  // Pagination: the page has 124 top-level blocks and "Long" 106 children: two list requests each.
  const long = files.find((f) => f.name === 'long.pdf')!;
  assert.equal(long.location.type, 'block');
  const pageLists = ctx.env.emu.requests.slice(before).filter((r) => r.path === `/v1/blocks/${ctx.page.pageId}/children`);
  assert.equal(pageLists.length, 2);
  assert.match(pageLists[1].query, /start_cursor=/);
  // Hosted files carry their signed link and its expiry; external ones do not expire.
  for (const f of files) {
    assert.ok(f.url, `${f.name} has a url`);
    if (f.kind === 'external') assert.equal(f.expiryTime, undefined);
    else assert.ok(Date.parse(f.expiryTime!) > ctx.env.emu.clock.now(), `${f.name} expires in the future`);
  }
  assert.ok(files.find((f) => f.kind === 'upload' && f.location.type === 'cover')?.fileUploadId);
});

test('a page URL works as well as an id', async () => {
  const url = `https://www.notion.so/acme/Launch-kit-${ctx.page.pageId.replace(/-/g, '')}?pvs=4`;
  const files = await ctx.env.files.listFiles(url);
  assert.equal(files.length, ctx.page.expected.length);
});

test('the depth limit stops the walk and counts what it did not enter', async () => {
  const progress: WalkProgress[] = [];
  const found: PageFile[] = [];
  const result = await ctx.env.files.walk(ctx.page.pageId, { maxDepth: 3, onFile: (f) => found.push(f), onProgress: (p) => progress.push(p) });
  assert.deepEqual(
    found.map(describe),
    ctx.page.expected.filter((e) => !e.startsWith('video@4')),
  );
  assert.equal(result.skippedDeep, 1, 'Level 3 toggle has children beyond the limit');
  assert.equal(result.title, 'Launch kit');
  const top = await ctx.env.files.walk(ctx.page.pageId, { maxDepth: 1 });
  assert.equal(top.files, 7, 'four page files plus three top-level file blocks');
  await assert.rejects(ctx.env.files.walk(ctx.page.pageId, { maxDepth: 0 }), /maxDepth/);
});

test('progress grows as the walk goes and ends at the full count', async () => {
  const progress: WalkProgress[] = [];
  const result = await ctx.env.files.walk(ctx.page.pageId, { onProgress: (p) => progress.push(p) });
  assert.ok(progress.length >= 5);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i].blocks >= progress[i - 1].blocks);
  // 124 top level, 3 + 2 + 1 nested, 106 in "Long".
  assert.equal(result.blocks, 124 + 3 + 2 + 1 + 106);
  assert.deepEqual(progress.at(-1), { blocks: result.blocks, files: result.files, requests: result.requests, skippedDeep: 0 });
  assert.equal(childListRequests(ctx.env.emu, ctx.page.level2Id) > 0, true);
});

test('a cancelled walk stops requesting and the browser keeps what it found', async () => {
  const browser = new PageFilesBrowser(ctx.env.files);
  const controller = new AbortController();
  const sub = browser.model.onDidChange((e) => {
    if (e.type === 'added' && e.file.name === 'diagram.png') controller.abort();
  });
  const before = ctx.env.emu.requests.length;
  const state = await browser.open(ctx.page.pageId, { signal: controller.signal });
  sub.dispose();
  assert.equal(state, 'cancelled');
  assert.equal(browser.model.state, 'cancelled');
  assert.deepEqual(browser.model.files.map(describe), ctx.page.expected.slice(0, 5));
  // Only the page and the first children list were read.
  assert.equal(ctx.env.emu.requests.length - before, 2);
  browser.dispose();
});

test('the browser streams files into its model and reports failures instead of throwing', async () => {
  const browser = new PageFilesBrowser(ctx.env.files);
  const events: string[] = [];
  browser.model.onDidChange((e) => events.push(e.type));
  assert.equal(await browser.open(ctx.page.pageId), 'done');
  assert.equal(browser.model.files.length, ctx.page.expected.length);
  assert.equal(browser.model.title, 'Launch kit');
  assert.equal(events.filter((e) => e === 'added').length, ctx.page.expected.length);
  assert.equal(events.at(-1), 'state');

  assert.equal(await browser.open('not a page'), 'failed');
  assert.match(browser.model.error!.message, /Not a Notion page id or link: "not a page"/);
  assert.equal(browser.model.files.length, 0);

  const missing = '0123456789abcdef0123456789abcdef';
  assert.equal(await browser.open(missing), 'failed');
  assert.match(browser.model.error!.message, /Connections/);
  browser.dispose();
});
