// The "Notion Assets" log (a LogOutputChannel): one line per API request and every error.
// Everything written goes through redactShown(): the token (and anything shaped like one)
// cannot reach the log, and signed file URLs (echoed back in Notion's errors) lose their
// signature. Everything shown on screen goes through the same function (ui/errorMessages.ts).
import * as vscode from 'vscode';
import { isExpected, redactText } from '../core/expectedError';
import type { RequestLogEntry } from '../core/notion/transport';

/** Values that must never be written or shown (the tokens in use); shared by every Log. */
const secrets = new Set<string>();

/** `text` as it may be logged or shown: tokens and signed URL queries removed. */
export function redactShown(text: string): string {
  return redactText(text, [...secrets]);
}

export class Log implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor(name = 'Notion Assets') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** Values that must never be written (the current token). */
  addSecret(value: string | undefined): void {
    if (value) secrets.add(value);
  }

  request(e: RequestLogEntry): void {
    const line = `${e.method} ${e.path} → ${e.status || 'no response'} in ${Math.round(e.durationMs)} ms` +
      (e.requestId ? ` · request id ${e.requestId}` : '') + (e.attempt > 1 ? ` · attempt ${e.attempt}` : '') +
      (e.error ? ` — ${e.error}` : '');
    if (e.status > 0 && e.status < 400) this.info(line);
    else this.warn(line);
  }

  debug(msg: string): void {
    this.channel.debug(this.clean(msg));
  }

  info(msg: string): void {
    this.channel.info(this.clean(msg));
  }

  warn(msg: string): void {
    this.channel.warn(this.clean(msg));
  }

  error(msg: string, err?: unknown): void {
    // Errors the user caused or Notion answered are explained by their message; a stack only helps for bugs.
    const stack = err instanceof Error && !isExpected(err) && err.stack ? `\n${err.stack}` : '';
    const detail = err instanceof Error ? `${err.message}${stack}` : err === undefined ? '' : String(err);
    this.channel.error(this.clean(detail ? `${msg}: ${detail}` : msg));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private clean(s: string): string {
    return redactShown(s);
  }
}
