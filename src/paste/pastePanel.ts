// Notion: Paste Image to Notion…: a panel that takes pasted (or dropped) images where the
// user's clipboard is — the webview runs on the UI side, so it works over Remote-SSH, WSL
// and Codespaces — and sends them through the same upload flow as files (page picker →
// placement → progress → history) as one batch, from temporary copies deleted afterwards.
// A pasted link offers Import from URL / Link External URL instead.
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { Services } from '../common/services';
import { askPage } from '../pickers/targetPicker';
import type { RecentTargets } from '../storage/recentTargets';
import { parseArgs, type CommandOptions } from '../upload/commandArgs';
import { SHRINK_FLOOR_PX, type TemporarySource } from '../upload/oversizedImages';
import type { UploadCommandResult, UploadCommands } from '../upload/uploadCommands';
import { formatBytes } from '../ui/format';
import { extensionForType, typeLabel } from './imageTypes';
import { panelHtml } from './panelHtml';
import { safeImageName, writeTemporaryFile, type TemporaryFile } from './temporaryFiles';
import { isMessage, toBytes } from './webviewMessages';

export const PASTE_VIEW_TYPE = 'notionAssets.paste';

interface PastedImage {
  id: number;
  name: string;
  type: string;
  bytes: unknown;
  width?: number;
  height?: number;
  shrunk?: { fromSize: number; fromType: string; fromWidth: number; fromHeight: number; fromName: string };
  /** How it came into the panel. */
  how?: 'pasted' | 'dropped';
}

const PASTED_NO_RETRY = vscode.l10n.t('it was pasted into a temporary file that no longer exists. Paste it again with "Notion: Paste Image to Notion…".');

export class PastePanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** Page and placement given to the command: pastes go there without asking. */
  private preset: Pick<CommandOptions, 'page' | 'placement'> = {};

  constructor(
    private readonly uploads: UploadCommands,
    private readonly services: Services,
    private readonly recents: RecentTargets,
    private readonly media: vscode.Uri,
    private readonly testHooks: boolean,
  ) {
    super();
    this._register({ dispose: () => this.panel?.dispose() });
  }

  /** Opens (or brings back) the panel. Arguments: `{ page, placement }` send every paste there. */
  open(args: unknown[]): void {
    const { options } = parseArgs(args);
    this.preset = { page: options.page, placement: options.placement };
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(PASTE_VIEW_TYPE, vscode.l10n.t('Paste Image to Notion'), vscode.ViewColumn.Active, {
      enableScripts: true,
      // The pasted images would be lost with the page: keep it while the tab is in the background.
      retainContextWhenHidden: true,
      localResourceRoots: [this.media],
    });
    panel.iconPath = vscode.Uri.joinPath(this.media, 'notion-assets.svg');
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(panel, m));
    panel.webview.html = panelHtml(panel.webview, this.media, {
      mode: 'paste', floorPx: SHRINK_FLOOR_PX, testHooks: this.testHooks, language: vscode.env.language,
    });
  }

  private async onMessage(panel: vscode.WebviewPanel, m: unknown): Promise<void> {
    if (!isMessage(m)) return;
    try {
      if (m.type === 'ready') await this.sendLimit(panel);
      else if (m.type === 'upload') await this.upload(panel, (m.images as PastedImage[]) ?? []);
      else if (m.type === 'url') await this.url(String(m.action), String(m.url));
    } catch (e) {
      this.services.log.error('Paste Image to Notion', e);
      void panel.webview.postMessage({ type: 'done', sent: [], text: vscode.l10n.t('Not sent: {0}', e instanceof Error ? e.message : String(e)) });
    }
  }

  /** The workspace's limit, so the page can offer Shrink to Fit before anything is sent. */
  private async sendLimit(panel: vscode.WebviewPanel): Promise<void> {
    const limitBytes = await (await this.services.uploads()).maxFileSizeBytes().catch(() => undefined);
    if (limitBytes !== undefined) void panel.webview.postMessage({ type: 'limit', limitBytes });
  }

  private async upload(panel: vscode.WebviewPanel, images: PastedImage[]): Promise<void> {
    const temps: TemporaryFile[] = [];
    const temporary = new Map<string, TemporarySource>();
    const idOf = new Map<string, number>();
    let result: UploadCommandResult | undefined;
    try {
      for (const im of images) {
        const ext = extensionForType(im.type);
        if (!ext) throw new Error(vscode.l10n.t('"{0}" is {1}, not an image type Notion takes.', im.name, im.type || vscode.l10n.t('of an unknown type')));
        const bytes = toBytes(im.bytes);
        const temp = await writeTemporaryFile(safeImageName(im.name, ext), bytes);
        temps.push(temp);
        const path = vscode.Uri.file(temp.path).fsPath;
        idOf.set(path, im.id);
        temporary.set(path, { origin: pastedOrigin(im, bytes.byteLength), noRetry: PASTED_NO_RETRY });
      }
      const files = temps.map((t) => vscode.Uri.file(t.path));
      result = await this.uploads.uploadFiles(undefined, [{ ...this.preset, files }], temporary);
    } finally {
      await Promise.all(temps.map((t) => t.dispose()));
    }
    const sent = (result?.uploads ?? []).filter((u) => u.ok).map((u) => idOf.get(u.file)!);
    void panel.webview.postMessage({ type: 'done', sent, text: doneText(result, images.length, sent.length) });
  }

  private async url(action: string, url: string): Promise<void> {
    if (action === 'link') {
      await this.uploads.linkExternal([{ ...this.preset, url }]);
      return;
    }
    // Import from URL given a link asks no page; from here the user expects to choose one.
    const page = this.preset.page ?? (await askPage(this.services, this.recents, undefined, vscode.l10n.t('Import from URL: choose the page')))?.id;
    if (page) await this.uploads.importFromUrl([{ ...this.preset, page, url }]);
  }
}

function pastedOrigin(im: PastedImage, size: number): string {
  const how = im.how === 'dropped' ? vscode.l10n.t('dropped on the Paste Image panel') : vscode.l10n.t('pasted from the clipboard');
  const s = im.shrunk;
  if (!s) return how;
  return vscode.l10n.t('{0}, shrunk from {1}, {2}×{3} {4} ', how, formatBytes(s.fromSize), s.fromWidth, s.fromHeight, typeLabel(s.fromType)) +
    vscode.l10n.t('to {0}, {1}×{2} {3}', formatBytes(size), im.width ?? '?', im.height ?? '?', typeLabel(im.type));
}

function doneText(r: UploadCommandResult | undefined, total: number, sent: number): string {
  if (!r) return vscode.l10n.t('Not sent (a question was closed). Press Upload when ready.');
  if (r.error) return vscode.l10n.t('Not sent: {0}', r.error);
  if (sent === total) return total === 1 ? vscode.l10n.t('Sent the image to Notion. Paste the next one.') : vscode.l10n.t('Sent {0} images to Notion. Paste the next one.', total);
  return vscode.l10n.t('{0} of {1} sent; the others are still here (see the notification).', sent, total);
}
