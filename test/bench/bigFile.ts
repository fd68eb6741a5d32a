// The 1 GiB test file: random content written fast (a 16 MiB random block, each copy stamped
// with its index so no two blocks are equal), hashed as it is written.
import { createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';

const BLOCK = 16 * 1024 * 1024;

export async function writeRandomFile(filePath: string, size: number): Promise<string> {
  const block = randomBytes(BLOCK);
  const hash = createHash('sha256');
  const fh = await open(filePath, 'w');
  try {
    for (let off = 0, i = 0; off < size; off += BLOCK, i++) {
      block.writeUInt32BE(i, 0);
      const chunk = block.subarray(0, Math.min(BLOCK, size - off));
      hash.update(chunk);
      await fh.write(chunk);
    }
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}

/** Copies [start, end) of a file into its own file (the curl contender's parts, made before timing). */
export async function splitInto(filePath: string, partBytes: number, size: number, outPath: (n: number) => string): Promise<number> {
  const src = await open(filePath, 'r');
  const buf = Buffer.alloc(partBytes);
  let n = 0;
  try {
    for (let off = 0; off < size; off += partBytes) {
      n++;
      const len = Math.min(partBytes, size - off);
      await src.read(buf, 0, len, off);
      const out = await open(outPath(n), 'w');
      await out.write(buf.subarray(0, len));
      await out.close();
    }
  } finally {
    await src.close();
  }
  return n;
}
