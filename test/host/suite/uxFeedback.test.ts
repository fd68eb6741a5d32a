// What a person reads and is left with after the everyday flows: a retried upload replaces
// its failed row (no duplicate to retry again), a declined question is not answered with an
// error, an unshared page is refused before any upload, cancelling says so, and the placement
// question leaves out what the page cannot take.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BrowseResult } from '../../../src/pageFiles/commands';
import { askPlacement } from '../../../src/pickers/targetPicker';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { children, countRequests, DEFAULT_TOKEN, getFixture, type Fixture } from './fixture';
import { Messages } from './messages';

function run(command: string, ...args: unknown[]): Thenable<UploadCommandResult | undefined> {
  return vscode.commands.executeCommand<UploadCommandResult | undefined>(command, ...args);
}

async function until<T>(what: string, get: () => T | undefined, ms = 15_000): Promise<T> {
  for (let t = 0; t < ms; t += 50) {
    const v = get();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Enough of vscode.InputBox for the Set Token box: the test types and presses Enter. */
function fakeInputBox() {
  const changed = new vscode.EventEmitter<string>();
  const accepted = new vscode.EventEmitter<void>();
  const hidden = new vscode.EventEmitter<void>();
  return {
    value: '', title: '', prompt: '', placeholder: '', password: false, ignoreFocusOut: false, busy: false, enabled: true,
    validationMessage: undefined as string | undefined, shown: false, disposed: false,
    onDidChangeValue: changed.event, onDidAccept: accepted.event, onDidHide: hidden.event,
    show() { this.shown = true; },
    hide() { hidden.fire(); },
    dispose() { this.disposed = true; },
    type(v: string) { this.value = v; changed.fire(v); },
    accept() { accepted.fire(); },
  };
}

suite('What the user reads and is left with', () => {
  let f: Fixture;
  let messages: Messages;
  suiteSetup(async () => {
    f = await getFixture();
  });
  setup(() => {
    messages = new Messages();
  });
  teardown(() => {
    messages.restore();
    f.emulator.faults.clear();
    f.emulator.setLatency(0);
  });

  const rowsOf = (file: vscode.Uri) => f.api.listUploads().filter((r) => r.source === file.fsPath);

  test('an empty file is refused before the first question, with no Retry (retrying cannot make it non-empty)', async () => {
    const empty = f.file('png', Buffer.alloc(0));
    const win = vscode.window as unknown as Record<string, unknown>;
    const originals = { createQuickPick: win.createQuickPick, showQuickPick: win.showQuickPick, showInputBox: win.showInputBox };
    const asked: string[] = [];
    // Any question would be recorded and dismissed.
    win.createQuickPick = () => {
      asked.push('createQuickPick');
      return (originals.createQuickPick as () => vscode.QuickPick<vscode.QuickPickItem>)();
    };
    win.showQuickPick = async () => void asked.push('showQuickPick');
    win.showInputBox = async () => void asked.push('showInputBox');
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    try {
      const pending = run('notionAssets.addBlock', empty);
      const shown = await messages.waitFor(/empty/);
      assert.deepEqual(asked, [], 'no page or placement asked for a file that cannot go');
      assert.equal(shown.level, 'error');
      assert.match(shown.text, new RegExp(path.basename(empty.fsPath).replace(/\./g, '\\.')));
      assert.ok(!shown.buttons.some((b) => /Retry/.test(b)), `no Retry: ${shown.buttons}`);
      assert.match(String((await pending)?.error), /empty \(0 bytes\)/);
      assert.ok(!messages.shown.some((m) => /Replace it\?/.test(m.text)), 'no "Replace it?" either');
      assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates, 'nothing sent');
    } finally {
      Object.assign(win, originals);
    }
  });

  test('the mixed-selection question lists the types the placement accepts', async () => {
    const png = f.file('png');
    const notes = f.file('md');
    // Dismissed: the command ends before the page is asked.
    const res = await run('notionAssets.addBlock', png, [png, notes]);
    assert.equal(res, undefined);
    const q = messages.shown.find((m) => /can't go to Notion/.test(m.text))!;
    assert.ok(q, JSON.stringify(messages.shown));
    assert.match(q.text, /\.md/);
    assert.match(String(q.detail), /Notion accepts — image: .*\.png.*; video: .*\.mp4.*; document: .*\.pdf/);
  });

  test('every placement that takes a caption asks for one: Attach to… as a block, and a batch says the caption goes under every block', async () => {
    const win = vscode.window as unknown as Record<string, unknown>;
    const originals = { createQuickPick: win.createQuickPick, showQuickPick: win.showQuickPick, showInputBox: win.showInputBox };
    const compact = (id: string) => id.replace(/-/g, '');
    const page = f.pages.blocks;
    // The page picker picks the page as soon as it lists it; "Add to Page as Block" is chosen; the caption typed.
    win.createQuickPick = () => {
      const accepted = new vscode.EventEmitter<void>();
      const hidden = new vscode.EventEmitter<void>();
      let items: (vscode.QuickPickItem & { page?: { id: string } })[] = [];
      const qp = {
        selectedItems: [] as vscode.QuickPickItem[], activeItems: [] as vscode.QuickPickItem[], title: '', placeholder: '', busy: false,
        ignoreFocusOut: false, matchOnDescription: false,
        get items() { return items; },
        set items(v) {
          items = v;
          const it = v.find((x) => x.page && compact(x.page.id) === compact(page));
          if (it) setTimeout(() => ((qp.selectedItems = [it]), accepted.fire()), 0);
        },
        onDidChangeValue: new vscode.EventEmitter<string>().event, onDidAccept: accepted.event, onDidHide: hidden.event,
        show() {}, dispose() {}, hide() { hidden.fire(); },
      };
      return qp;
    };
    win.showQuickPick = async (items: { choice?: string }[]) => (await items).find((i) => i.choice === 'block');
    const boxes: vscode.InputBoxOptions[] = [];
    win.showInputBox = async (o: vscode.InputBoxOptions) => (boxes.push(o), boxes.length === 1 ? 'Shown under it' : 'Both');
    try {
      const key = (await run('notionAssets.upload', { files: [f.file('png')], page: f.pages.second, placement: 'none' }))!.uploads[0].key!;
      const target = await vscode.commands.executeCommand<{ as: string; caption?: string }>('notionAssets.item.attachTo', key);
      assert.equal(boxes.length, 1, 'Attach to… as a block asks for a caption');
      assert.deepEqual(target && [target.as, target.caption], ['block', 'Shown under it']);
      const blockId = f.api.listUploads().find((r) => r.key === key)!.attachments.find((a) => a.placement === 'block')!.blockId!;
      const block = (await children(f, page)).find((b) => b.id === blockId)!;
      assert.equal(block.image.caption[0].plain_text, 'Shown under it');

      const two = [f.file('png'), f.file('png')];
      const res = await run('notionAssets.addBlock', two[0], two);
      assert.equal(res?.error, undefined, res?.error);
      assert.equal(boxes.length, 2);
      assert.match(`${boxes[1].title} ${boxes[1].prompt}`, /all 2 blocks/);
      assert.match(String(boxes[1].prompt), /each of the 2 blocks/);
    } finally {
      Object.assign(win, originals);
    }
  });

  test('Retry on a failed upload leaves one row for the file, attached (no stale "failed" row to retry again)', async () => {
    const file = f.file('png');
    f.emulator.faults.arm({ method: 'POST', path: /\/send$/, status: 400, code: 'validation_error', message: 'emulated send failure' });
    const res = await run('notionAssets.addBlock', { files: [file], page: f.pages.blocks });
    assert.equal(res?.uploads[0].ok, false);
    const failed = rowsOf(file);
    assert.deepEqual(failed.map((r) => r.state), ['failed']);

    const done = await vscode.commands.executeCommand<string[]>('notionAssets.item.retry', failed[0].key);
    assert.equal(done.length, 1);
    assert.deepEqual(rowsOf(file).map((r) => [r.key, r.state]), [[failed[0].key, 'attached']], 'one row, the same record, attached');
    const said = await messages.waitFor(/^Retried /);
    assert.match(said.text, /Blocks Page/, 'the message names the page it is on now');
    assert.deepEqual(said.buttons, ['Open Page']);
  });

  test('"Retry Failed" after "1 of 2 failed" replaces the failed row; the block is added once', async () => {
    const good = f.file('png');
    const bad = f.file('png');
    const page = f.emulator.seed.page({ title: 'Retry Failed Page' }).id;
    // The batch adds blocks one file at a time in order: the second file's send fails.
    f.emulator.faults.arm({ method: 'POST', path: /\/send$/, status: 400, code: 'validation_error', message: 'emulated send failure' });
    messages.answerWith((m) => (m.buttons.includes('Retry Failed') ? 'Retry Failed' : undefined));
    const res = await run('notionAssets.addBlock', { files: [bad, good], page });
    assert.deepEqual(res?.uploads.map((u) => u.ok), [false, true]);
    const summary = await messages.waitFor(/1 of 2 failed/);
    assert.equal(summary.level, 'warning');
    assert.match(summary.text, new RegExp(path.basename(bad.fsPath)), 'names the failed file');
    const rows = await until('the retried file attached', () => {
      const r = rowsOf(bad);
      return r.some((x) => x.state === 'attached') ? r : undefined;
    });
    assert.deepEqual(rows.map((r) => r.state), ['attached'], 'the failed attempt\'s row is gone');
    assert.equal((await children(f, page)).length, 2, 'two blocks: each file once');
  });

  test('declining the offer to set a token ends the command without an error notification', async () => {
    assert.equal(await vscode.commands.executeCommand('notionAssets.removeToken', { confirm: false }), true);
    try {
      const before = f.emulator.requests.length;
      const res = await run('notionAssets.setCover', { files: [f.file('png')], page: f.pages.cover });
      assert.match(res?.error ?? '', /token/i, 'the result says why (for scripts)');
      const offers = messages.of('warning').filter((m) => m.buttons.includes('Set Token'));
      assert.equal(offers.length, 1, 'asked once');
      assert.match(offers[0].text, /integration token/);
      assert.deepEqual(messages.of('error'), [], 'no error after the user said no');
      assert.equal(f.emulator.requests.length, before, 'nothing reached Notion');
    } finally {
      const info = await vscode.commands.executeCommand('notionAssets.setToken', { token: DEFAULT_TOKEN });
      assert.ok(info, 'the token is back');
    }
  });

  test('a page not shared with the integration is refused before any upload, with how to share it', async () => {
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    const file = f.file('png');
    const res = await run('notionAssets.setCover', { files: [file], page: f.pages.unshared });
    assert.match(res?.error ?? '', /not shared/);
    assert.match(res!.error!, /Connections/);
    assert.deepEqual(res!.uploads, [], 'no file was tried');
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates, 'nothing was uploaded');
    assert.deepEqual(rowsOf(file), [], 'no row in the Uploads view');
    const shown = await messages.waitFor(/not shared/);
    assert.equal(shown.level, 'error');
    assert.ok(shown.buttons.includes('How to Share a Page'), JSON.stringify(shown.buttons));
    assert.ok(!shown.buttons.includes('Retry Failed'), 'retrying cannot help until the page is shared');
  });

  test('cancelling the only upload says it was cancelled', async () => {
    const file = f.file('png');
    f.emulator.setLatency(400);
    const running = run('notionAssets.setCover', { files: [file], page: f.pages.second });
    const key = await until('the upload running', () => rowsOf(file).find((r) => r.state === 'uploading')?.key);
    assert.equal(await vscode.commands.executeCommand('notionAssets.item.cancel', key), 1);
    const res = await running;
    assert.equal(res?.uploads[0].error, 'cancelled');
    const said = await messages.waitFor(/cancelled/i);
    assert.equal(said.level, 'info');
    assert.match(said.text, new RegExp(path.basename(file.fsPath)), 'names the file');
    assert.deepEqual(messages.of('error'), []);
  });

  test('Cancel on the progress notification (the real withProgress token): the user is told which file was cancelled, nothing attached', async () => {
    const file = f.file('png');
    const page = f.emulator.seed.page({ title: 'Cancel Button Page' }).id;
    f.emulator.setLatency(400);
    const running = run('notionAssets.addBlock', { files: [file], page });
    await until('the upload running', () => rowsOf(file).find((r) => r.state === 'uploading'));
    // The notification's primary action is its Cancel button (the newest notification: ours).
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    const res = await running;
    assert.equal(res?.uploads[0].error, 'cancelled');
    const said = await messages.waitFor(/cancelled/i);
    assert.equal(said.level, 'info');
    assert.match(said.text, new RegExp(path.basename(file.fsPath)), 'names the file');
    assert.match(said.text, /nothing was attached/);
    assert.deepEqual(rowsOf(file).map((r) => r.state), ['cancelled']);
    assert.equal((await children(f, page)).length, 0, 'no block');
  });

  test('Cancel mid-batch: the summary says what was added and names the files cancelled, which are on no page', async () => {
    const [a, b, c] = [f.file('png'), f.file('png'), f.file('png')];
    const page = f.emulator.seed.page({ title: 'Half Done Page' }).id;
    f.emulator.setLatency(150);
    const running = run('notionAssets.addBlock', { files: [a, b, c], page });
    // Blocks go one file at a time: cancel once the first is attached and the second is on its way.
    await until('the first attached, the second running', () => rowsOf(a)[0]?.state === 'attached' && rowsOf(b)[0]?.state === 'uploading');
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    const res = await running;
    assert.deepEqual(res?.uploads.map((u) => u.error ?? 'ok'), ['ok', 'cancelled', 'cancelled']);
    const said = await messages.waitFor(/Cancelled/);
    assert.equal(said.level, 'info');
    assert.match(said.text, new RegExp(`^"${path.basename(a.fsPath)}" was added to "Half Done Page" as an image block\\.`));
    assert.match(said.text, new RegExp(`Cancelled, nothing attached: "${path.basename(b.fsPath)}", "${path.basename(c.fsPath)}"\\.$`));
    assert.deepEqual(said.buttons, ['Open Page']);
    assert.equal((await children(f, page)).length, 1, 'one block: the file added before the cancel');
  });

  test('one file: the notification names action, file and page once, then says "attaching…"; the success says which block', async () => {
    const file = f.file('mp4');
    const name = path.basename(file.fsPath);
    const seen: { title?: string; messages: string[] }[] = [];
    const win = vscode.window as unknown as Record<string, unknown>;
    const original = vscode.window.withProgress;
    win.withProgress = (o: vscode.ProgressOptions, task: (p: vscode.Progress<{ message?: string; increment?: number }>, t: vscode.CancellationToken) => Thenable<unknown>) => {
      const rec = { title: o.title, messages: [] as string[] };
      seen.push(rec);
      return original.call(vscode.window, o, (p, t) => task({ report: (v) => (v.message && rec.messages.push(v.message), p.report(v)) }, t));
    };
    try {
      const res = await run('notionAssets.addBlock', { files: [file], page: f.pages.blocks });
      assert.equal(res?.uploads[0].ok, true, res?.uploads[0].error);
    } finally {
      win.withProgress = original;
    }
    const batch = seen.find((s) => s.title?.startsWith('Adding'));
    assert.ok(batch, JSON.stringify(seen));
    assert.equal(batch.title, `Adding "${name}" to "Blocks Page"`);
    assert.ok(batch.messages.every((m) => !m.includes(name)), `the file is not repeated: ${JSON.stringify(batch.messages)}`);
    assert.ok(batch.messages.includes('attaching…'), JSON.stringify(batch.messages));
    const said = await messages.waitFor(/was added to/);
    assert.equal(said.text, `"${name}" was added to "Blocks Page" as a video block.`);
    assert.deepEqual(said.buttons, ['Open Page']);
  });

  test('a selection with one unsupported file: asked once, before anything is sent, whether to upload the others', async () => {
    const pngs = [f.file('png'), f.file('png'), f.file('png')];
    const md = f.file('md');
    const c = vscode.workspace.getConfiguration('notionAssets');
    await c.update('defaultTarget', f.pages.dbPage, vscode.ConfigurationTarget.Global);
    const creates = () => countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    const before = creates();
    let sentWhenAsked = -1;
    messages.answerWith((m) => {
      if (!/can't go to Notion/.test(m.text)) return undefined;
      sentWhenAsked = creates() - before;
      return 'Upload 3';
    });
    try {
      // The Explorer's form: the clicked file and the whole selection; no page given, so not scripted.
      const res = await run('notionAssets.attachToProperty', pngs[0], [...pngs, md]);
      const asked = messages.shown.filter((m) => /can't go to Notion/.test(m.text));
      assert.equal(asked.length, 1, 'asked once');
      assert.equal(asked[0].text, `1 of 4 files can't go to Notion: ${path.basename(md.fsPath)} (type .md not supported). Upload the other 3?`);
      assert.deepEqual(asked[0].buttons, ['Upload 3']);
      assert.equal(sentWhenAsked, 0, 'nothing sent before the answer');
      assert.deepEqual(res?.uploads.map((u) => [path.basename(u.file), u.ok]), pngs.map((p) => [path.basename(p.fsPath), true]));
      assert.deepEqual(res?.refused, [{ file: md.fsPath, reason: 'type .md not supported' }]);
      assert.deepEqual(messages.of('error'), []);
    } finally {
      await c.update('defaultTarget', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('answering Cancel to "upload the others?" sends nothing and shows no error', async () => {
    const c = vscode.workspace.getConfiguration('notionAssets');
    await c.update('defaultTarget', f.pages.dbPage, vscode.ConfigurationTarget.Global);
    const before = f.emulator.requests.length;
    try {
      const png = f.file('png');
      const res = await run('notionAssets.attachToProperty', png, [png, f.file('md')]);
      assert.equal(res, undefined, 'ended quietly');
      assert.equal(messages.shown.filter((m) => /can't go to Notion/.test(m.text)).length, 1, 'asked');
      assert.equal(f.emulator.requests.length, before, 'no request at all');
      assert.deepEqual(messages.of('error'), []);
    } finally {
      await c.update('defaultTarget', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a scripted batch with an unsupported file uploads the others without asking and returns the refused one with why', async () => {
    const pngs = [f.file('png'), f.file('png')];
    const md = f.file('md');
    const page = f.emulator.seed.page({ title: 'Scripted Partial' }).id;
    const res = await run('notionAssets.addBlock', { files: [pngs[0], md, pngs[1]], page });
    assert.equal(res?.error, undefined);
    assert.deepEqual(res!.uploads.map((u) => [u.file, u.ok]), pngs.map((p) => [p.fsPath, true]));
    assert.deepEqual(res!.refused, [{ file: md.fsPath, reason: 'type .md not supported' }]);
    assert.equal((await children(f, page)).length, 2);
    const told = messages.shown.find((m) => /can't go to Notion/.test(m.text));
    assert.ok(told, 'the user is told');
    assert.deepEqual(told.buttons, [], 'not a question');
  });

  test('Set Token (asked): a rejected token keeps the box open with Notion\'s reason; the right one closes it and is stored', async () => {
    const box = fakeInputBox();
    const win = vscode.window as unknown as Record<string, unknown>;
    const original = win.createInputBox;
    win.createInputBox = () => box;
    try {
      const result = vscode.commands.executeCommand<{ botName: string } | undefined>('notionAssets.setToken');
      await until('the box shown', () => box.shown || undefined);
      assert.equal(box.password, true);
      box.type('secret_wrong_token_for_the_box');
      box.accept();
      await until('the rejection shown', () => box.validationMessage);
      assert.match(box.validationMessage!, /rejected this token \(401/);
      assert.match(box.validationMessage!, /Internal Integration Secret/);
      assert.equal(box.disposed, false, 'the box stays open to paste again');
      assert.deepEqual(messages.of('error'), [], 'no separate error notification');
      box.type(DEFAULT_TOKEN);
      assert.equal(box.validationMessage, undefined, 'typing clears the message');
      box.accept();
      const info = await result;
      assert.ok(info, 'stored');
      assert.equal(box.disposed, true);
      assert.match((await messages.waitFor(/^Connected to Notion/)).text, /Emulator|workspace/i);
    } finally {
      win.createInputBox = original;
    }
  });

  test('the placement question leaves out "Attach to Files Property" for a page known not to be in a database', async () => {
    const seen: string[][] = [];
    const win = vscode.window as unknown as Record<string, unknown>;
    const original = win.showQuickPick;
    win.showQuickPick = (items: vscode.QuickPickItem[]) => {
      seen.push(items.map((i) => i.label));
      return Promise.resolve(undefined);
    };
    try {
      await askPlacement(['a.pdf'], 'Plain page', true, false);
      await askPlacement(['a.pdf'], 'Row', true, true);
      await askPlacement(['a.pdf'], 'Pasted link', true, undefined);
    } finally {
      win.showQuickPick = original;
    }
    const hasProperty = seen.map((labels) => labels.some((l) => /Files Property/.test(l)));
    assert.deepEqual(hasProperty, [false, true, true]);
  });

  test('Download: answering "don\'t replace" to an existing file is not reported as an error', async () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'notion-assets-dl-'));
    try {
      const page = f.emulator.seed.page({ title: 'Download Page' }).id;
      const pdf = f.file('pdf');
      await f.api.upload(pdf, { pageId: page, as: 'block' });
      const browsed = await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', page);
      const row = browsed!.view.rows.find((r) => r.label === path.basename(pdf.fsPath))!;
      fs.writeFileSync(path.join(dir, row.label), 'mine');
      const res = await vscode.commands.executeCommand('notionAssets.pageFiles.download', row.key, { folder: dir });
      assert.equal(res, undefined);
      assert.equal(messages.of('warning').filter((m) => /Replace it\?/.test(m.text)).length, 1, 'asked');
      assert.deepEqual(messages.of('error'), [], 'no error for the user\'s own answer');
      assert.equal(fs.readFileSync(path.join(dir, row.label), 'utf8'), 'mine');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
