// Refused before any request, naming the file or value and the rule, with no upload created
// and the history unchanged: symlinks leading outside the workspace, dangling links, FIFOs,
// sockets, devices, unreadable files, bad captions and every other value a caller gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { openEnv, randomFile, type Env } from './helpers';
import { UploadService } from '../../../src/core/upload/uploadService';
import { UploadValidationError } from '../../../src/core/upload/errors';
import { isPermanentRefusal } from '../../../src/core/upload/permanentRefusal';

let env: Env;
let ws: string;
let outside: string;
let svc: UploadService;
let page: string;
before(async () => {
  env = await openEnv();
  ws = path.join(env.dir, 'workspace');
  mkdirSync(ws);
  outside = mkdtempSync(path.join(os.tmpdir(), 'outside-'));
  svc = new UploadService(env.client, { history: env.history, progressIntervalMs: 0, workspaceFolders: () => [ws] });
  page = env.emu.seed.page({ title: 'Refusals' }).id;
});
after(async () => {
  await env.close();
  rmSync(outside, { recursive: true, force: true });
});

/** Asserts a refusal before any request at all: no request, no record. */
async function refusedBeforeAnyRequest(p: () => Promise<unknown>, rule: string, names: string[], pattern: RegExp): Promise<UploadValidationError> {
  const requests = env.emu.requests.length;
  const records = env.history.list().length;
  let err: UploadValidationError | undefined;
  await assert.rejects(p(), (e: unknown) => {
    assert.ok(e instanceof UploadValidationError, `expected a refusal, got ${e}`);
    assert.equal(e.rule, rule, e.message);
    for (const n of names) assert.ok(e.message.includes(n), `message names ${n}: ${e.message}`);
    assert.match(e.message, pattern);
    err = e;
    return true;
  });
  assert.equal(env.emu.requests.length, requests, 'no request sent');
  assert.equal(env.history.list().length, records, 'history unchanged');
  return err!;
}

test('a symlink to a file outside the workspace is refused, naming the link and its target; allowed with the caller\'s yes', async () => {
  const secret = path.join(outside, 'id_rsa.png');
  writeFileSync(secret, 'PRIVATE KEY');
  const link = path.join(ws, 'logo.png');
  symlinkSync(secret, link);
  await refusedBeforeAnyRequest(() => svc.uploadAndAttach(link, { pageId: page, as: 'cover' }), 'outside-workspace', [link, secret], /outside the workspace folders/);
  await refusedBeforeAnyRequest(() => svc.upload(link), 'outside-workspace', [link, secret], /explicit yes/);
  const up = await svc.upload(link, { allowOutsideWorkspace: true });
  assert.equal(up.status, 'uploaded');
  // A link inside the workspace to a file inside it is just that file.
  const inside = path.join(ws, 'real.png');
  writeFileSync(inside, 'png bytes');
  symlinkSync(inside, path.join(ws, 'alias.png'));
  assert.equal((await svc.upload(path.join(ws, 'alias.png'))).status, 'uploaded');
});

test('the type is judged on the file read: logo.png → id_rsa is refused even when allowed', async () => {
  const key = path.join(outside, 'id_rsa');
  writeFileSync(key, 'PRIVATE KEY');
  const link = path.join(ws, 'badge.png');
  symlinkSync(key, link);
  await refusedBeforeAnyRequest(() => svc.upload(link, { allowOutsideWorkspace: true }), 'link-type', [link, key], /judged on the file read/);
});

