// The file browser's core objects for the current connection: built on first use from the
// lazily loaded core bundle (never at activation), rebuilt when the token or settings change.
import * as vscode from 'vscode';
import type { PageFilesBrowser } from '../core/files/browser';
import type { PageFilesService } from '../core/files/service';
import type { NotionClient } from '../core/notion/client';
import { loadCore, type Services } from '../common/services';
import type { PageFilesView } from './view';
import { filesMaxDepth } from '../common/settings';

export class PageFilesConnection implements vscode.Disposable {
  private current: { client: NotionClient; browser: PageFilesBrowser } | undefined;

  constructor(private readonly services: Services, private readonly view: PageFilesView) {}

  /** The browser for the current token and settings (asks for a token if none is set). */
  async browser(): Promise<PageFilesBrowser> {
    const client = await this.services.client();
    if (this.current?.client === client) return this.current.browser;
    const uploads = await this.services.uploads();
    const core = loadCore();
    const service = new core.PageFilesService({
      api: client,
      uploads,
      identifyUpload: core.identifyFromHistory(this.services.history),
      maxDepth: filesMaxDepth,
    });
    const browser = new core.PageFilesBrowser(service);
    // Links and ids read with another token or API address are not this connection's.
    this.current?.browser.dispose();
    this.current = { client, browser };
    this.view.setModel(browser.model);
    return browser;
  }

  async service(): Promise<PageFilesService> {
    return (await this.browser()).service;
  }

  /** The running browser, without connecting (undefined before the first use). */
  get active(): PageFilesBrowser | undefined {
    return this.current?.browser;
  }

  dispose(): void {
    if (!this.current) return; // the core was never loaded: nothing to close
    this.current.browser.dispose();
    this.current = undefined;
    void loadCore().closeFileHostConnections();
  }
}
