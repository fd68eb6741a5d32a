// Fresh links: a hosted file's signed URL is renewed when it is expired or within five
// minutes of expiry (emulator clock), by re-reading the page or the block that owns it.
import assert from 'node:assert/strict';
import { request } from 'undici';
import { test } from 'node:test';
import { FileGoneError, needsRefresh } from '../../../src/core/files/freshLink';
import { PageFilesBrowser } from '../../../src/core/files/browser';
import { PageFilesService } from '../../../src/core/files/service';
import type { PageFile } from '../../../src/core/files/types';
import { useRichPage } from './seed';

const ctx = useRichPage();

const MIN = 60_000;
const status = async (url: string) => {
  const res = await request(url);
  await res.body.dump();
  return res.statusCode;
};
const requestsSince = (n: number) => ctx.env.emu.requests.slice(n).map((r) => `${r.method} ${r.path}`);

async function find(name: string): Promise<PageFile> {
  const f = (await ctx.env.files.listFiles(ctx.page.pageId)).find((x) => x.name === name);
  assert.ok(f, name);
  return f;
}

test('a link with more than five minutes left is used as is, without a request', async () => {
  const cover = await find('cover.png');
  const n = ctx.env.emu.requests.length;
  assert.equal(await ctx.env.files.freshFile(cover), cover);
  assert.deepEqual(requestsSince(n), []);
  const icon = await find('icon.png');
  assert.equal(await ctx.env.files.freshUrl(icon), 'https://example.com/img/icon.png', 'external links never expire');
});

test('expired links are renewed from their owner: page for cover and property, block for blocks', async () => {
  const cover = await find('cover.png');
  const prop = await find('a.pdf');
  const notes = await find('notes.txt');
  ctx.env.emu.clock.advance(61 * MIN);
  for (const f of [cover, prop, notes]) assert.equal(await status(f.url), 403, `${f.name}'s old link is dead`);

  const n = ctx.env.emu.requests.length;
  const fresh = await Promise.all([cover, prop, notes].map((f) => ctx.env.files.freshFile(f)));
  const notesBlock = notes.location.type === 'block' ? notes.location.blockId : '';
  assert.deepEqual(requestsSince(n).sort(), [`GET /v1/blocks/${notesBlock}`, `GET /v1/pages/${ctx.page.pageId}`, `GET /v1/pages/${ctx.page.pageId}`].sort());
  for (const [i, f] of fresh.entries()) {
    const old = [cover, prop, notes][i];
    assert.notEqual(f.url, old.url);
    assert.equal(f.key, old.key);
    assert.equal(f.kind, old.kind);
    assert.ok(Date.parse(f.expiryTime!) - ctx.env.emu.clock.now() > 55 * MIN, `${f.name} has a new hour`);
    assert.equal(await status(f.url), 200, `${f.name}'s new link works`);
  }
});

test('a link within five minutes of expiry is renewed; one with six minutes left is not', async () => {
  const cover = await find('cover.png');
  const expiry = Date.parse(cover.expiryTime!);
  assert.equal(needsRefresh(cover, expiry - 6 * MIN), false);
  assert.equal(needsRefresh(cover, expiry - 5 * MIN), true);
  ctx.env.emu.clock.advance(expiry - ctx.env.emu.clock.now() - 4 * MIN);
  assert.equal(await status(cover.url), 200, 'still valid for four minutes');
  const fresh = await ctx.env.files.freshFile(cover);
  assert.notEqual(fresh.url, cover.url);
});

test('the browser shows the renewed link and expiry in its model', async () => {
  const browser = new PageFilesBrowser(ctx.env.files);
  await browser.open(ctx.page.pageId);
  const report = browser.model.files.find((f) => f.name === 'report.pdf')!;
  ctx.env.emu.clock.advance(2 * 60 * MIN);
  const changes: string[] = [];
  browser.model.onDidChange((e) => e.type === 'updated' && changes.push(e.file.key));
  const fresh = await browser.freshFile(report);
  assert.deepEqual(changes, [report.key]);
  assert.equal(browser.model.get(report.key)!.url, fresh.url);
  assert.equal(browser.model.get(report.key)!.kind, 'upload');
  browser.dispose();
});

test('a file whose block was deleted reports that it is gone', async () => {
  const notes = await find('notes.txt');
  assert.equal(notes.location.type, 'block');
  const blockId = notes.location.type === 'block' ? notes.location.blockId : '';
  await ctx.env.client.updateBlock(blockId, { in_trash: true });
  ctx.env.emu.clock.advance(2 * 60 * MIN);
  await assert.rejects(ctx.env.files.freshFile(notes), (e: unknown) => {
    assert.ok(e instanceof FileGoneError, String(e));
    assert.match(e.message, /“notes\.txt” \(file block\) is no longer on page .*block was deleted/);
    return true;
  });
});

test('verify: a link our clock thinks is fresh but the file host refuses is renewed', async () => {
  const skewed = new PageFilesService({ api: ctx.env.client }); // real clock, behind the emulator's after the tests above
  const report = (await skewed.listFiles(ctx.page.pageId)).find((f) => f.name === 'report.pdf')!;
  ctx.env.emu.clock.advance(2 * 60 * MIN);
  assert.equal(await skewed.freshFile(report), report, 'by our clock it is fresh');
  const n = ctx.env.emu.requests.length;
  const verified = await skewed.freshFile(report, { verify: true });
  assert.notEqual(verified.url, report.url);
  assert.equal(await status(verified.url), 200);
  const seen = ctx.env.emu.requests.slice(n).map((r) => `${r.method} ${r.path.startsWith('/files/') ? '/files/…' : r.path} ${r.status}`);
  assert.deepEqual(seen.slice(0, 2), ['GET /files/… 403', `GET /v1/blocks/${(report.location as { blockId: string }).blockId} 200`]);
  // A link that works is used as is after the one-byte check.
  const m = ctx.env.emu.requests.length;
  assert.equal(await skewed.freshFile(verified, { verify: true }), verified);
  const probe = ctx.env.emu.requests.slice(m);
  assert.equal(probe.length, 1);
  assert.ok([200, 206].includes(probe[0].status), 'a server may ignore the range');
});
