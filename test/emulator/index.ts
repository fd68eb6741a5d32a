// The Notion API emulator: a real HTTP server on 127.0.0.1 that answers as real Notion was
// recorded answering; `docRules` adds the docs' stricter rules. Every rule and its source:
// test/emulator/README.md.
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Bots, type BotSpec } from './bots';
import { Clock } from './clock';
import { Faults, type FaultSpec } from './faults';
import { Importer } from './importer';
import { RateLimiter } from './rateLimiter';
import type { RequestLogEntry } from './requestLog';
import { Router } from './router';
import { blockRoutes } from './routes/blocks';
import { commentRoutes } from './routes/comments';
import { createPageRoutes } from './routes/createPage';
import { databaseRoutes } from './routes/databases';
import { fileUploadRoutes } from './routes/fileUploads';
import { pageRoutes } from './routes/pages';
import { searchRoutes } from './routes/search';
import { userRoutes } from './routes/users';
import { createHttpServer } from './server';
import { UrlSigner } from './signedUrls';
import { UploadStore } from './uploads/store';
import { BlockInput } from './workspace/blockInput';
import { FileObjects } from './workspace/fileObjects';
import type { PageRecord, PropertyType } from './workspace/records';
import type { NotionVersion } from './versions';
import { notionPageUrl, Renderer } from './workspace/render';
import { Comments } from './workspace/comments';
import { Workspace } from './workspace/store';
import type { World } from './world';

export type { BotSpec } from './bots';
export type { FaultSpec } from './faults';
export type { RequestLogEntry } from './requestLog';

export const DEFAULT_TOKEN = 'secret_emulator_default_token';

export interface EmulatorOptions {
  /** Default 0 (a free port); always binds 127.0.0.1. */
  port?: number;
  /** Extra tokens. DEFAULT_TOKEN is always accepted unless includeDefault is false. */
  tokens?: Record<string, BotSpec>;
  includeDefault?: boolean;
  /** Default: enabled, 3 requests/s average per token, burst 10. */
  rateLimit?: { enabled: boolean; perSecond?: number; burst?: number };
  latencyMs?: number;
  /** Allow external_url imports from http://127.0.0.1 (default: https only). */
  allowHttpImports?: boolean;
  startTimeMs?: number;
  /** Origin for upload_url / complete_url in responses (default: the emulator's own url). Set it to
   * e.g. 'https://api.notion.com' to show a client builds send/complete URLs from the id instead of
   * following URLs on a foreign origin. */
  uploadUrlBase?: string;
  /** external_url: answer the HEAD check's refusals (unreachable, no Content-Type, too large)
   * as a 400 from the create call, as Notion's guide says, instead of a `failed` upload. */
  importChecksAtCreate?: boolean;
  /** Default true. False (benchmarks): new uploads record their sizes but not their bytes: no part
   * files, no SHA-256, nothing to download; every rule (sizes, part counts, types) still applies. */
  storeUploadBytes?: boolean;
  /** Default false: pages' `url` is Notion's (https://www.notion.so/<slug>-<id>), as recorded. True
   * (the sandbox): this emulator's read-only HTML view, <emulator>/pages/<id> (pageView.ts). */
  pageViewUrls?: boolean;
  /** Default false: behave as recorded. True: also enforce the rules only the docs state (a part's
   * name and type agree with the upload, content_type fits the extension, 5 MiB minimum at send,
   * single part ≤ 20,000,000 bytes). */
  docRules?: boolean;
}

export interface Emulator {
  url: string;
  close(): Promise<void>;
  clock: { now(): number; advance(ms: number): void };
  addToken(token: string, bot?: BotSpec): { botId: string };
  setRateLimit(r: { enabled: boolean; perSecond?: number; burst?: number }): void;
  setLatency(ms: number): void;
  setAllowHttpImports(on: boolean): void;
  setImportChecksAtCreate(on: boolean): void;
  /** For uploads created from now on (see `storeUploadBytes`). */
  setStoreUploadBytes(on: boolean): void;
  setDocRules(on: boolean): void;
  setPageViewUrls(on: boolean): void;
  /** Serves `bytes` at /samples/<name> (GET and HEAD) and returns that URL (an import source without network). */
  addSample(name: string, contentType: string, bytes: Buffer): string;
  seed: {
    page(p: { title: string; parentPageId?: string; cover?: unknown; icon?: unknown; sharedWith?: string[] }): { id: string };
    database(d: { title: string; parentPageId?: string; properties: Record<string, PropertyType>; sharedWith?: string[] }): { id: string };
    databasePage(databaseId: string, p: { title: string; properties?: Record<string, unknown> }): { id: string };
    blocks(parentId: string, blocks: Array<Record<string, unknown>>): { ids: string[] };
  };
  uploadBytes(fileUploadId: string): Buffer | undefined;
  uploadSha256(fileUploadId: string): string | undefined;
  /** Frees an upload's stored bytes (disk or memory); uploadSha256 keeps answering, uploadBytes
   * and downloads no longer do. For benchmarks that push many large files through one emulator. */
  discardUploadBytes(fileUploadId: string): void;
  /** The page as GET /v1/pages/{id} would return it (default version 2025-09-03). */
  getPageJson(pageId: string, version?: NotionVersion): unknown;
  /** Resolves once every external_url import started so far has finished. */
  importsIdle(): Promise<void>;
  requests: RequestLogEntry[];
  faults: { arm(f: FaultSpec): void; clear(): void };
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const clock = new Clock(opts.startTimeMs);
  const bots = new Bots();
  if (opts.includeDefault !== false) bots.add(DEFAULT_TOKEN);
  for (const [token, spec] of Object.entries(opts.tokens ?? {})) bots.add(token, spec);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notion-emulator-'));
  const settings = {
    baseUrl: '',
    uploadUrlBase: opts.uploadUrlBase,
    allowHttpImports: opts.allowHttpImports ?? false,
    importChecksAtCreate: opts.importChecksAtCreate ?? false,
    latencyMs: opts.latencyMs ?? 0,
    pageViewUrls: opts.pageViewUrls ?? false,
  };
  const signer = new UrlSigner(() => settings.baseUrl, clock);
  const uploads = new UploadStore(clock, tmpDir);
  uploads.keepBytes = opts.storeUploadBytes ?? true;
  uploads.docRules = opts.docRules ?? false;
  const workspace = new Workspace(clock, (t) => bots.botForToken(t));
  const files = new FileObjects(uploads, signer);
  const world: World = {
    clock,
    bots,
    uploads,
    workspace,
    files,
    render: new Renderer(workspace, files, clock, (id, slug) =>
      settings.pageViewUrls ? `${settings.baseUrl}/pages/${id.replace(/-/g, '')}` : notionPageUrl(id, slug)),
    blockInput: new BlockInput(files),
    signer,
    importer: new Importer(clock),
    comments: new Comments(clock, signer),
    samples: new Map(),
    settings,
  };
  const router = new Router();
  userRoutes(router);
  fileUploadRoutes(router, world);
  pageRoutes(router, world);
  createPageRoutes(router, world);
  databaseRoutes(router, world);
  commentRoutes(router, world);
  blockRoutes(router, world);
  searchRoutes(router, world);

