// Where an upload's bytes live: in memory (single part, imports) or as one temp file per part
// (multi-part, so a 1 GiB upload never sits in RAM). SHA-256 is fed as bytes arrive in order;
// parts that arrive early are hashed from disk when their turn comes.
import { createHash, type Hash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export class StoredBytes {
  private memory: Buffer | undefined;
  private readonly partFiles = new Map<number, { file: string; size: number }>();
  private hash: Hash = createHash('sha256');
  private hashedParts = 0;
  private hashValid = true;
  private digest: string | undefined;

  constructor(private readonly dir: string) {}

  /** Single part / import: the whole file at once, hashed from its chunks. */
  setWhole(chunks: Buffer[]): void {
    const h = createHash('sha256');
    for (const c of chunks) h.update(c);
    this.memory = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    this.digest = h.digest('hex');
  }

  /** One part of a multi-part upload; replaces an earlier send of the same part. */
  async setPart(n: number, chunks: Buffer[], size: number): Promise<void> {
    const file = path.join(this.dir, `part-${n}`);
    const fh = await fs.promises.open(file, 'w');
    try {
      await fh.writev(chunks);
    } finally {
      await fh.close();
    }
    if (this.partFiles.has(n) && n <= this.hashedParts) this.hashValid = false;
    this.partFiles.set(n, { file, size });
    if (this.hashValid && n === this.hashedParts + 1) {
      for (const c of chunks) this.hash.update(c);
      this.hashedParts = n;
      this.catchUp();
    }
  }

  private catchUp(): void {
    for (let next = this.partFiles.get(this.hashedParts + 1); next; next = this.partFiles.get(this.hashedParts + 1)) {
      this.hash.update(fs.readFileSync(next.file));
      this.hashedParts++;
    }
  }

  partCount(): number {
    return this.partFiles.size;
  }

  hasPart(n: number): boolean {
    return this.partFiles.has(n);
  }

  size(): number {
    if (this.memory) return this.memory.length;
    let total = 0;
    for (const p of this.partFiles.values()) total += p.size;
    return total;
  }

  /** Called once all parts are in: settle the digest. */
  seal(): void {
    if (this.memory || this.digest) return;
    if (!this.hashValid) {
      this.hash = createHash('sha256');
      this.hashedParts = 0;
      this.hashValid = true;
    }
    this.catchUp();
    this.digest = this.hash.digest('hex');
  }

  sha256(): string | undefined {
    return this.digest;
  }

  /** Everything in one buffer (tests with small files). */
  all(): Buffer {
    if (this.memory) return this.memory;
    return Buffer.concat(this.orderedParts().map((p) => fs.readFileSync(p.file)));
  }

  /** Readable chunks in order, without loading a multi-part file into memory. */
  async *stream(): AsyncGenerator<Buffer> {
    if (this.memory) {
      yield this.memory;
      return;
    }
    for (const p of this.orderedParts()) {
      for await (const chunk of fs.createReadStream(p.file, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
    }
  }

  private orderedParts(): Array<{ file: string; size: number }> {
    return [...this.partFiles.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  }
}
