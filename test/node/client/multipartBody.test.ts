// The send body is written by hand for speed (see multipart.ts); these tests hold it to the
// bytes undici's own FormData encoder produces for the same fields, escapes included.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, openAsBlob, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { FormData, Response } from 'undici';
import { sendBody } from '../../../src/core/notion/multipart';
import { openFdsTo } from './openFds';

async function ours(p: Parameters<typeof sendBody>[0]): Promise<{ bytes: Buffer; boundary: string; length: number }> {
  const b = sendBody(p);
  const chunks: Uint8Array[] = [];
  // Copied: a file range's reader reuses its buffers once the consumer has moved on.
  for await (const c of b.body) chunks.push(Buffer.from(c));
  return { bytes: Buffer.concat(chunks), boundary: /boundary=(.+)$/.exec(b.contentType)![1], length: b.contentLength };
}

async function undicis(data: Blob, filename: string, contentType: string, partNumber?: number): Promise<{ bytes: Buffer; boundary: string }> {
  const fd = new FormData();
  if (partNumber !== undefined) fd.append('part_number', String(partNumber));
  fd.append('file', new Blob([data], { type: contentType }), filename);
  const res = new Response(fd);
  const boundary = /boundary=(.+)$/.exec(res.headers.get('content-type')!)![1];
  return { bytes: Buffer.from(await res.arrayBuffer()), boundary };
}

const cases: Array<{ name: string; filename: string; contentType: string; partNumber?: number }> = [
  { name: 'single part', filename: 'screenshot.png', contentType: 'image/png' },
  { name: 'a part of a multi-part upload', filename: 'recording.mp4', contentType: 'video/mp4', partNumber: 7 },
  { name: 'quotes, CR and LF in the name', filename: 'a "quoted"\r\nname.pdf', contentType: 'application/pdf' },
  { name: 'non-ASCII name and an upper-case type', filename: 'Übersicht – 2026.PNG', contentType: 'Image/PNG' },
];

for (const c of cases) {
  test(`the body equals undici's FormData encoding: ${c.name}`, async () => {
    const data = new Blob([Buffer.from('0123456789'.repeat(1000))]);
    let counted = 0;
    const mine = await ours({ data, filename: c.filename, contentType: c.contentType, partNumber: c.partNumber, onBytes: (n) => (counted = n) });
    const lib = await undicis(data, c.filename, c.contentType, c.partNumber);
    const normalised = Buffer.from(lib.bytes.toString('latin1').split(lib.boundary).join(mine.boundary), 'latin1');
    assert.equal(mine.bytes.toString('latin1'), normalised.toString('latin1'));
    assert.equal(mine.length, mine.bytes.length, 'Content-Length is exact');
    assert.equal(counted, data.size, 'progress counts every byte of the file');
  });
}

// The file-range variant (the upload service's path): same bytes as the Blob of that range.
const dir = mkdtempSync(path.join(tmpdir(), 'multipart-body-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, bytes: Buffer) {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  const st = statSync(p);
  return { path: p, sizeBytes: st.size, mtimeMs: st.mtimeMs };
}

for (const [name, start, end] of [['the whole file', 0, 3 * 1024 * 1024 + 17], ['a middle range across 1 MiB chunks', 1000, 2 * 1024 * 1024 + 5]] as const) {
  test(`a file range gives the bytes undici's FormData gives for the same Blob slice: ${name}`, async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const f = fileWith(`range-${start}.mp4`, bytes);
    const data = (await openAsBlob(f.path)).slice(start, end);
    const seen: number[] = [];
    const mine = await ours({ data, file: { ...f, start, end }, filename: 'clip.mp4', contentType: 'video/mp4', partNumber: 2, onBytes: (n) => seen.push(n) });
    const lib = await undicis(data, 'clip.mp4', 'video/mp4', 2);
    const normalised = Buffer.from(lib.bytes.toString('latin1').split(lib.boundary).join(mine.boundary), 'latin1');
    assert.ok(mine.bytes.equals(normalised), 'byte-for-byte equal');
    assert.equal(mine.length, mine.bytes.length, 'Content-Length is exact');
    assert.equal(seen.at(-1), end - start, 'progress counts every byte of the range');
    assert.ok(seen.every((n, i) => i === 0 || n > seen[i - 1]), 'progress only grows');
  });
}

test('a file range whose file changed before the read fails before any file byte is yielded', async () => {
  const f = fileWith('before.pdf', randomBytes(1000));
  appendFileSync(f.path, 'x');
  const b = sendBody({ data: new Blob([new Uint8Array(1000)]), file: { ...f, start: 0, end: 1000 }, filename: 'before.pdf', contentType: 'application/pdf' });
  const it = b.body[Symbol.asyncIterator]();
  await it.next(); // the part's head
  await assert.rejects(it.next(), (e: Error) => e.name === 'NotReadableError' && /before\.pdf changed while it was being read \(size 1000 → 1001 bytes\)/.test(e.message));
});

test('a file range whose file changes mid-read fails before the last chunk: the part never completes', async () => {
  const size = 3 * 1024 * 1024;
  const f = fileWith('during.mkv', randomBytes(size));
  const b = sendBody({ data: new Blob([new Uint8Array(size)]), file: { ...f, start: 0, end: size }, filename: 'during.mkv', contentType: 'video/x-matroska' });
  const got: Uint8Array[] = [];
  const read = (async () => {
    for await (const c of b.body) {
      got.push(c);
      // Same size, new mtime: only the snapshot comparison can notice.
      if (got.length === 2) utimesSync(f.path, new Date(), new Date(Date.now() + 5000));
    }
  })();
  await assert.rejects(read, (e: Error) => e.name === 'NotReadableError' && /modified time changed/.test(e.message));
  const fileBytes = got.slice(1).reduce((s, c) => s + c.byteLength, 0);
  assert.ok(fileBytes < size, `the last chunk was withheld (${fileBytes} of ${size} bytes yielded)`);
});

test('a file range that shrinks mid-read fails instead of sending fewer bytes', async () => {
  const size = 3 * 1024 * 1024;
  const f = fileWith('shrink.mkv', randomBytes(size));
  const b = sendBody({ data: new Blob([new Uint8Array(size)]), file: { ...f, start: 0, end: size }, filename: 'shrink.mkv', contentType: 'video/x-matroska' });
  let n = 0;
  const read = (async () => {
    for await (const _ of b.body) if (++n === 2) truncateSync(f.path, 1024 * 1024);
  })();
  await assert.rejects(read, (e: Error) => e.name === 'NotReadableError' && /shrink\.mkv changed while it was being read \(it ends before byte 1048576\)/.test(e.message));
});

test('a file range is closed when the reader stops early (as undici does on abort)', async () => {
  const size = 3 * 1024 * 1024;
  const f = fileWith('early.mkv', randomBytes(size));
  const b = sendBody({ data: new Blob([new Uint8Array(size)]), file: { ...f, start: 0, end: size }, filename: 'early.mkv', contentType: 'video/x-matroska' });
  const it = b.body[Symbol.asyncIterator]();
  await it.next();
  await it.next(); // the file is open now
  assert.equal(openFdsTo(f.path), 1);
  await it.return?.(undefined);
  assert.equal(openFdsTo(f.path), 0);
});
