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
  return `shrunk from ${from} (${formatBytes(f.size)}, ${f.width}×${f.height} ${typeLabel(f.type)}) to ${formatBytes(t.size)}, ${t.width}×${t.height} ${typeLabel(t.type)}`;
}

export class WebviewShrinker implements ImageShrinker {
  private nextId = 1;

  constructor(private readonly media: vscode.Uri, private readonly testHooks: boolean) {}

  async shrink(file: string, sizeBytes: number, limitBytes: number): Promise<ShrunkImage> {
    const name = path.basename(file);
    const bytes = await fsp.readFile(file);
    const panel = vscode.window.createWebviewPanel('notionAssets.shrink', `Shrink to Fit: ${name}`, { viewColumn: vscode.ViewColumn.Active, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [this.media],
    });
    const id = this.nextId++;
    const ready = nextMessage(panel, (m) => m.type === 'ready');
    panel.webview.html = panelHtml(panel.webview, this.media, { mode: 'shrink', floorPx: SHRINK_FLOOR_PX, testHooks: this.testHooks, fileName: name, limitBytes });
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Shrinking "${name}" to fit ${formatBytes(limitBytes)}…` },
      async () => {
        await ready;
        const answer = nextMessage<ShrunkMessage>(panel, (m) => m.type === 'shrunk' && m.id === id);
        await panel.webview.postMessage({ type: 'shrink', id, name, mime: typeForFile(file), bytes: new Uint8Array(bytes), limitBytes });
        return answer;
      },
    );
    if (!result.ok) throw new Error(`"${name}" (${formatBytes(sizeBytes)}) cannot be shrunk to fit this workspace's limit of ${formatBytes(limitBytes)}: ${result.error}.`);
    const out = toBytes(result.bytes);
    const mime = result.mime ?? 'image/webp';
    const temp = await writeTemporaryFile(safeImageName(result.name ?? name, extensionForType(mime) ?? 'webp'), out);
    const origin = shrunkOrigin(file, { size: sizeBytes, width: result.fromWidth ?? 0, height: result.fromHeight ?? 0, type: typeForFile(file) },
      { size: out.byteLength, width: result.width ?? 0, height: result.height ?? 0, type: mime });
    return {
      path: temp.path,
      origin,
      noRetry: `it was a shrunk copy of ${file} in a temporary file that no longer exists. Upload ${name} again and choose Shrink to Fit.`,
      dispose: temp.dispose,
    };
  }
}
