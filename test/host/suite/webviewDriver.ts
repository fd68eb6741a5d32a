// Reaches the extension's webview panels from a host test: records the panels the extension
// creates (the test and the extension share one `vscode` API object), and drives their page
// through the test-only messages it answers when the extension runs in test mode
// (ExtensionMode.Test): a synthetic paste or drop (a real DataTransfer dispatched in the
// page), a click on an element, the page's state, decoding bytes with the browser's codecs.
import * as vscode from 'vscode';

export interface CardState {
  name: string;
  type: string;
  size: number;
  width?: number;
  height?: number;
  over: boolean;
  shrunk: boolean;
  shrinking: boolean;
  error: string | null;
}

export interface PageState {
  text: string;
  status: string;
  link: string | null;
  busy: boolean;
  uploadDisabled: boolean;
  cards: CardState[];
}

export interface TestFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export class DrivenPanel {
  private rid = 0;
  private readonly replies = new Map<number, (m: Record<string, unknown>) => void>();
  readonly ready: Promise<void>;
  readonly received: Record<string, unknown>[] = [];

  constructor(readonly panel: vscode.WebviewPanel) {
    let markReady!: () => void;
    this.ready = new Promise((r) => (markReady = r));
    panel.webview.onDidReceiveMessage((m: Record<string, unknown>) => {
      this.received.push(m);
      if (m.type === 'ready') markReady();
      if (m.type === 'test.reply') this.replies.get(m.rid as number)?.(m);
    });
  }

  async ask(message: Record<string, unknown>, ms = 15_000): Promise<Record<string, unknown>> {
    await this.ready;
    const rid = ++this.rid;
    const reply = new Promise<Record<string, unknown>>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no reply to ${String(message.type)} in ${ms} ms`)), ms);
      this.replies.set(rid, (m) => {
        clearTimeout(t);
        resolve(m);
      });
    });
    await this.panel.webview.postMessage({ ...message, rid });
    return reply;
  }

  paste(files: TestFile[], text?: string) {
    return this.ask({ type: 'test.paste', files: files.map(plain), text });
  }

  drop(files: TestFile[]) {
    return this.ask({ type: 'test.drop', files: files.map(plain) });
  }

  click(selector: string) {
    return this.ask({ type: 'test.click', selector });
  }

  async state(): Promise<PageState> {
    return (await this.ask({ type: 'test.state' })) as unknown as PageState;
  }

  /** Polls the page until `ok` holds (default 30 s). */
  async waitFor(ok: (s: PageState) => boolean, what: string, ms = 30_000): Promise<PageState> {
    let last: PageState | undefined;
    for (const end = Date.now() + ms; Date.now() < end; ) {
      last = await this.state();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the page never showed: ${what}; last state: ${JSON.stringify({ ...last, text: undefined })}`);
  }

  /** Decodes bytes with the page's own codecs (createImageBitmap). */
  async decode(bytes: Uint8Array, mime: string): Promise<{ ok: boolean; width?: number; height?: number; error?: string }> {
    return (await this.ask({ type: 'test.decode', bytes: new Uint8Array(bytes), mime })) as { ok: boolean; width?: number; height?: number };
  }
}

/** A Node Buffer would be posted as JSON; a plain Uint8Array goes as bytes. */
function plain(f: TestFile): TestFile {
  return { ...f, bytes: new Uint8Array(f.bytes) };
}

/** Records every webview panel the extension creates until restore(). */
export class PanelRecorder {
  readonly panels: DrivenPanel[] = [];
  private readonly original = vscode.window.createWebviewPanel;

  constructor() {
    const win = vscode.window as { createWebviewPanel: typeof vscode.window.createWebviewPanel };
    win.createWebviewPanel = ((...args: Parameters<typeof vscode.window.createWebviewPanel>) => {
      const panel = this.original.apply(vscode.window, args);
      this.panels.push(new DrivenPanel(panel));
      return panel;
    }) as typeof vscode.window.createWebviewPanel;
  }

  async waitForPanel(viewType: string, ms = 15_000): Promise<DrivenPanel> {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      const p = this.panels.find((x) => x.panel.viewType === viewType);
      if (p) return p;
    }
    throw new Error(`no ${viewType} panel was opened`);
  }

  restore(): void {
    (vscode.window as { createWebviewPanel: typeof vscode.window.createWebviewPanel }).createWebviewPanel = this.original;
    for (const p of this.panels) p.panel.dispose();
  }
}
