// Waiting for one message from a webview: resolves with the first message that matches,
// rejects with a CancellationError when the panel is closed first.
import * as vscode from 'vscode';

export interface WebviewMessage {
  type: string;
  [key: string]: unknown;
}

export function isMessage(m: unknown): m is WebviewMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

export function nextMessage<T extends WebviewMessage>(panel: vscode.WebviewPanel, match: (m: WebviewMessage) => boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = () => subs.forEach((d) => d.dispose());
    subs.push(panel.webview.onDidReceiveMessage((m: unknown) => {
      if (isMessage(m) && match(m)) {
        done();
        resolve(m as T);
      }
    }));
    subs.push(panel.onDidDispose(() => {
      done();
      reject(new vscode.CancellationError());
    }));
  });
}

/** Bytes as they arrive from a webview (a Uint8Array, or an ArrayBuffer in some hosts). */
export function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  // Serialized as a plain object of indices by an older host.
  if (v && typeof v === 'object') return Uint8Array.from(Object.values(v as Record<string, number>));
  throw new Error('the webview sent no image bytes');
}
