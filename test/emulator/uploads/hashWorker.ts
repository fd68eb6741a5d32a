// Worker thread that hashes multi-part uploads' part files in order, off the main thread, so
// SHA-256 of a 1 GiB upload runs on the other core while the next parts arrive.
import { createHash, type Hash } from 'node:crypto';
import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

export type HashRequest = { op: 'part'; key: string; file: string } | { op: 'digest'; key: string; seq: number } | { op: 'reset'; key: string };
export type HashReply = { key: string; seq: number; digest: string };

const hashes = new Map<string, Hash>();

parentPort?.on('message', (m: HashRequest) => {
  if (m.op === 'reset') return void hashes.delete(m.key);
  let h = hashes.get(m.key);
  if (!h) hashes.set(m.key, (h = createHash('sha256')));
  if (m.op === 'part') return void h.update(fs.readFileSync(m.file));
  hashes.delete(m.key);
  parentPort!.postMessage({ key: m.key, seq: m.seq, digest: h.digest('hex') } satisfies HashReply);
});
