// The network side, loaded on first use: `require('./core.js')` pulls in the core bundle
// (undici, the client, the upload service) only when a command needs Notion, so activation
// stays light. One client and one upload service per token + connection settings.
import * as vscode from 'vscode';
import type { PageFilesBrowser } from '../core/files/browser';
import type { closeFileHostConnections } from '../core/files/fileHost';
import type { identifyFromHistory } from '../core/files/ourUploads';
import type { PageFilesService } from '../core/files/service';
import type { NotionClient, NotionClientOptions } from '../core/notion/client';
import type { UploadService } from '../core/upload/uploadService';
import type { UploadHistory } from '../core/history/uploadHistory';
import { Disposable } from './disposable';
import { NoTokenError } from './errors';
import type { Log } from './log';
import { affectsConnection, affectsTransfer, connectionSettings, transferSettings } from './settings';
import type { TokenStore } from '../storage/tokenStore';

/** What dist/core.js exports that this side uses at runtime. */
export interface CoreModule {
  NotionClient: typeof NotionClient;
  UploadService: typeof UploadService;
  userAgentFor(extensionVersion: string): string;
  closeAllPools(): Promise<void>;
  PageFilesService: typeof PageFilesService;
  PageFilesBrowser: typeof PageFilesBrowser;
  identifyFromHistory: typeof identifyFromHistory;
  closeFileHostConnections: typeof closeFileHostConnections;
  configureL10n(contents: Record<string, string>): void;
}

let core: CoreModule | undefined;

export function loadCore(): CoreModule {
  // A runtime require of the sibling bundle (esbuild keeps it external, see esbuild.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (core) return core;
  core = require('./core.js') as CoreModule;
  // The core bundle's own @vscode/l10n gets the bundle extension.js's copy got (common/l10nSetup.ts).
  if (vscode.l10n.bundle) core.configureL10n(vscode.l10n.bundle);
  return core;
}

interface Connected {
  token: string;
  client: NotionClient;
  service: UploadService;
}

export class Services extends Disposable {
  private connected: Connected | undefined;
  /** Services replaced by a settings/token change: their running uploads can still be cancelled. */
  private readonly retired = new Set<UploadService>();

  constructor(
    private readonly tokens: TokenStore,
    readonly history: UploadHistory,
    readonly log: Log,
    private readonly extensionVersion: string,
    /** Offers to set a token; resolves true when one was set. */
    private readonly offerToken: () => Promise<boolean>,
  ) {
    super();
    this._register(tokens.onDidChange(() => this.reset()));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsConnection(e) || affectsTransfer(e)) this.reset();
    }));
  }

  /** A client for a given token (the Set Token check uses one before storing it). */
  createClient(token: string): NotionClient {
    const { NotionClient, userAgentFor } = loadCore();
    const { baseUrl, notionVersion } = connectionSettings();
    this.log.addSecret(token);
    const opts: NotionClientOptions = {
      token, baseUrl, notionVersion, userAgent: userAgentFor(this.extensionVersion), logger: (e) => this.log.request(e),
    };
    return new NotionClient(opts);
  }

  /** The client for the stored token; asks for a token when there is none (throws NoTokenError if declined). */
  async client(): Promise<NotionClient> {
    return (await this.connect()).client;
  }

  async uploads(): Promise<UploadService> {
    return (await this.connect()).service;
  }

  /** The page's `url` as the API gives it (Open Page); undefined without a token or an answer, never asking for one. */
  async pageUrl(pageId: string): Promise<string | undefined> {
    if (!(await this.tokens.get())) return undefined;
    try {
      const { url } = await (await this.connect()).client.getPage(pageId);
      return typeof url === 'string' ? url : undefined;
    } catch {
      return undefined; // offline, unshared: the link from the id still names the page
    }
  }

  /** True when an upload with this key runs in this window. */
  isRunning(key: string): boolean {
    return [this.connected?.service, ...this.retired].some((s) => s?.isRunning(key));
  }

  cancel(key: string): boolean {
    let any = false;
    for (const s of [this.connected?.service, ...this.retired]) if (s?.cancel(key)) any = true;
    return any;
  }

  override dispose(): void {
    super.dispose();
    // Close the kept-alive sockets, but never load the network bundle just to do so.
    if (core) void core.closeAllPools();
  }

  /** Forget the client: the next call builds one from the current token and settings. */
  reset(): void {
    if (this.connected) this.retired.add(this.connected.service);
    this.connected = undefined;
  }

  private async connect(): Promise<Connected> {
    let found = await this.tokens.get();
    if (!found) {
      if (!(await this.offerToken())) throw new NoTokenError();
      found = await this.tokens.get();
      if (!found) throw new NoTokenError();
    }
    if (this.connected?.token === found.token) return this.connected;
    const client = this.createClient(found.token);
    const { UploadService } = loadCore();
    const t = transferSettings();
    const service = new UploadService(client, {
      history: this.history,
      partSizeBytes: t.partSizeBytes,
      concurrency: t.concurrency,
      dedupe: t.dedupe,
      // A symlink leading outside these is read only after the user's yes (outsideLinks.ts).
      workspaceFolders: workspaceFolderPaths,
    });
    this.connected = { token: found.token, client, service };
    return this.connected;
  }
}

/** The local workspace folders, read on every upload (folders come and go). */
export function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}