test('dangling links, FIFOs, sockets, devices and directories are refused without blocking', async () => {
  const dangling = path.join(ws, 'gone.png');
  symlinkSync(path.join(ws, 'nothing-here.png'), dangling);
  await refusedBeforeAnyRequest(() => svc.upload(dangling), 'file-not-found', [dangling], /is a link to .*nothing-here\.png, which does not exist/);

  const fifo = path.join(ws, 'pipe.png');
  execFileSync('mkfifo', [fifo]);
  await refusedBeforeAnyRequest(() => svc.upload(fifo), 'not-a-file', [fifo], /named pipe \(FIFO\)/);

  const sock = path.join(ws, 'sock.png');
  const server = net.createServer().listen(sock);
  await new Promise((r) => server.once('listening', r));
  try {
    await refusedBeforeAnyRequest(() => svc.upload(sock), 'not-a-file', [sock], /a socket|cannot read the file \(ENXIO/);
  } finally {
    server.close();
  }
  const dev = path.join(ws, 'null.png');
  symlinkSync('/dev/null', dev);
  await refusedBeforeAnyRequest(() => svc.upload(dev, { allowOutsideWorkspace: true }), 'not-a-file', [dev], /a device/);

  const dir = path.join(ws, 'folder.png');
  mkdirSync(dir);
  await refusedBeforeAnyRequest(() => svc.upload(dir), 'not-a-file', [dir], /a directory/);
});

test('an unreadable file is refused with the OS reason and the path, not as a network failure, and never retried', async () => {
  let unreadable: string;
  if (process.getuid?.() === 0) {
    // Root reads any mode; a write-only sysctl still refuses it (EACCES).
    unreadable = path.join(ws, 'locked.png');
    symlinkSync('/proc/sys/vm/drop_caches', unreadable);
  } else {
    unreadable = (await randomFile(ws, 'locked.png', 100)).path;
    chmodSync(unreadable, 0o000);
  }
  const e = await refusedBeforeAnyRequest(
    () => svc.uploadAndAttach(unreadable, { pageId: page, as: 'block' }, { allowOutsideWorkspace: true }),
    'unreadable',
    [unreadable],
    /cannot read the file \(EACCES: permission denied\)/,
  );
  assert.doesNotMatch(e.message, /could not reach Notion/);
  assert.equal(e.expected, true);
});

test('captions: over 2000 characters or with control characters refused before the upload; Retry not offered', async () => {
  const f = await randomFile(ws, 'captioned.png', 500);
  const long = 'x'.repeat(2001);
  const e = await refusedBeforeAnyRequest(() => svc.uploadAndAttach(f.path, { pageId: page, as: 'block', caption: long }), 'invalid-caption', ['2001 characters'], /Notion allows 2000/);
  assert.ok(isPermanentRefusal(e), 'a refusal Retry would only repeat');
  await refusedBeforeAnyRequest(() => svc.uploadAndAttach(f.path, { pageId: page, as: 'block', caption: 'bell\u0007' }), 'invalid-caption', ['U+0007'], /only newline and tab/);
  // 2000 characters with newlines and tabs go through.
  const ok = 'a\tb\n'.repeat(500);
  const r = await svc.uploadAndAttach(f.path, { pageId: page, as: 'block', caption: ok });
  const kids = (await env.client.listBlockChildren(page, { pageSize: 100 })).results as Array<Record<string, any>>;
  assert.equal(kids.find((b) => b.id === r.blockId)!.image.caption[0].plain_text, ok);
});

test('every other value is checked before any request: placement, block type, property name, page link, options, URLs', async () => {
  const f = await randomFile(ws, 'values.png', 600);
  await refusedBeforeAnyRequest(() => svc.uploadAndAttach(f.path, { pageId: page, as: 'banner' } as never), 'invalid-target', ['"banner"'], /not a placement/);
  await refusedBeforeAnyRequest(() => svc.uploadAndAttach(f.path, { pageId: page, as: 'block', blockType: 'embed' } as never), 'invalid-block-type', ['"embed"'], /image, video, audio, pdf, file/);
  await refusedBeforeAnyRequest(() => svc.uploadAndAttach(f.path, { pageId: page, as: 'property', property: ' ' }), 'invalid-property', [], /non-empty/);
  await refusedBeforeAnyRequest(() => svc.attach('0123456789abcdef0123456789abcdef', { pageId: page, as: 'property', property: 'a\u0000b' }), 'invalid-property', [], /control character/);
  await refusedBeforeAnyRequest(() => svc.uploadAndAttach(f.path, { pageId: 'not a page', as: 'cover' }), 'invalid-page-id', ['not a page'], /Not a Notion page id/);
  await refusedBeforeAnyRequest(() => svc.attachExternal('ftp://x.example/a.png', { pageId: page, as: 'cover' }), 'invalid-url', [], /only https/);
  await refusedBeforeAnyRequest(() => svc.attachExternal('https://x.example/a.png', { pageId: page, as: 'block', caption: '\u001b[31m' }), 'invalid-caption', [], /control character/);
  await refusedBeforeAnyRequest(() => svc.importFromUrl('https://user:pw@x.example/a.png'), 'invalid-url', [], /user name or password/);
  await refusedBeforeAnyRequest(() => svc.importFromUrl(`https://x.example/${'a'.repeat(2001)}.png`), 'invalid-url', [], /2000 characters/);
  assert.throws(() => new UploadService(env.client, { partSizeBytes: 1024 }), (e: unknown) => e instanceof UploadValidationError && e.rule === 'invalid-options' && /partSizeBytes/.test(e.message));
  assert.throws(() => new UploadService(env.client, { concurrency: 1.5 }), (e: unknown) => e instanceof UploadValidationError && e.rule === 'invalid-options' && /1\.5/.test(e.message));
});
