// Downloads: byte-exact, renewed links, safe names, no overwrite without asking, nothing
// half-written left behind, and no Authorization header sent to the file host.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { TargetExistsError } from '../../../src/core/files/download';
import { UnsafeFileNameError } from '../../../src/core/files/fileName';
import { PageFilesService } from '../../../src/core/files/service';
import type { PageFile } from '../../../src/core/files/types';
import { externalImage, openFilesEnv, randomFile, type FilesEnv } from './helpers';

let env: FilesEnv;
let pageId: string;
let report: { sha256: string; size: number };
let big: { sha256: string };
before(async () => {
  env = await openFilesEnv();
  pageId = env.emu.seed.page({ title: 'Downloads' }).id;
  const r = randomFile(env.dir, 'report.pdf', 300_000);
  await env.uploads.uploadAndAttach(r.path, { pageId, as: 'block' });
  report = { sha256: r.sha256, size: 300_000 };
  const b = randomFile(env.dir, 'big.mp3', 3 * 1024 * 1024);
  const up = await env.uploads.upload(b.path);
  await env.client.appendBlockChildren(pageId, [
    { type: 'file', file: { type: 'file_upload', file_upload: { id: up.id }, name: '../../escape.mp3' } },
  ]);
  big = { sha256: b.sha256 };
});
after(() => env.close());

let n = 0;
const freshDir = () => {
  const d = path.join(env.dir, `out-${++n}`);
  mkdirSync(d);
  return d;
};
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const file = async (name: string, svc = env.files): Promise<PageFile> => (await svc.listFiles(pageId)).find((f) => f.name === name)!;
const fileGets = (from: number) => env.emu.requests.slice(from).filter((r) => r.path.startsWith('/files/'));

test('downloads byte-exact, with progress, under the name Notion reports', async () => {
  const dir = freshDir();
  const seen: Array<[number, number | undefined]> = [];
  const res = await env.files.download(await file('report.pdf'), { directory: dir, onProgress: (r, t) => seen.push([r, t]) });
  assert.equal(res.path, path.join(dir, 'report.pdf'));
  assert.equal(res.bytes, report.size);
  assert.equal(sha(res.path), report.sha256);
  assert.equal(res.sha256, report.sha256);
  assert.deepEqual(seen.at(-1), [report.size, report.size]);
  assert.deepEqual(readdirSync(dir), ['report.pdf']);
});

test('an expired link is renewed before the download', async () => {
  const f = await file('report.pdf');
  env.emu.clock.advance(2 * 60 * 60_000);
  const from = env.emu.requests.length;
  const res = await env.files.download(f, { directory: freshDir() });
  assert.equal(sha(res.path), report.sha256);
  assert.deepEqual(fileGets(from).map((r) => r.status), [200], 'no request with the dead link');
  assert.notEqual(res.file.url, f.url);
});

test('when the file host refuses a link our clock thinks is fresh, it is renewed once and retried', async () => {
  const skewed = new PageFilesService({ api: env.client }); // real clock: the emulator's is hours ahead by now
  const f = await file('report.pdf', skewed);
  env.emu.clock.advance(2 * 60 * 60_000);
  const from = env.emu.requests.length;
  const res = await skewed.download(f, { directory: freshDir() });
  assert.equal(sha(res.path), report.sha256);
  assert.deepEqual(fileGets(from).map((r) => r.status), [403, 200]);
});

test('unsafe names are refused before any request; names from Notion are made safe', async () => {
  const dir = freshDir();
  const f = await file('report.pdf');
  const from = env.emu.requests.length;
  const parent = readdirSync(env.dir).sort();
  for (const bad of ['../report.pdf', 'sub/report.pdf', '..', 'C:report.pdf']) {
    await assert.rejects(env.files.download(f, { directory: dir, fileName: bad }), UnsafeFileNameError);
  }
  assert.equal(env.emu.requests.length, from);
  assert.deepEqual(readdirSync(dir), []);
  assert.deepEqual(readdirSync(env.dir).sort(), parent);

  const escape = await file('../../escape.mp3');
  assert.equal(env.files.suggestedFileName(escape), '_.._escape.mp3');
  const res = await env.files.download(escape, { directory: dir });
  assert.equal(res.path, path.join(dir, '_.._escape.mp3'));
  assert.equal(sha(res.path), big.sha256);
  assert.deepEqual(readdirSync(dir), ['_.._escape.mp3']);
});

test('an existing file is replaced only when the caller says so', async () => {
  const dir = freshDir();
  const target = path.join(dir, 'report.pdf');
  writeFileSync(target, 'mine');
  const f = await file('report.pdf');
  const from = env.emu.requests.length;
  await assert.rejects(env.files.download(f, { directory: dir }), TargetExistsError);
  const asked: string[] = [];
  await assert.rejects(env.files.download(f, { directory: dir, confirmOverwrite: (p) => (asked.push(p), false) }), TargetExistsError);
  assert.deepEqual(asked, [target]);
  assert.equal(readFileSync(target, 'utf8'), 'mine');
  assert.equal(env.emu.requests.length, from, 'refused before any request');
  await env.files.download(f, { directory: dir, confirmOverwrite: () => true });
  assert.equal(sha(target), report.sha256);
  assert.deepEqual(readdirSync(dir), ['report.pdf']);
  await assert.rejects(env.files.download(f, { directory: path.join(dir, 'missing') }), /no such folder/);
});

test('a cancelled download leaves nothing behind', async () => {
  const dir = freshDir();
  const controller = new AbortController();
  let calls = 0;
  const f = await file('../../escape.mp3');
  await assert.rejects(
    env.files.download(f, { directory: dir, signal: controller.signal, onProgress: () => ++calls === 1 && controller.abort() }),
    (e: Error) => e.name === 'AbortError',
  );
  assert.equal(calls, 1);
  assert.deepEqual(readdirSync(dir), []);
});

test('a connection dropped mid-body fails the download and leaves nothing behind', async () => {
  const dir = freshDir();
  const f = await file('../../escape.mp3');
  env.emu.faults.arm({ method: 'GET', path: /^\/files\//, dropConnection: true });
  await assert.rejects(env.files.download(f, { directory: dir }));
  assert.deepEqual(readdirSync(dir), []);
});

test('the file host gets no Authorization header', async () => {
  const bytes = randomBytes(10_000);
  const seen: http.IncomingHttpHeaders[] = [];
  const host = http.createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}/img/pic.png?x=1`;
    env.emu.seed.blocks(pageId, [externalImage(url)]);
    const f = await file('pic.png');
    assert.equal(f.kind, 'external');
    const res = await env.files.download(f, { directory: freshDir() });
    assert.equal(res.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(seen.length, 1);
    assert.equal(seen[0].authorization, undefined);
    assert.equal(seen[0]['notion-version'], undefined);
  } finally {
    host.close();
  }
});

test('a name at the 255-byte limit downloads (the temporary file has a short name of its own)', async () => {
  const dir = freshDir();
  const name = `${'a'.repeat(251)}.pdf`;
  const res = await env.files.download(await file('report.pdf'), { directory: dir, fileName: name });
  assert.equal(path.basename(res.path), name);
  assert.equal(sha(res.path), report.sha256);
  assert.deepEqual(readdirSync(dir), [name]);
});
