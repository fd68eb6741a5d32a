// Set-up for the file browser tests: an emulator, a client, the upload service (to put
// hosted files on pages), and the files service under test, with the emulator's clock.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, DEFAULT_TOKEN, type Emulator, type EmulatorOptions } from '../../emulator';
import { NotionClient } from '../../../src/core/notion/client';
import { UploadService } from '../../../src/core/upload/uploadService';
import { UploadHistory } from '../../../src/core/history/uploadHistory';
import { MemoryHistoryStore } from '../../../src/core/history/memoryStore';
import { PageFilesService } from '../../../src/core/files/service';
import { identifyFromHistory } from '../../../src/core/files/ourUploads';

export interface FilesEnv {
  emu: Emulator;
  client: NotionClient;
  history: UploadHistory;
  /** Where the history is persisted (what VS Code's globalState would hold). */
  store: MemoryHistoryStore;
  uploads: UploadService;
  files: PageFilesService;
  dir: string;
  close(): Promise<void>;
}

export async function openFilesEnv(opts: { emulator?: EmulatorOptions } = {}): Promise<FilesEnv> {
  const emu = await startEmulator({ rateLimit: { enabled: false }, allowHttpImports: true, ...opts.emulator });
  const client = new NotionClient({ token: DEFAULT_TOKEN, baseUrl: emu.url, limiter: false, retry: { maxAttempts: 3, maxTotalWaitMs: 3000 } });
  const store = new MemoryHistoryStore();
  const history = await UploadHistory.open(store, { now: () => emu.clock.now(), saveDelayMs: 5 });
  const uploads = new UploadService(client, {
    history,
    progressIntervalMs: 0,
    importPoll: { initialDelayMs: 20, maxDelayMs: 50, timeoutMs: 10_000 },
  });
  const files = new PageFilesService({ api: client, uploads, identifyUpload: identifyFromHistory(history), now: () => emu.clock.now() });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'files-test-'));
  return {
    emu, client, history, store, uploads, files, dir,
    async close() {
      history.dispose();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A local file of random bytes; returns its path and SHA-256. */
export function randomFile(dir: string, name: string, size: number): { path: string; sha256: string } {
  const bytes = randomBytes(size);
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return { path: p, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Uploads bytes with the raw client only (no history): a hosted file that is not "ours". */
export async function rawUpload(env: FilesEnv, name: string, size: number): Promise<{ id: string; sha256: string }> {
  const bytes = randomBytes(size);
  const created = await env.client.createFileUpload({ mode: 'single_part', filename: name });
  await env.client.sendFileUpload(created.id, { data: new Blob([bytes]), filename: name, contentType: contentTypeOf(name) });
  return { id: created.id, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function contentTypeOf(name: string): string {
  const ext = path.extname(name).toLowerCase();
  return { '.png': 'image/png', '.jpg': 'image/jpeg', '.pdf': 'application/pdf', '.txt': 'text/plain', '.mp3': 'audio/mpeg' }[ext] ?? 'application/octet-stream';
}

export const paragraph = (text: string) => ({ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: text } }] } });
export const externalImage = (url: string) => ({ type: 'image', image: { type: 'external', external: { url } } });
export const toggle = (text: string, children: Array<Record<string, unknown>>) => ({
  type: 'toggle',
  toggle: { rich_text: [{ type: 'text', text: { content: text } }], children },
});

/** GET …/children requests the emulator answered for this parent block or page. */
export function childListRequests(emu: Emulator, parentId: string): number {
  return emu.requests.filter((r) => r.method === 'GET' && r.path === `/v1/blocks/${parentId}/children`).length;
}

/**
 * Points os.tmpdir() at a new empty folder (the variables it reads), so a test can check what
 * was left there; `restore` puts the old values back and removes the folder.
 */
export function scratchTmpdir(): { dir: string; entries(): string[]; restore(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'files-tmp-'));
  const names = ['TMPDIR', 'TMP', 'TEMP'] as const;
  const saved = names.map((n) => process.env[n]);
  for (const n of names) process.env[n] = dir;
  return {
    dir,
    entries: () => readdirSync(dir),
    restore() {
      names.forEach((n, i) => (saved[i] === undefined ? delete process.env[n] : (process.env[n] = saved[i])));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
