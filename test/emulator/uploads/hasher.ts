// The main-thread side of hashWorker: queue part files in order, ask for the digest.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HashReply, HashRequest } from './hashWorker';

export class PartHasher {
  private worker: Worker | undefined;
  private seq = 0;
  private readonly waiting = new Map<number, (digest: string) => void>();

  private get w(): Worker {
    if (!this.worker) {
      this.worker = new Worker(path.join(__dirname, 'hashWorker.js'));
      this.worker.unref();
      this.worker.on('message', (m: HashReply) => {
        this.waiting.get(m.seq)?.(m.digest);
        this.waiting.delete(m.seq);
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
    return new Promise((resolve) => {
      this.waiting.set(seq, resolve);
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
