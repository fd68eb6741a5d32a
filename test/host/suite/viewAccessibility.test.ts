// Screen readers and keyboards in the two views: every Uploads and Page Files row carries an
// accessibilityInformation label that says its state and expiry in words, and every view
// action is reachable without a mouse — from the palette when the selected row's context
// menu offers it (checked by evaluating the when clauses) and on a row selected with the
// list's own keyboard commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { UploadRecord, UploadState } from '../../../src/core/history/types';
import type { BrowseResult } from '../../../src/pageFiles/commands';
import { toPageFileItem } from '../../../src/pageFiles/item';
import { PAGE_FILES_SELECTED_CONTEXT } from '../../../src/pageFiles/view';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { contextValue, toTreeItem } from '../../../src/uploadsView/item';
import { UPLOADS_SELECTED_CONTEXT } from '../../../src/uploadsView/view';
import { EXTENSION_ID, getFixture, type Fixture } from './fixture';

const MIN = 60_000;
type MenuItem = { command: string; when?: string; group?: string };

function rec(state: UploadState, over: Partial<UploadRecord> = {}): UploadRecord {
  const now = new Date().toISOString();
  return {
    key: Math.random().toString(36).slice(2), source: '/tmp/shot.png', filename: 'shot.png', contentType: 'image/png',
    sizeBytes: 1000, mode: 'single_part', state, sentBytes: 0, createdTime: now, expiryTime: null, attachments: [], updatedTime: now, ...over,
  };
}

const label = (item: vscode.TreeItem) => item.accessibilityInformation?.label ?? '';

/**
 * Evaluates the when clauses package.json uses here (terms joined by `&&`: `key =~ /re/`,
 * `key == value`, `key`, `!key`) against a context, as VS Code does (`=~` is a JS RegExp).
 */
function evaluate(when: string | undefined, ctx: Record<string, string | boolean | undefined>): boolean {
  if (when === undefined) return true;
  return when.split(/\s*&&\s*/).every((term) => {
    let m = /^(\S+) =~ \/(.*)\/(\w*)$/.exec(term);
    if (m) return new RegExp(m[2], m[3]).test(String(ctx[m[1]] ?? ''));
    m = /^(\S+) == (\S+)$/.exec(term);
    if (m) return ctx[m[1]] === m[2];
    m = /^(!?)([\w.]+)$/.exec(term);
    assert.ok(m, `when term this test can evaluate: ${term}`);
    if (m[2] === 'false' || m[2] === 'true') return (m[2] === 'true') !== (m[1] === '!');
    return !!ctx[m[2]] !== (m[1] === '!');
  });
}

