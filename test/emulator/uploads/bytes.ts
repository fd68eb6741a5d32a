// Where an upload's bytes live: in memory (single part, imports) or as one temp file per part
// (multi-part, so a 1 GiB upload never sits in RAM). SHA-256 is computed incrementally: a
// single part is hashed while its bytes arrive; multi-part files go, in part order, to a
// hashing worker thread as soon as each is stored, so the digest is ready at complete.
// With `keep` off (benchmarks: the emulator's own per-byte work is not what they measure)
// only sizes are recorded: every rule that needs sizes or part numbers still holds, but there
// is no digest and nothing to download, as after discard().
import { createHash, type Hash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PartHasher } from './hasher';

export class StoredBytes {
  private memory: Buffer | undefined;
  private readonly partFiles = new Map<number, { file: string; size: number }>();
  /** Parts 1..queued have been handed to the hasher. */
  private queued = 0;
  private hashValid = true;
  private digest: string | undefined;

  constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly hasher: PartHasher,
    /** False: record sizes only (no part files, no digest). */
    readonly keep = true,
  ) {
    this.discarded = !keep;
  }

  /** Single part / import: the whole file; `hash` has already seen exactly these chunks.
   * With `keep` off the chunks may be empty: `size` is what was counted. */
  setWhole(chunks: Buffer[], hash?: Hash, size = chunks.reduce((s, c) => s + c.length, 0)): void {
    if (!this.keep) {
      this.countedSize = size;
      return;
    }
    const h = hash ?? createHash('sha256');
    if (!hash) for (const c of chunks) h.update(c);
    this.memory = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    this.digest = h.digest('hex');
  }

  /** One part of a multi-part upload; replaces an earlier send of the same part. */
  async setPart(n: number, chunks: Buffer[], size: number): Promise<void> {
    if (!this.keep) return void this.partFiles.set(n, { file: '', size });
    const file = path.join(this.dir, `part-${n}`);
    const fh = await fs.promises.open(file, 'w');
    try {
      await fh.writev(chunks);
    } finally {
      await fh.close();
    }
    if (n <= this.queued) this.hashValid = false; // a re-sent part: rehash at seal
    this.partFiles.set(n, { file, size });
    if (this.hashValid) this.queueReady();
  }

  private queueReady(): void {
    for (let next = this.partFiles.get(this.queued + 1); next; next = this.partFiles.get(this.queued + 1)) {
      this.hasher.add(this.key, next.file);
      this.queued++;
    }
  }

  partCount(): number {
    return this.partFiles.size;
  }

  partSize(n: number): number {
    return this.partFiles.get(n)?.size ?? 0;
  }

  hasPart(n: number): boolean {
    return this.partFiles.has(n);
  }

  /** Single part / import with `keep` off. */
  private countedSize: number | undefined;

  size(): number {
    if (this.memory) return this.memory.length;
    if (this.countedSize !== undefined) return this.countedSize;
    let total = 0;
    for (const p of this.partFiles.values()) total += p.size;
    return total;
  }

  private sealing: Promise<void> | undefined;

  /** Called once all parts are in: settle the digest (once, however many completes race). */
  seal(): Promise<void> {
    this.sealing ??= this.computeDigest();
    return this.sealing;
  }

  private async computeDigest(): Promise<void> {
    if (this.memory || this.digest || !this.keep) return;
    if (!this.hashValid) {
      this.hasher.reset(this.key);
      this.queued = 0;
      this.hashValid = true;
    }
    this.queueReady();
    this.digest = await this.hasher.digest(this.key);
  }

  sha256(): string | undefined {
    return this.digest;
  }

  /** Frees the stored bytes (benchmarks pushing many large uploads); the digest stays. */
  discard(): void {
    this.memory = undefined;
    if (this.keep) for (const p of this.partFiles.values()) fs.rmSync(p.file, { force: true });
    this.partFiles.clear();
    this.countedSize = undefined;
    this.discarded = true;
  }

  /** No bytes to read back: discarded, or never kept. */
  discarded: boolean;

  /** Everything in one buffer (tests with small files). */
  all(): Buffer {
    if (this.memory) return this.memory;
    return Buffer.concat(this.orderedParts().map((p) => fs.readFileSync(p.file)));
  }

  /** Bytes [start, end) in order, without loading a multi-part file into memory. */
  async *stream(start = 0, end = this.size()): AsyncGenerator<Buffer> {
    if (this.memory) {
      yield this.memory.subarray(start, end);
      return;
    }
    let offset = 0;
    for (const p of this.orderedParts()) {
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + p.size);
      if (from < to) {
        const rs = fs.createReadStream(p.file, { start: from - offset, end: to - offset - 1, highWaterMark: 1024 * 1024 });
        for await (const chunk of rs) yield chunk as Buffer;
      }
      offset += p.size;
    }
  }

  private orderedParts(): Array<{ file: string; size: number }> {
    return [...this.partFiles.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  }
}
