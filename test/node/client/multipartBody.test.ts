// The send body is written by hand for speed (see multipart.ts); these tests hold it to the
// bytes undici's own FormData encoder produces for the same fields, escapes included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FormData, Response } from 'undici';
import { sendBody } from '../../../src/core/notion/multipart';

async function ours(p: Parameters<typeof sendBody>[0]): Promise<{ bytes: Buffer; boundary: string; length: number }> {
  const b = sendBody(p);
  const chunks: Uint8Array[] = [];
  for await (const c of b.body) chunks.push(c);
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