suite('Views: screen reader labels and keyboard', () => {
  let f: Fixture;
  const pkg = () => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;

  suiteSetup(async () => {
    f = await getFixture();
  });

  test('Uploads rows read their state and expiry in words', () => {
    const now = Date.now();
    const cases: [UploadRecord, boolean, string][] = [
      [rec('pending', { fileUploadId: 'u1', expiryTime: new Date(now + 36.5 * MIN).toISOString() }), true, 'shot.png, uploaded, not attached yet, expires in 37 minutes'],
      [rec('pending', { fileUploadId: 'u1', expiryTime: new Date(now + 0.5 * MIN).toISOString() }), true, 'shot.png, uploaded, not attached yet, expires in 30 seconds'],
      [rec('pending', { fileUploadId: 'u1', expiryTime: new Date(now + 0.9 * MIN).toISOString() }), true, 'shot.png, uploaded, not attached yet, expires in 54 seconds'],
      [rec('attached', { fileUploadId: 'u2', attachments: [{ pageId: 'p1', placement: 'cover', at: '' }, { pageId: 'p2', placement: 'block', at: '' }] }), true, 'shot.png, attached to 2 pages'],
      [rec('attached', { fileUploadId: 'u2', attachments: [{ pageId: 'p1', placement: 'cover', at: '' }] }), true, 'shot.png, attached to 1 page'],
      [rec('attached', { fileUploadId: 'u2', attachments: [{ pageId: 'p1', placement: 'cover', at: '' }, { pageId: 'p1', placement: 'icon', at: '' }, { pageId: 'p2', placement: 'block', at: '' }] }), true, 'shot.png, attached in 3 places on 2 pages'],
      [rec('uploading', { sentBytes: 420 }), true, 'shot.png, uploading, 42 percent sent'],
      [rec('uploading', { sentBytes: 300 }), false, 'shot.png, interrupted at 30 percent, can be retried'],
      [rec('expired', { fileUploadId: 'u3' }), true, 'shot.png, expired, Notion no longer accepts it'],
      [rec('failed', { error: 'Notion could not find the page. Share it with the integration.' }), true, 'shot.png, failed: Notion could not find the page'],
      [rec('cancelled'), true, 'shot.png, cancelled'],
    ];
    for (const [r, running, expected] of cases) {
      const item = toTreeItem(r, now, undefined, running);
      assert.equal(label(item), expected, `${r.state}: ${item.description}`);
      assert.doesNotMatch(label(item), /·|%|\bmin\b|\bs$/, 'no symbols or abbreviations a screen reader spells out');
    }
  });

  test('an upload from a command reads its expiry in minutes while it waits to be attached', async () => {
    const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.upload', { files: [f.file('png')], page: f.pages.second, placement: 'none' });
    assert.equal(res?.error, undefined, res?.error);
    const r = f.api.listUploads().find((x) => x.key === res.uploads[0].key)!;
    assert.ok(r.expiryTime, 'Notion gave the pending upload an expiry');
    // The emulator's clock may run ahead of ours (other suites advance it): minutes from its expiry time.
    const now = Date.now();
    const minutes = Math.ceil((Date.parse(r.expiryTime) - now) / MIN);
    assert.equal(label(toTreeItem(r, now)), `${r.filename}, uploaded, not attached yet, expires in ${minutes} minutes`);
  });

  test('Page Files rows read where the file sits, how it is hosted and when its link expires, in words', async () => {
    const pageId = f.emulator.seed.page({ title: 'Labels Page', cover: { type: 'external', external: { url: 'https://example.com/covers/sky.jpg' } } }).id;
    await f.api.upload(f.file('pdf'), { pageId, as: 'block' });
    f.emulator.seed.blocks(pageId, [{ type: 'bookmark', bookmark: { url: 'https://example.com/blog/post', caption: [] } }]);
    const result = (await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', pageId))!;
    assert.equal(result?.state, 'done');
    const now = Date.now();
    const labels = result.files.map((file) => label(toPageFileItem(file, now)));
    assert.equal(labels[0], 'sky.jpg, page cover, external link');
    const pdf = result.files[1];
    const minutes = Math.ceil((Date.parse(pdf.expiryTime!) - now) / MIN);
    assert.equal(labels[1], `${pdf.name}, pdf block, one of your uploads, link expires in ${minutes} minutes`);
    assert.equal(labels[2], 'post, bookmark block, external link');
  });

  test('every view action is in the palette exactly when the selected row\'s context menu offers it', () => {
    const menus = pkg().contributes.menus;
    const palette: MenuItem[] = menus.commandPalette;
    const inPalette = (command: string) => palette.find((p) => p.command === command)?.when;
    // The row contexts the views produce.
    const withId = { fileUploadId: 'id' };
    const rows: Record<string, string[]> = {
      'notionAssets.uploads': [
        contextValue(rec('uploading', withId), true), contextValue(rec('uploading', withId), false),
        contextValue(rec('pending', withId)), contextValue(rec('attached', { ...withId, attachments: [{ pageId: 'p', placement: 'cover', at: '' }] })),
        contextValue(rec('expired', withId)), contextValue(rec('failed')), contextValue(rec('cancelled', withId)),
        contextValue(rec('failed', { noRetry: 'temporary file gone' })),
      ],
      'notionAssets.pageFiles': ['pageFile.hosted.file', 'pageFile.hosted.file.block', 'pageFile.upload.file.block', 'pageFile.external.file', 'pageFile.external.link'],
    };
    // The keys the views set on selection (SelectionContext), by the constants the code uses.
    const selectedKey: Record<string, string> = { 'notionAssets.uploads': UPLOADS_SELECTED_CONTEXT, 'notionAssets.pageFiles': PAGE_FILES_SELECTED_CONTEXT };
    let checked = 0;
    for (const entry of menus['view/item/context'] as MenuItem[]) {
      const view = /view == ([\w.]+)/.exec(entry.when ?? '')?.[1];
      assert.ok(view && rows[view], `${entry.command}: a row action of a known view`);
      const when = inPalette(entry.command);
      if (entry.command === 'notionAssets.browseFiles') {
        assert.equal(when, undefined, 'Browse Files on Page… is always in the palette (it asks for the page)');
        continue;
      }
      for (const cv of rows[view]) {
        const inMenu = evaluate(entry.when, { view, viewItem: cv });
        if (!inMenu) continue;
        assert.ok(evaluate(when, { [selectedKey[view]]: cv }), `${entry.command} is in the palette when a "${cv}" row is selected`);
        checked++;
      }
      // …and not offered for rows whose menu hides it.
      for (const cv of rows[view]) {
        const shownAnywhere = (menus['view/item/context'] as MenuItem[]).some((e) => e.command === entry.command && evaluate(e.when, { view, viewItem: cv }));
        if (!shownAnywhere) assert.equal(evaluate(when, { [selectedKey[view]]: cv }), false, `${entry.command} is not in the palette for a "${cv}" row`);
      }
      assert.equal(evaluate(when, {}), false, `${entry.command} is not in the palette when nothing is selected`);
    }
    assert.ok(checked > 20, `row actions checked: ${checked}`);
    for (const entry of menus['view/title'] as MenuItem[]) {
      const when = inPalette(entry.command);
      assert.notEqual(when, 'false', `${entry.command} (view title) is in the palette`);
    }
    // Delete removes the selected uploads, for the same rows the menu offers Remove on — never while typing (the tree's filter box).
    const del = (pkg().contributes.keybindings as MenuItem[]).find((k) => k.command === 'notionAssets.item.remove');
    assert.ok(del, 'a key removes the selected upload');
    for (const cv of rows['notionAssets.uploads']) {
      assert.equal(
        evaluate(del.when, { focusedView: 'notionAssets.uploads', [UPLOADS_SELECTED_CONTEXT]: cv }),
        evaluate(inPalette('notionAssets.item.remove'), { [UPLOADS_SELECTED_CONTEXT]: cv }),
        `Delete on a "${cv}" row`,
      );
      assert.equal(evaluate(del.when, { focusedView: 'notionAssets.uploads', inputFocus: true, [UPLOADS_SELECTED_CONTEXT]: cv }), false, 'Delete in a text box is not Remove');
    }
  });

  test('a row chosen with the list\'s keyboard commands is what a palette command acts on', async () => {
    const res = await vscode.commands.executeCommand<UploadCommandResult>('notionAssets.upload', { files: [f.file('png')], page: f.pages.second, placement: 'none' });
    assert.equal(res?.error, undefined, res?.error);
    const newest = f.api.listUploads()[0];
    assert.equal(newest.key, res.uploads[0].key, 'the new upload is the first row');
    await vscode.commands.executeCommand('notionAssets.uploads.focus');
    let copied: string | undefined;
    for (let i = 0; i < 20 && copied !== newest.fileUploadId; i++) {
      await new Promise((r) => setTimeout(r, 250));
      await vscode.commands.executeCommand('list.focusFirst'); // Home
      await vscode.commands.executeCommand('list.select'); // Enter
      await vscode.env.clipboard.writeText('');
      copied = await vscode.commands.executeCommand<string | undefined>('notionAssets.item.copyId');
    }
    assert.equal(copied, newest.fileUploadId, 'Copy ID from the palette copied the row selected with Home, Enter');
    assert.equal(await vscode.env.clipboard.readText(), newest.fileUploadId);
  });
});
