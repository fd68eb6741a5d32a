// Cancel on a batch of big files, through the progress notification's own Cancel (the real
// withProgress token), with the emulator rate-limiting as Notion does and 50 ms latency:
// the report comes at once, names what was cancelled and what had finished, and nothing
// reaches Notion after the click.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../../emulator';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { children, getFixture, type Fixture } from './fixture';
import { Messages } from './messages';

const MiB = 1024 * 1024;
/** Eight 5 MiB parts per file: big enough to cancel in the middle of a file's parts. */
const FILE_BYTES = 40 * MiB;
/** The bound the issue sets for "Upload cancelled…" after the click (a person's wait, not a benchmark). */
const REPORT_WITHIN_MS = 2000;

/** A sparse .mp4 (an MP4 signature, a marker making its bytes unique, zeros): big on disk at no cost. */
function bigMp4(dir: string, name: string): vscode.Uri {
  const p = path.join(dir, name);
  const fd = fs.openSync(p, 'w');
  try {
    fs.writeSync(fd, Buffer.from('0000001866747970697336000000000069736f6d', 'hex'));
    fs.writeSync(fd, Buffer.from(`${name} ${Date.now()}`), 0, undefined, FILE_BYTES / 2);
    fs.ftruncateSync(fd, FILE_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  return vscode.Uri.file(p);
}

async function until(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; !test(); await new Promise((r) => setTimeout(r, 5))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

/** The moment the notification's token fires in this extension host, and the request log's length then. */
interface CancelMark {
  at: number;
  logLength: number;
}

suite('Cancel a batch of big files from the progress notification', () => {
  let f: Fixture;
  let messages: Messages;
  let dir: string;
  let mark: CancelMark | undefined;
  const win = vscode.window as unknown as Record<string, unknown>;
  const withProgress = vscode.window.withProgress;
  const settings = () => vscode.workspace.getConfiguration('notionAssets');

  suiteSetup(async () => {
    f = await getFixture();
    dir = fs.mkdtempSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'big-'));
    await settings().update('partSize', 5, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await settings().update('partSize', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  setup(() => {
    messages = new Messages();
    mark = undefined;
    f.emulator.setRateLimit({ enabled: true });
    f.emulator.setLatency(50);
    f.emulator.setStoreUploadBytes(false);
    // The real notification and token; the test only notes when the token fires.
    win.withProgress = (o: vscode.ProgressOptions, task: (p: vscode.Progress<unknown>, t: vscode.CancellationToken) => Thenable<unknown>) =>
      withProgress.call(vscode.window, o, (p, t) => {
        t.onCancellationRequested(() => (mark ??= { at: performance.now(), logLength: f.emulator.requests.length }));
        return task(p, t);
      });
  });
  teardown(() => {
    win.withProgress = withProgress;
    messages.restore();
    f.emulator.setRateLimit({ enabled: false });
    f.emulator.setLatency(0);
    f.emulator.setStoreUploadBytes(true);
    f.emulator.faults.clear();
  });

  const rowsOf = (file: vscode.Uri) => f.api.listUploads().filter((r) => r.source === file.fsPath);
  const sendsTo = (id: string | undefined) => f.emulator.requests.filter((r) => id && r.path === `/v1/file_uploads/${id}/send`);
  const name = (u: vscode.Uri) => path.basename(u.fsPath);

  /** Clicks Cancel on the notification once `when` holds; returns what the batch did and said. */
  async function cancelWhen(files: vscode.Uri[], page: string, when: () => boolean) {
    const running = vscode.commands.executeCommand<UploadCommandResult | undefined>('notionAssets.addBlock', { files, page });
    await until('the moment to cancel', when);
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    await until('the notification\'s token to fire', () => mark !== undefined, 5000);
    const said = await messages.waitFor(/[Cc]ancelled/, 60_000);
    const reportedAfterMs = performance.now() - mark!.at;
    const res = await running;
    // Anything still in flight has settled by now (50 ms latency), so the log is complete.
    await new Promise((r) => setTimeout(r, 300));
    const after: RequestLogEntry[] = f.emulator.requests.slice(mark!.logLength);
    return { res, said, reportedAfterMs, after };
  }

  test('mid-part of the second file: the report within 2 s names the finished and the cancelled files; no request after the click', async () => {
    const files = [1, 2, 3].map((i) => bigMp4(dir, `clip-${i}.mp4`));
    const page = f.emulator.seed.page({ title: 'Cancel Big Batch' }).id;
    const { res, said, reportedAfterMs, after } = await cancelWhen(files, page, () => {
      const sends = sendsTo(rowsOf(files[1])[0]?.fileUploadId);
      return sends.length >= 3 && sends.some((s) => s.status === 0);
    });
    assert.deepEqual(res?.uploads.map((u) => u.error ?? 'ok'), ['ok', 'cancelled', 'cancelled']);
    assert.ok(reportedAfterMs < REPORT_WITHIN_MS, `the report came ${Math.round(reportedAfterMs)} ms after the click`);
    assert.match(said.text, new RegExp(`^"${name(files[0])}" was added to "Cancel Big Batch" as a video block\\.`));
    assert.match(said.text, new RegExp(`Cancelled, nothing attached: "${name(files[1])}", "${name(files[2])}"\\.$`));
    const started = after.filter((r) => !r.abandoned);
    assert.deepEqual(started.map((r) => `${r.method} ${r.path}`), [], 'no request started (or answered) after the click');
    assert.equal((await children(f, page)).length, 1, 'one block: the file finished before the click');
    assert.deepEqual(rowsOf(files[1]).map((r) => r.state), ['cancelled']);
    assert.deepEqual(rowsOf(files[2]), [], 'the third file never started');
  });

  test('while the first file\'s block is being added: every file cancelled, the report says that write may still land, its row says cancelled (not pending)', async () => {
    const files = [1, 2, 3].map((i) => bigMp4(dir, `attaching-${i}.mp4`));
    const page = f.emulator.seed.page({ title: 'Cancel While Attaching' }).id;
    // The append arrives and gets no answer: the click lands while it is in flight.
    f.emulator.faults.arm({ method: 'PATCH', path: `/v1/blocks/${page}/children`, hang: true });
    const { res, said, reportedAfterMs, after } = await cancelWhen(files, page, () =>
      f.emulator.requests.some((r) => r.method === 'PATCH' && r.path === `/v1/blocks/${page}/children`));
    assert.deepEqual(res?.uploads.map((u) => u.error ?? 'ok'), ['cancelled', 'cancelled', 'cancelled']);
    assert.ok(reportedAfterMs < REPORT_WITHIN_MS, `the report came ${Math.round(reportedAfterMs)} ms after the click`);
    // The block's write was on its way: Notion may still apply it, and the report says so.
    assert.equal(said.text, `Upload cancelled: ${files.map((u) => `"${name(u)}"`).join(', ')} (nothing else was attached). ` +
      `"${name(files[0])}" was being added as you cancelled: Refresh Status in the Uploads view shows whether Notion took it; Retry looks on the page first.`);
    assert.deepEqual(after.filter((r) => !r.abandoned).map((r) => `${r.method} ${r.path}`), [], 'no request started (or answered) after the click');
    assert.equal((await children(f, page)).length, 0);
    assert.deepEqual(rowsOf(files[0]).map((r) => [r.state, r.attachUnknown]), [['cancelled', true]], 'sent, not known attached: cancelled (not "pending"), Retry looks first');
    assert.deepEqual([...rowsOf(files[1]), ...rowsOf(files[2])], [], 'the others never started');
  });
});