  const faults = new Faults();
  const limiter = new RateLimiter(opts.rateLimit);
  const log: RequestLogEntry[] = [];
  const server = createHttpServer({ world, router, faults, limiter, log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  settings.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const seedFile = (raw: unknown, slot: 'cover' | 'icon') => {
    if (raw === undefined || raw === null) return null;
    if (JSON.stringify(raw).includes('file_upload')) throw new Error(`seed.page: ${slot} must be external or emoji; attach uploads through the API`);
    return files.parse(undefined as never, raw, slot, `seed.${slot}`, { emoji: slot === 'icon' }).stored;
  };

  return {
    url: settings.baseUrl,
    clock: { now: () => clock.now(), advance: (ms) => clock.advance(ms) },
    async close() {
      world.importer.stop();
      await uploads.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(tmpDir, { recursive: true, force: true });
    },
    addToken: (token, bot) => ({ botId: bots.add(token, bot).id }),
    setRateLimit: (r) => limiter.configure(r),
    setLatency: (ms) => void (settings.latencyMs = ms),
    setAllowHttpImports: (on) => void (settings.allowHttpImports = on),
    setImportChecksAtCreate: (on) => void (settings.importChecksAtCreate = on),
    setStoreUploadBytes: (on) => void (uploads.keepBytes = on),
    setDocRules: (on) => void (uploads.docRules = on),
    setPageViewUrls: (on) => void (settings.pageViewUrls = on),
    addSample(name, contentType, bytes) {
      world.samples.set(name, { contentType, bytes });
      return `${settings.baseUrl}/samples/${encodeURIComponent(name)}`;
    },
    seed: {
      page(p) {
        const rec = workspace.addPage(p);
        rec.cover = seedFile(p.cover, 'cover');
        rec.icon = seedFile(p.icon, 'icon');
        return { id: rec.id };
      },
      database: (d) => ({ id: workspace.addDatabase(d).id }),
      databasePage(databaseId, p) {
        const rec = workspace.addDatabasePage(databaseId, p.title);
        for (const [name, value] of Object.entries(p.properties ?? {})) {
          const current = rec.properties.get(name);
          if (!current) throw new Error(`seed.databasePage: no property ${name}`);
          if (current.type === 'files') throw new Error('seed.databasePage: attach files through the API (PATCH /v1/pages)');
          rec.properties.set(name, { ...current, value } as typeof current);
        }
        return { id: rec.id };
      },
      blocks(parentId, blocks) {
        const id = workspace.requireSeededContainer(parentId);
        const parsed = world.blockInput.children(undefined, blocks, 'seed.blocks', 0, Infinity); // seeding may exceed 100
        const insert = (pid: string, list: typeof parsed): string[] =>
          list.map((b) => {
            const rec = workspace.addBlock(pid, b.type, b.payload, 'seed');
            insert(rec.id, b.children);
            return rec.id;
          });
        return { ids: insert(id, parsed) };
      },
    },
    uploadBytes: (id) => {
      const r = uploads.peek(id);
      return r && r.state === 'uploaded' && !r.bytes.discarded ? r.bytes.all() : undefined;
    },
    discardUploadBytes: (id) => uploads.peek(id)?.bytes.discard(),
    uploadSha256: (id) => {
      const r = uploads.peek(id);
      return r && r.state === 'uploaded' ? r.bytes.sha256() : undefined;
    },
    getPageJson(pageId, version = '2025-09-03') {
      const id = workspace.requireSeeded(pageId, 'page');
      return world.render.page(workspace.objects.get(id) as PageRecord, version);
    },
    importsIdle: () => world.importer.idle(),
    requests: log,
    faults: { arm: (f) => faults.arm(f), clear: () => faults.clear() },
  };
}
