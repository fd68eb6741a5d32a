// package.json contributions against the code: every menu/palette entry names a real command,
// the when clauses match Notion's type rules, settings have the scopes that keep a
// workspace from redirecting the token, and the declared capabilities say what is true.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SUPPORTED_EXTENSIONS } from '../../../src/core/media/extensions';
import type { UploadRecord, UploadState } from '../../../src/core/history/types';
import { contextValue } from '../../../src/uploadsView/item';
import { pageFileContext } from '../../../src/pageFiles/item';
import type { PageFile } from '../../../src/core/files/types';
import { EXTENSION_ID } from './fixture';

type MenuItem = { command?: string; submenu?: string; when?: string; group?: string };

function pkg(): any {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
}

/** The extensions a `resourceExtname =~ /^\.(a|b)$/i` clause accepts. */
function extensionsIn(when: string): string[] {
  const m = /resourceExtname =~ \/\^\\\.\(([^)]*)\)\$\/i/.exec(when);
  assert.ok(m, `no extension regex in: ${when}`);
  return m[1].split('|').sort();
}

/** Evaluates the extension regex of a when clause the way VS Code does (a JS RegExp). */
function acceptsExt(when: string, ext: string): boolean {
  const m = /resourceExtname =~ \/(.*?)\/i/.exec(when)!;
  return new RegExp(m[1], 'i').test(ext);
}

