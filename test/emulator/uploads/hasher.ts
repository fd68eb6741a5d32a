// The main-thread side of hashWorker: queue part files in order, ask for the digest.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HashReply, HashRequest } from './hashWorker';

export class PartHasher {
  private worker: Worker | undefined;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (digest: string) => void; reject: (e: Error) => void }>();

  private get w(): Worker {
    if (!this.worker) {
      this.worker = new Worker(path.join(__dirname, 'hashWorker.js'));
      this.worker.unref();
      this.worker.on('message', (m: HashReply) => {
        this.waiting.get(m.seq)?.resolve(m.digest);
        this.waiting.delete(m.seq);
      });
      // A failed read (e.g. temp files removed under it) fails the pending completes, not the process.
      this.worker.on('error', (e) => {
        for (const w of this.waiting.values()) w.reject(e);
        this.waiting.clear();
        this.worker = undefined;
      });
    }
    return this.worker;
  }

  add(key: string, file: string): void {
    this.post({ op: 'part', key, file });
  }

  reset(key: string): void {
    this.post({ op: 'reset', key });
  }

  digest(key: string): Promise<string> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.post({ op: 'digest', key, seq });
    });
  }

  private post(m: HashRequest): void {
    this.w.postMessage(m);
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
