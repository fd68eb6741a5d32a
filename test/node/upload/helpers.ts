// Shared set-up for the upload tests: an emulator, a client and service against it, and
// temporary files with known bytes.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, DEFAULT_TOKEN, type Emulator, type EmulatorOptions } from '../../emulator';
import { NotionClient } from '../../../src/core/notion/client';
import { UploadService, type UploadServiceConfig } from '../../../src/core/upload/uploadService';
import { UploadHistory } from '../../../src/core/history/uploadHistory';
import { MemoryHistoryStore } from '../../../src/core/history/memoryStore';

export const MiB = 1024 * 1024;

export interface Env {
  emu: Emulator;
  client: NotionClient;
  store: MemoryHistoryStore;
  history: UploadHistory;
  service: UploadService;
  dir: string;
  close(): Promise<void>;
}

export function makeClient(emu: Emulator, token = DEFAULT_TOKEN): NotionClient {
  return new NotionClient({ token, baseUrl: emu.url, limiter: false, retry: { maxAttempts: 4, maxTotalWaitMs: 5000 } });
}

export async function openEnv(opts: { emulator?: EmulatorOptions; service?: UploadServiceConfig } = {}): Promise<Env> {
  const emu = await startEmulator({ rateLimit: { enabled: false }, ...opts.emulator });
  const client = makeClient(emu);
  const store = new MemoryHistoryStore();
  const history = await UploadHistory.open(store, { now: () => emu.clock.now(), saveDelayMs: 5 });
  const service = new UploadService(client, { history, progressIntervalMs: 0, ...opts.service });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'upload-test-'));
  return {
    emu, client, store, history, service, dir,
    async close() {
      history.dispose();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes `size` random bytes (written in 1 MiB chunks) and returns the path and SHA-256. */
export async function randomFile(dir: string, name: string, size: number): Promise<{ path: string; sha256: string }> {
  const p = path.join(dir, name);
  const hash = createHash('sha256');
  const fh = await fsp.open(p, 'w');
  try {
    for (let off = 0; off < size; off += MiB) {
      const chunk = randomBytes(Math.min(MiB, size - off));
      hash.update(chunk);
      await fh.write(chunk);
    }
  } finally {
    await fh.close();
  }
  return { path: p, sha256: hash.digest('hex') };
}

/** Requests the emulator answered whose path matches. */
export function requestsTo(emu: Emulator, re: RegExp, method?: string) {
  return emu.requests.filter((r) => re.test(r.path) && (!method || r.method === method));
}

export const SEND = /^\/v1\/file_uploads\/[^/]+\/send$/;
export const CREATE = /^\/v1\/file_uploads$/;
