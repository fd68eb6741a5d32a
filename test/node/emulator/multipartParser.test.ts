// The streaming multipart parser on awkward input: chunk boundaries anywhere, escaped names,
// preamble/epilogue, malformed bodies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotionError } from '../../emulator/errors';
import { boundaryOf, MultipartParser, type PartInfo } from '../../emulator/multipart';

function parse(body: Buffer, boundary: string, chunkSize: number) {
  const parts: Array<PartInfo & { data: Buffer }> = [];
  let chunks: Buffer[] = [];
  const p = new MultipartParser(boundary, {
    onPart: (info) => {
      chunks = [];
      parts.push({ ...info, data: Buffer.alloc(0) });
    },
    onData: (c) => chunks.push(Buffer.from(c)),
    onPartEnd: () => (parts[parts.length - 1].data = Buffer.concat(chunks)),
  });
  for (let i = 0; i < body.length; i += chunkSize) p.write(body.subarray(i, i + chunkSize));
  p.end();
  return parts;
}

describe('emulator multipart parser', () => {
  const boundary = '----b0undary';
  const payload = Buffer.concat([Buffer.from('\r\n--'), Buffer.from('----b0undar'), Buffer.from([0, 255, 13, 10, 45, 45])]); // near-miss delimiter inside data
  const body = Buffer.concat([
    Buffer.from(`preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="part_number"\r\n\r\n2\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a %22quoted%22 Ünï.png"\r\nContent-Type: image/png\r\n\r\n`),
    payload,
    Buffer.from(`\r\n--${boundary}--\r\nepilogue`),
  ]);

  it('yields the same parts whatever the chunk size', () => {
    for (const size of [1, 2, 3, 7, 16, 64, body.length]) {
      const parts = parse(body, boundary, size);
      assert.equal(parts.length, 2, `chunk ${size}`);
      assert.equal(parts[0].name, 'part_number');
      assert.equal(parts[0].data.toString(), '2');
      assert.equal(parts[1].filename, 'a "quoted" Ünï.png');
      assert.equal(parts[1].contentType, 'image/png');
      assert.deepEqual(parts[1].data, payload, `chunk ${size}`);
    }
  });

  it('refuses bodies without the closing boundary and parts without a name', () => {
    assert.throws(() => parse(body.subarray(0, body.length - 20), boundary, 10), NotionError);
    const noName = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${boundary}--`);
    assert.throws(() => parse(noName, boundary, 5), /no name/);
  });

  it('reads the boundary from Content-Type, refusing a bare multipart/form-data', () => {
    assert.equal(boundaryOf('multipart/form-data; boundary=abc'), 'abc');
    assert.equal(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"'), 'a b');
    assert.throws(() => boundaryOf('multipart/form-data'), /missing its boundary/);
    assert.throws(() => boundaryOf('application/json'), /must be multipart\/form-data/);
    assert.throws(() => boundaryOf(undefined), /must be multipart\/form-data/);
  });
});
