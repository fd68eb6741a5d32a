// Shrink to Fit for a file from the workspace: a panel re-encodes a copy with the browser's
// codecs (media/paste/shrink.js), shows the result's size and dimensions next to the
// original, and the copy, written to a temporary file, is uploaded instead. The original
// file is only read.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatBytes } from '../ui/format';
import { SHRINK_FLOOR_PX, type ImageShrinker, type ShrunkImage } from '../upload/oversizedImages';
import { extensionForType, typeForFile, typeLabel } from './imageTypes';
import { panelHtml } from './panelHtml';
import { safeImageName, writeTemporaryFile } from './temporaryFiles';
import { nextMessage, toBytes, type WebviewMessage } from './webviewMessages';

interface ShrunkMessage extends WebviewMessage {
  id: number;
  ok: boolean;
  bytes?: unknown;
  mime?: string;
  name?: string;
  width?: number;
  height?: number;
  fromWidth?: number;
  fromHeight?: number;
  error?: string;
}

/** What the record says about a shrunk copy: `shrunk from <what> to <what>`. */
export function shrunkOrigin(from: string, f: { size: number; width: number; height: number; type: string }, t: { size: number; width: number; height: number; type: string }): string {
  return vscode.l10n.t('shrunk from {0} ({1}, {2}×{3} {4}) to {5}, {6}×{7} {8}', from, formatBytes(f.size), f.width, f.height, typeLabel(f.type), formatBytes(t.size), t.width, t.height, typeLabel(t.type));
}

export class WebviewShrinker implements ImageShrinker {
  private nextId = 1;

  constructor(private readonly media: vscode.Uri, private readonly testHooks: boolean) {}

  async shrink(file: string, sizeBytes: number, limitBytes: number): Promise<ShrunkImage> {
    const name = path.basename(file);
    const bytes = await fsp.readFile(file);
    const panel = vscode.window.createWebviewPanel('notionAssets.shrink', vscode.l10n.t('Shrink to Fit: {0}', name), { viewColumn: vscode.ViewColumn.Active, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [this.media],
    });
    const id = this.nextId++;
    const ready = nextMessage(panel, (m) => m.type === 'ready');
    panel.webview.html = panelHtml(panel.webview, this.media, { mode: 'shrink', floorPx: SHRINK_FLOOR_PX, testHooks: this.testHooks, language: vscode.env.language, fileName: name, limitBytes });
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Shrinking "{0}" to fit {1}…', name, formatBytes(limitBytes)) },
      async () => {
        await ready;
        const answer = nextMessage<ShrunkMessage>(panel, (m) => m.type === 'shrunk' && m.id === id);
        await panel.webview.postMessage({ type: 'shrink', id, name, mime: typeForFile(file), bytes: new Uint8Array(bytes), limitBytes });
        return answer;
      },
    );
    if (!result.ok) throw new Error(vscode.l10n.t('"{0}" ({1}) cannot be shrunk to fit this workspace\'s limit of {2}: {3}.', name, formatBytes(sizeBytes), formatBytes(limitBytes), String(result.error)));
    const out = toBytes(result.bytes);
    const mime = result.mime ?? 'image/webp';
    const temp = await writeTemporaryFile(safeImageName(result.name ?? name, extensionForType(mime) ?? 'webp'), out);
    const origin = shrunkOrigin(file, { size: sizeBytes, width: result.fromWidth ?? 0, height: result.fromHeight ?? 0, type: typeForFile(file) },
      { size: out.byteLength, width: result.width ?? 0, height: result.height ?? 0, type: mime });
    return {
      path: temp.path,
      origin,
      noRetry: vscode.l10n.t('it was a shrunk copy of {0} in a temporary file that no longer exists. Upload {1} again and choose Shrink to Fit.', file, name),
      dispose: temp.dispose,
    };
  }
}
