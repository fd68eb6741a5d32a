// The Uploads view: items and their states from real records, expiry on the emulator's clock
// (Refresh Status) and on time without a reload (the ticker), and the item/title actions.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MemoryHistoryStore } from '../../../src/core/history/memoryStore';
import type { UploadRecord } from '../../../src/core/history/types';
import { UploadHistory } from '../../../src/core/history/uploadHistory';
import { contextValue, describeState, openPageLink, toTreeItem } from '../../../src/uploadsView/item';
import { ExpiryTicker, UploadsTreeProvider } from '../../../src/uploadsView/view';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { DEFAULT_TOKEN, getFixture, type Fixture } from './fixture';
import { Messages } from './messages';

const MIN = 60_000;

function record(over: Partial<UploadRecord>): UploadRecord {
  const now = new Date().toISOString();
  return {
    key: Math.random().toString(36).slice(2), source: '/tmp/shot.png', filename: 'shot.png', contentType: 'image/png',
    sizeBytes: 1000, mode: 'single_part', state: 'pending', sentBytes: 0, createdTime: now, expiryTime: null,
    attachments: [], updatedTime: now, ...over,
  };
}

async function uploadOnly(f: Fixture): Promise<string> {
  const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.upload', { files: [f.file('png')], page: f.pages.second, placement: 'none' });
  assert.equal(res?.error, undefined, res?.error);
  return res.uploads[0].key!;
}