suite('Contributions (package.json)', () => {
  const all = Object.values(SUPPORTED_EXTENSIONS).flat().sort();

  test('every contributed command is registered, and every registered notionAssets command is contributed', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const contributed = new Set<string>(pkg().contributes.commands.map((c: { command: string }) => c.command));
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('notionAssets.') && !c.startsWith('notionAssets.uploads.') && !c.includes('.pageFiles'));
    // View-generated commands (focus, resetViewLocation) are VS Code's, not ours.
    const ours = registered.filter((c) => !/\.(focus|resetViewLocation|toggleVisibility|removeView|open)$/.test(c));
    assert.deepEqual(ours.filter((c) => !contributed.has(c)), [], 'registered but not contributed');
    for (const c of pkg().contributes.commands) assert.equal(c.category, 'Notion', `${c.command} has category Notion`);
  });

  test('menus name only contributed commands and submenus', () => {
    const p = pkg();
    const commands = new Set<string>(p.contributes.commands.map((c: { command: string }) => c.command));
    const submenus = new Set<string>(p.contributes.submenus.map((s: { id: string }) => s.id));
    for (const [menu, items] of Object.entries<MenuItem[]>(p.contributes.menus)) {
      for (const it of items) {
        if (it.command) assert.ok(commands.has(it.command), `${menu}: ${it.command} is contributed`);
        if (it.submenu) assert.ok(submenus.has(it.submenu), `${menu}: submenu ${it.submenu} exists`);
      }
    }
  });

  test('the Notion submenu sits in the Explorer, editor and editor tab context menus, for local files only', () => {
    const menus = pkg().contributes.menus;
    for (const m of ['explorer/context', 'editor/context', 'editor/title/context']) {
      const entry = (menus[m] as MenuItem[]).find((i) => i.submenu === 'notionAssets.submenu');
      assert.ok(entry, `${m} has the Notion submenu`);
      // VS Code rewrites `file` to `vscode-remote` in a remote extension's clauses (as here, under the server).
      assert.match(entry!.when ?? '', /resourceScheme == '?(file|vscode-remote)'?/);
    }
    assert.match((menus['explorer/context'] as MenuItem[])[0].when!, /!explorerResourceIsFolder/);
  });

  test('cover and icon show for images only (no "Set as Page Icon" on a PDF), single selection; the rest for every supported type', () => {
    const sub: MenuItem[] = pkg().contributes.menus['notionAssets.submenu'];
    const byId = (id: string) => sub.find((i) => i.command === id)!;
    for (const id of ['notionAssets.setCover', 'notionAssets.setIcon']) {
      const when = byId(id).when!;
      assert.deepEqual(extensionsIn(when), [...SUPPORTED_EXTENSIONS.image].sort(), `${id}: exactly Notion's image types`);
      assert.equal(acceptsExt(when, '.pdf'), false);
      assert.equal(acceptsExt(when, '.PNG'), true, 'case-insensitive');
      assert.match(when, /!listMultiSelection/);
    }
    for (const id of ['notionAssets.upload', 'notionAssets.addBlock', 'notionAssets.attachToProperty']) {
      const when = byId(id).when!;
      assert.deepEqual(extensionsIn(when), all, `${id}: every supported type`);
      assert.equal(acceptsExt(when, '.md'), false, `${id} hidden for .md`);
      assert.equal(acceptsExt(when, '.pdf'), true);
    }
  });

  test('Add as Comment, New Page from File (every supported type, multi-select) and Replace a File on Page (one file) in the Notion submenu', () => {
    const sub: MenuItem[] = pkg().contributes.menus['notionAssets.submenu'];
    const palette: MenuItem[] = pkg().contributes.menus.commandPalette;
    for (const id of ['notionAssets.addComment', 'notionAssets.newPage', 'notionAssets.replaceOnPage']) {
      const when = sub.find((i) => i.command === id)?.when;
      assert.ok(when, `${id} is in the submenu`);
      assert.deepEqual(extensionsIn(when), all, `${id}: every supported type`);
      assert.equal(acceptsExt(when, '.md'), false);
      assert.equal(/!listMultiSelection/.test(when), id === 'notionAssets.replaceOnPage', `${id}: multi-selection ${id === 'notionAssets.replaceOnPage' ? 'hidden (a block holds one file)' : 'allowed'}`);
      assert.equal(acceptsExt(palette.find((i) => i.command === id)!.when!, '.png'), true, `${id} in the palette for a supported active file`);
    }
    const titles = Object.fromEntries(pkg().contributes.commands.map((c: { command: string; title: string }) => [c.command, c.title]));
    assert.equal(titles['notionAssets.addComment'], 'Add as Comment on Page');
    assert.equal(titles['notionAssets.newPage'], 'New Page from File…');
    assert.equal(titles['notionAssets.replaceOnPage'], 'Replace a File on Page…');
    assert.equal(titles['notionAssets.pageFiles.replaceFile'], 'Replace File…');
  });

  test('Page Files: Replace File… shows on image/video/audio/pdf/file blocks only; Download and Copy on every file', () => {
    const item: MenuItem[] = pkg().contributes.menus['view/item/context'];
    const shown = (command: string, cv: string) => item
      .filter((i) => i.command === command)
      .some((i) => new RegExp(/viewItem =~ \/(.*)\/$/.exec(i.when!)![1]).test(cv));
    const loc = (type: string, blockType?: string) => (type === 'block' ? { type, blockId: 'b', blockType, depth: 0 } : type === 'property' ? { type, property: 'Files', index: 0 } : { type });
    const cv = (location: ReturnType<typeof loc>) => pageFileContext({ key: 'k', pageId: 'p', name: 'a.png', kind: 'hosted', url: 'https://x/a.png', location } as PageFile);
    for (const t of ['image', 'video', 'audio', 'pdf', 'file']) assert.ok(shown('notionAssets.pageFiles.replaceFile', cv(loc('block', t))), `${t} block`);
    for (const l of [loc('cover'), loc('icon'), loc('property'), loc('block', 'bookmark')]) {
      assert.equal(shown('notionAssets.pageFiles.replaceFile', cv(l)), false, `not on ${JSON.stringify(l)}`);
    }
    for (const c of ['notionAssets.pageFiles.download', 'notionAssets.pageFiles.copyToPage']) {
      assert.ok(shown(c, cv(loc('block', 'image'))) && shown(c, cv(loc('cover'))) && shown(c, cv(loc('property'))), `${c} on files`);
      assert.equal(shown(c, cv(loc('block', 'bookmark'))), false, `${c} not on links`);
    }
  });

  test('commands that need a view item are in the palette only for a selected row (viewAccessibility.test.ts); file commands need a fitting active file there', () => {
    const palette: MenuItem[] = pkg().contributes.menus.commandPalette;
    const when = (id: string) => palette.find((i) => i.command === id)?.when;
    for (const c of pkg().contributes.commands.map((x: { command: string }) => x.command).filter((c: string) => c.startsWith('notionAssets.item.'))) {
      assert.match(when(c) ?? '', /^notionAssets\.uploads\.selected\b/, `${c} needs a selected upload in the palette`);
    }
    assert.equal(acceptsExt(when('notionAssets.setIcon')!, '.pdf'), false);
    assert.equal(acceptsExt(when('notionAssets.setCover')!, '.png'), true);
    assert.equal(acceptsExt(when('notionAssets.addBlock')!, '.pdf'), true);
    // The guided flow, import, link and token commands work from anywhere.
    for (const c of ['notionAssets.upload', 'notionAssets.importFromUrl', 'notionAssets.linkExternal', 'notionAssets.setToken']) assert.equal(when(c), undefined, `${c} always in the palette`);
  });

  test('Paste Image to Notion… is in the palette, the Uploads view title and the Notion submenu outside the Explorer', () => {
    const menus = pkg().contributes.menus;
    const cmd = pkg().contributes.commands.find((c: { command: string }) => c.command === 'notionAssets.pasteImage');
    assert.equal(cmd?.title, 'Paste Image to Notion…');
    assert.equal((menus.commandPalette as MenuItem[]).find((i) => i.command === 'notionAssets.pasteImage'), undefined, 'always in the palette');
    assert.ok((menus['view/title'] as MenuItem[]).some((i) => i.command === 'notionAssets.pasteImage' && i.when === 'view == notionAssets.uploads' && i.group?.startsWith('navigation')));
    const sub = (menus['notionAssets.submenu'] as MenuItem[]).find((i) => i.command === 'notionAssets.pasteImage');
    assert.equal(sub?.when, '!filesExplorerFocus', 'the editor and tab menus, not the Explorer\'s file menu');
  });

  test('Uploads view: activity-bar container with an icon from media/, title and item actions', () => {
    const p = pkg();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const container = p.contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === 'notionAssets');
    assert.ok(container);
    assert.match(container.icon, /^media\//);
    assert.ok(fs.existsSync(path.join(ext.extensionPath, container.icon)), 'icon file exists');
    assert.equal(p.contributes.views.notionAssets[0].id, 'notionAssets.uploads');
    const title: MenuItem[] = p.contributes.menus['view/title'];
    for (const c of ['notionAssets.upload', 'notionAssets.refreshUploads', 'notionAssets.clearFinished']) {
      assert.ok(title.some((i) => i.command === c && i.group?.startsWith('navigation')), `${c} in the view title`);
    }
    const item: MenuItem[] = p.contributes.menus['view/item/context'];
    for (const c of ['attachTo', 'copyId', 'openPage', 'refreshStatus', 'retry', 'cancel', 'remove']) {
      assert.ok(item.some((i) => i.command === `notionAssets.item.${c}`), `item action ${c}`);
    }
    assert.ok(item.some((i) => i.command === 'notionAssets.item.cancel' && i.group?.startsWith('inline') && /uploading/.test(i.when!)), 'Cancel inline while running');
  });

  test('item actions show for the states they work in (when clauses evaluated against the items\' context values)', () => {
    const item: MenuItem[] = pkg().contributes.menus['view/item/context'];
    const shown = (command: string, cv: string) => item
      .filter((i) => i.command === command)
      .some((i) => new RegExp(/viewItem =~ \/(.*)\/$/.exec(i.when!)![1]).test(cv));
    const rec = (state: UploadState, over: Partial<UploadRecord> = {}): UploadRecord => ({
      key: 'k', source: '/a.png', filename: 'a.png', contentType: 'image/png', sizeBytes: 1, mode: 'single_part', state, sentBytes: 0,
      createdTime: '', expiryTime: null, attachments: [], updatedTime: '', ...over,
    });
    const withId = { fileUploadId: 'id' };
    const cv = {
      running: contextValue(rec('uploading', withId), true),
      interrupted: contextValue(rec('uploading', withId), false),
      pending: contextValue(rec('pending', withId)),
      attached: contextValue(rec('attached', { ...withId, attachments: [{ pageId: 'p', placement: 'cover', at: '' }] })),
      expired: contextValue(rec('expired', withId)),
      failed: contextValue(rec('failed')),
      cancelled: contextValue(rec('cancelled', withId)),
      // A copy's failed re-upload or a signed link's import: retry cannot redo it.
      failedNoRetry: contextValue(rec('failed', { noRetry: 'it was copied from “P”/a.png through a temporary file that no longer exists.' })),
      cancelledNoRetry: contextValue(rec('cancelled', { ...withId, noRetry: 'the link\'s query was not kept.' })),
    };
    const expect: Record<string, (keyof typeof cv)[]> = {
      'notionAssets.item.cancel': ['running'],
      'notionAssets.item.retry': ['interrupted', 'expired', 'failed', 'cancelled'],
      'notionAssets.item.attachTo': ['pending', 'attached'],
      'notionAssets.item.openPage': ['attached'],
      'notionAssets.item.copyId': ['running', 'interrupted', 'pending', 'attached', 'expired', 'cancelled', 'cancelledNoRetry'],
      'notionAssets.item.remove': ['interrupted', 'pending', 'attached', 'expired', 'failed', 'cancelled', 'failedNoRetry', 'cancelledNoRetry'],
    };
    for (const [command, states] of Object.entries(expect)) {
      const actual = (Object.keys(cv) as (keyof typeof cv)[]).filter((k) => shown(command, cv[k]));
      assert.deepEqual(actual, states, command);
    }
  });

  test('welcome view offers Set Notion Token when there is no token, with the sharing hint', () => {
    const welcome = pkg().contributes.viewsWelcome.find((w: { when: string }) => w.when === '!notionAssets.hasToken');
    assert.ok(welcome);
    assert.match(welcome.contents, /\[Set Notion Token\]\(command:notionAssets\.setToken\)/);
    assert.match(welcome.contents, /Connections/);
  });

  test('walkthrough: token → share → upload → view, each step wired to real commands/contexts and media that exist', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const w = pkg().contributes.walkthroughs[0];
    assert.deepEqual(w.steps.map((s: { id: string }) => s.id), ['setToken', 'sharePage', 'upload', 'view']);
    const commands = new Set<string>(pkg().contributes.commands.map((c: { command: string }) => c.command));
    for (const s of w.steps) {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, s.media.markdown)), `${s.media.markdown} exists`);
      for (const m of s.description.matchAll(/command:([\w.]+)/g)) {
        assert.ok(commands.has(m[1]) || m[1] === 'notionAssets.uploads.focus', `step ${s.id} links ${m[1]}`);
      }
    }
  });

  test('API address and version are application-scoped; the default target is resource-scoped and restricted when untrusted', () => {
    const p = pkg();
    const props = p.contributes.configuration.properties;
    assert.equal(props['notionAssets.apiBaseUrl'].scope, 'application');
    assert.equal(props['notionAssets.notionVersion'].scope, 'application');
    assert.equal(props['notionAssets.defaultTarget'].scope, 'resource');
    for (const k of ['partSize', 'concurrency', 'dedupe', 'confirmReplace', 'historySize']) assert.ok(props[`notionAssets.${k}`], k);
    assert.ok(!Object.keys(props).some((k) => /token/i.test(k)), 'no token setting');
    assert.equal(p.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(p.capabilities.untrustedWorkspaces.restrictedConfigurations, ['notionAssets.defaultTarget']);
    assert.equal(p.capabilities.virtualWorkspaces.supported, false);
    assert.deepEqual(p.activationEvents, [], 'activation comes from contributions only');
  });

  test('a workspace value of apiBaseUrl is ignored by VS Code (application scope)', async () => {
    const c = vscode.workspace.getConfiguration('notionAssets');
    const before = c.get('apiBaseUrl');
    // Writing an application setting to the workspace is refused outright.
    await assert.rejects(async () => c.update('apiBaseUrl', 'https://attacker.example', vscode.ConfigurationTarget.Workspace));
    assert.equal(vscode.workspace.getConfiguration('notionAssets').get('apiBaseUrl'), before);
  });
});
