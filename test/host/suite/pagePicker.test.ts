// The page quick pick as a person sees it: titles with where the page is and when it was
// edited, no raw ids (only a pasted link's item shows the id it was read as).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { pickPage, type PickedPage } from '../../../src/pickers/pagePicker';

/** Enough of vscode.QuickPick for pickPage: the test reads the items and types. */
function fakeQuickPick() {
  const changed = new vscode.EventEmitter<string>();
  const accepted = new vscode.EventEmitter<void>();
  const hidden = new vscode.EventEmitter<void>();
  return {
    items: [] as vscode.QuickPickItem[], selectedItems: [] as vscode.QuickPickItem[], activeItems: [] as vscode.QuickPickItem[],
    title: '', placeholder: '', busy: false, ignoreFocusOut: false, matchOnDetail: false, matchOnDescription: false,
    onDidChangeValue: changed.event, onDidAccept: accepted.event, onDidHide: hidden.event,
    show() {}, dispose() {}, hide() { hidden.fire(); },
    type(v: string) { changed.fire(v); },
  };
}

const ID_RE = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;

suite('Page picker', () => {
  const win = vscode.window as unknown as Record<string, unknown>;
  let original: unknown;
  setup(() => (original = win.createQuickPick));
  teardown(() => (win.createQuickPick = original));

  test('search results show where the page is and when it was edited, not its id; a pasted link shows the id it was read as', async () => {
    const qp = fakeQuickPick();
    win.createQuickPick = () => qp;
    const hourAgo = new Date(Date.now() - 3 * 3600_000 - 60_000).toISOString();
    const picked: Promise<PickedPage | undefined> = pickPage({
      title: 'Choose',
      recents: [{ id: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa', title: 'Recent Row', inDatabase: true }],
      debounceMs: 0,
      search: async () => [
        { id: '11111111-2222-3333-4444-555555555555', title: 'Row 1', parentType: 'database_id', lastEditedTime: hourAgo },
        { id: '66666666-7777-8888-9999-000000000000', title: 'Notes', parentType: 'page_id' },
      ],
    });
    for (let i = 0; i < 100 && !qp.items.some((it) => it.label.includes('Row 1')); i++) await new Promise((r) => setTimeout(r, 20));
    const pages = qp.items.filter((it) => it.kind !== vscode.QuickPickItemKind.Separator);
    assert.deepEqual(pages.map((it) => [it.label, it.description]), [
      ['$(file) Recent Row', 'recent · in a database'],
      ['$(file) Row 1', 'in a database · edited 3 h ago'],
      ['$(file) Notes', 'sub-page'],
    ]);
    for (const it of pages) assert.doesNotMatch(`${it.label} ${it.description ?? ''} ${it.detail ?? ''}`, ID_RE, 'no raw id');

    qp.type('https://www.notion.so/Some-Page-0123456789abcdef0123456789abcdef');
    assert.equal(qp.items.length, 1);
    assert.equal(qp.items[0].detail, '01234567-89ab-cdef-0123-456789abcdef');
    assert.doesNotMatch(qp.items[0].label, ID_RE);
    qp.hide();
    assert.equal(await picked, undefined);
  });

  test('every shared page also recent: the recents are listed and nothing says no page is shared', async () => {
    const qp = fakeQuickPick();
    win.createQuickPick = () => qp;
    const recents = ['Alpha', 'Beta', 'Gamma'].map((title, i) => ({ id: `${i}0000000-0000-0000-0000-000000000000`, title }));
    let searched = false;
    const picked = pickPage({ title: 'Choose', recents, debounceMs: 0, search: async () => ((searched = true), recents) });
    for (let i = 0; i < 100 && !searched; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 20));
    const labels = qp.items.map((it) => it.label);
    assert.deepEqual(labels.filter((l) => l.startsWith('$(file)')), ['$(file) Alpha', '$(file) Beta', '$(file) Gamma']);
    assert.ok(!labels.some((l) => /No pages are shared/.test(l)), labels.join(' | '));
    qp.hide();
    assert.equal(await picked, undefined);
  });

  test('a Notion link without a page id says so at once instead of searching its text', async () => {
    const qp = fakeQuickPick();
    win.createQuickPick = () => qp;
    const queries: string[] = [];
    const picked = pickPage({ title: 'Choose', recents: [], debounceMs: 0, search: async (q) => (queries.push(q), []) });
    for (let i = 0; i < 100 && !queries.length; i++) await new Promise((r) => setTimeout(r, 20));
    qp.type('https://www.notion.so/my-workspace');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(qp.items.length, 1);
    assert.match(qp.items[0].label, /This Notion link has no page id/);
    assert.doesNotMatch(`${qp.items[0].label}`, /No shared page matches/);
    assert.deepEqual(queries, [''], 'the link text is not searched');
    qp.hide();
    assert.equal(await picked, undefined);
  });
});