suite('Uploads view', () => {
  let f: Fixture;
  suiteSetup(async () => {
    f = await getFixture();
  });

  test('descriptions, icons and context values for each state', () => {
    const now = Date.now();
    const cases: [Partial<UploadRecord>, RegExp, string][] = [
      [{ state: 'uploading', sentBytes: 420, sizeBytes: 1000 }, /^uploading 42 %$/, 'sync~spin'],
      [{ state: 'pending', fileUploadId: 'u1', expiryTime: new Date(now + 36.5 * MIN).toISOString() }, /^pending · expires in 37 min$/, 'clock'],
      [{ state: 'attached', fileUploadId: 'u2', attachments: [{ pageId: 'p1', placement: 'cover', at: '' }, { pageId: 'p2', placement: 'block', at: '' }] }, /^attached · 2 places$/, 'pass-filled'],
      [{ state: 'expired', fileUploadId: 'u3' }, /^expired$/, 'history'],
      [{ state: 'failed', error: 'Notion could not find the page. More text here.' }, /^failed · Notion could not find the page$/, 'error'],
    ];
    for (const [over, desc, icon] of cases) {
      const r = record(over);
      const item = toTreeItem(r, now);
      assert.match(String(item.description), desc);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, icon);
    }
    assert.equal(contextValue(record({ state: 'attached', fileUploadId: 'x', attachments: [{ pageId: 'p', placement: 'icon', at: '' }] })), 'upload.attached.reusable.hasId.hasPage');
    assert.equal(contextValue(record({ state: 'uploading' })), 'upload.uploading');
    // An "uploading" record nothing works on (VS Code closed mid-upload) reads interrupted and offers Retry.
    const stale = toTreeItem(record({ state: 'uploading', sentBytes: 300, sizeBytes: 1000 }), now, undefined, false);
    assert.equal(stale.description, 'interrupted · 30 %');
    assert.equal(stale.contextValue, 'upload.interrupted');
    assert.equal(contextValue(record({ state: 'expired', fileUploadId: 'x' })), 'upload.expired.hasId');
  });

  test('the tooltip has id, size, type, created, expiry and a link to every page', () => {
    const r = record({ state: 'attached', fileUploadId: 'abc-123', sizeBytes: 2048, attachments: [
      { pageId: '11111111-2222-3333-4444-555555555555', placement: 'cover', at: '' },
      { pageId: '66666666-7777-8888-9999-000000000000', placement: 'block', detail: 'image', at: '' },
    ] });
    const tip = toTreeItem(r, Date.now()).tooltip as vscode.MarkdownString;
    const md = tip.value;
    const pages = ['11111111-2222-3333-4444-555555555555', '66666666-7777-8888-9999-000000000000'];
    for (const s of ['abc-123', '2.0 KiB', 'image/png', 'Created', 'Expiry', ...pages.map((p) => `](${openPageLink(r.key, p)})`)]) {
      assert.ok(md.includes(s), `tooltip has ${s}:\n${md}`);
    }
    assert.deepEqual(tip.isTrusted, { enabledCommands: ['notionAssets.item.openPage'] }, 'the links may run Open Page and nothing else');
  });

  test('a tooltip page link opens that page as Open Page does (its own url from the API: the emulator\'s page view here)', async () => {
    const pageA = f.emulator.seed.page({ title: 'Tooltip Link A' }).id;
    const pageB = f.emulator.seed.page({ title: 'Tooltip Link B' }).id;
    f.emulator.setPageViewUrls(true);
    const env = vscode.env as unknown as { openExternal: unknown };
    const original = env.openExternal;
    const opened: string[] = [];
    env.openExternal = async (u: vscode.Uri) => (opened.push(u.toString(true)), true);
    try {
      const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.addBlock', { files: [f.file('png')], page: pageA });
      const key = res!.uploads[0].key!;
      const attached = await vscode.commands.executeCommand('notionAssets.item.attachTo', key, { page: pageB, placement: 'block' });
      const r = f.api.listUploads().find((u) => u.key === key)!;
      assert.equal(r.attachments.length, 2, `attached to both pages (${JSON.stringify(attached)}): ${JSON.stringify(r.attachments)}`);
      const links = [...(toTreeItem(r, Date.now()).tooltip as vscode.MarkdownString).value.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]);
      assert.equal(links.length, 2, 'a link per page');
      const link = links[1];
      const [command, query] = link.slice('command:'.length).split('?');
      await vscode.commands.executeCommand(command, ...JSON.parse(decodeURIComponent(query)));
      assert.deepEqual(opened, [`${f.emulator.url}/pages/${pageB.replace(/-/g, '')}`], 'the second page, by its url, without asking which');
    } finally {
      env.openExternal = original;
      f.emulator.setPageViewUrls(false);
    }
  });

  test('failed, cancelled and expired rows show no expiry: only an upload Notion can still attach has one', () => {
    const now = Date.now();
    const soon = new Date(now + 59 * MIN).toISOString();
    for (const state of ['failed', 'cancelled', 'expired'] as const) {
      const item = toTreeItem(record({ state, fileUploadId: 'u', expiryTime: soon, error: state === 'failed' ? 'Notion refused it.' : undefined }), now);
      const text = `${item.description} ${(item.tooltip as vscode.MarkdownString).value} ${item.accessibilityInformation?.label}`;
      assert.doesNotMatch(text, /expires|Expiry/, `${state}: ${text}`);
    }
    const pending = (toTreeItem(record({ state: 'pending', fileUploadId: 'u', expiryTime: soon }), now).tooltip as vscode.MarkdownString).value;
    assert.match(pending, /Expiry: .*expires in 59 min/);
  });

  test('items are the real history, newest first; an upload from a command appears as pending with its countdown', async () => {
    const key = await uploadOnly(f);
    const records = f.api.listUploads();
    assert.equal(records[0].key, key, 'newest first');
    // A store holds records oldest first.
    const h = await UploadHistory.open(new MemoryHistoryStore([...records].reverse()));
    const provider = new UploadsTreeProvider(h);
    const keys = provider.getChildren();
    assert.deepEqual(keys, records.map((r) => r.key));
    const item = provider.getTreeItem(key);
    assert.match(String(item.description), /^pending · expires in (60|59) min$/);
    provider.dispose();
  });

  test('expiry on the emulator clock: Refresh Status after Notion\'s hour turns the upload expired', async () => {
    const key = await uploadOnly(f);
    f.emulator.clock.advance(61 * MIN);
    const [rec] = await vscode.commands.executeCommand<UploadRecord[]>('notionAssets.item.refreshStatus', key);
    assert.equal(rec.state, 'expired');
    assert.equal(f.api.listUploads().find((r) => r.key === key)!.state, 'expired');
    const item = toTreeItem(rec, Date.now());
    assert.equal(item.description, 'expired');
    assert.equal(item.contextValue, 'upload.expired.hasId', 'no Attach to… on an expired upload');
  });

  test('Refresh Status reads where the file still is: a replaced cover drops a place, and a message says what changed', async () => {
    const page = f.emulator.seed.page({ title: 'Refresh Page' }).id;
    const messages = new Messages();
    try {
      const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.setCover', { files: [f.file('png')], page });
      assert.equal(res?.error, undefined, res?.error);
      const key = res.uploads[0].key!;
      for (const placement of ['block', 'icon']) {
        await vscode.commands.executeCommand('notionAssets.item.attachTo', key, { page, placement });
      }
      assert.equal(toTreeItem(f.api.listUploads().find((r) => r.key === key)!, Date.now()).description, 'attached · 3 places');

      // In Notion, someone sets another cover.
      const patched = await fetch(`${f.emulator.url}/v1/pages/${page}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Notion-Version': '2025-09-03', 'Content-Type': 'application/json' },
        body: JSON.stringify({ cover: { type: 'external', external: { url: 'https://example.com/other.png' } } }),
      });
      assert.equal(patched.status, 200);
      messages.shown.length = 0;
      const [rec] = await vscode.commands.executeCommand<UploadRecord[]>('notionAssets.item.refreshStatus', key);
      assert.equal(toTreeItem(rec, Date.now()).description, 'attached · 2 places');
      assert.deepEqual(rec.attachments.map((a) => a.placement).sort(), ['block', 'icon']);
      assert.match((await messages.waitFor(/^Refreshed/)).text, /attached · 2 places/);

      // The block deleted and the icon removed too: no longer attached anywhere.
      const blockId = rec.attachments.find((a) => a.placement === 'block')!.blockId!;
      for (const [method, url, body] of [['DELETE', `/v1/blocks/${blockId}`, undefined], ['PATCH', `/v1/pages/${page}`, { icon: { type: 'emoji', emoji: '📄' } }]] as const) {
        const r = await fetch(`${f.emulator.url}${url}`, { method, headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Notion-Version': '2025-09-03', 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
        assert.equal(r.status, 200, `${method} ${url}`);
      }
      messages.shown.length = 0;
      const [again] = await vscode.commands.executeCommand<UploadRecord[]>('notionAssets.item.refreshStatus', key);
      const item = toTreeItem(again, Date.now());
      assert.equal(item.description, 'no longer attached');
      assert.match((item.tooltip as vscode.MarkdownString).value, /No longer on/);
      assert.match((await messages.waitFor(/^Refreshed/)).text, /no longer attached/);
    } finally {
      messages.restore();
    }
  });

  test('an upload turns expired at its expiry time without a reload (the ticker repaints then)', async () => {
    const h = await UploadHistory.open(new MemoryHistoryStore([record({ key: 'soon', state: 'pending', fileUploadId: 'u', expiryTime: new Date(Date.now() + 400).toISOString() })]));
    const provider = new UploadsTreeProvider(h);
    assert.match(String(provider.getTreeItem('soon').description), /^pending · expires in 1 s$/);
    let repaints = 0;
    const expiredSeen = new Promise<void>((resolve) => {
      const ticker = new ExpiryTicker(h, () => true, () => {
        repaints++;
        if (provider.getTreeItem('soon').description === 'expired') {
          ticker.dispose();
          resolve();
        }
      }, 60_000);
    });
    await expiredSeen;
    assert.ok(repaints >= 1);
    provider.dispose();
  });

  test('the ticker does nothing while the view is hidden', async () => {
    const h = await UploadHistory.open(new MemoryHistoryStore([record({ state: 'pending', fileUploadId: 'u', expiryTime: new Date(Date.now() + 100).toISOString() })]));
    let repaints = 0;
    const t = new ExpiryTicker(h, () => false, () => repaints++, 50);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(repaints, 0);
    assert.equal(t.nextExpiryAt, undefined);
    t.dispose();
  });

  test('thousands of entries: every key listed once, newest first', async () => {
    const base = Date.now() - 10_000 * 1000;
    const many = Array.from({ length: 5000 }, (_, i) => record({ key: `k${i}`, state: i % 2 ? 'attached' : 'expired', createdTime: new Date(base + i * 1000).toISOString() }));
    const h = await UploadHistory.open(new MemoryHistoryStore(many), { maxEntries: 10_000 });
    const provider = new UploadsTreeProvider(h);
    const keys = provider.getChildren();
    assert.equal(keys.length, 5000);
    assert.equal(keys[0], 'k4999');
    assert.equal(new Set(keys).size, 5000);
    provider.dispose();
  });

  test('a progress update repaints one row; a new record repaints the list', async () => {
    const h = await UploadHistory.open(new MemoryHistoryStore([record({ key: 'a', state: 'uploading', sizeBytes: 100 })]));
    const provider = new UploadsTreeProvider(h);
    provider.getChildren();
    const fired: (string | undefined)[] = [];
    provider.onDidChangeTreeData((e) => fired.push(e ?? undefined));
    h.update('a', { sentBytes: 50 });
    h.put(record({ key: 'b' }));
    assert.deepEqual(fired, ['a', undefined]);
    assert.equal(provider.getTreeItem('a').description, 'uploading 50 %');
    provider.dispose();
  });

  test('Copy ID puts the Notion id on the clipboard; Remove drops the entry', async () => {
    const key = await uploadOnly(f);
    const rec = f.api.listUploads().find((r) => r.key === key)!;
    await vscode.commands.executeCommand('notionAssets.item.copyId', key);
    assert.equal(await vscode.env.clipboard.readText(), rec.fileUploadId);
    assert.equal(await vscode.commands.executeCommand('notionAssets.item.remove', key), 1);
    assert.equal(f.api.listUploads().some((r) => r.key === key), false);
  });

  test('Clear Finished keeps pending uploads and drops attached/expired/failed ones', async () => {
    const pendingKey = await uploadOnly(f);
    const before = f.api.listUploads();
    assert.ok(before.some((r) => r.state === 'attached' || r.state === 'expired'), 'finished entries exist');
    const n = await vscode.commands.executeCommand<number>('notionAssets.clearFinished');
    const after = f.api.listUploads();
    assert.ok(n > 0);
    assert.ok(after.every((r) => r.state === 'pending' || r.state === 'uploading'));
    assert.ok(after.some((r) => r.key === pendingKey));
  });

  test('the API fires the history change event and lists the same records', async () => {
    const seen: string[][] = [];
    const d = f.api.onDidChangeUploads((e) => seen.push(e.keys));
    const key = await uploadOnly(f);
    d.dispose();
    assert.ok(seen.some((k) => k.includes(key)));
    assert.equal(f.api.version, 1);
  });
});
