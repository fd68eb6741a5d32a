// How every command runs, written once: a dismissed question or a cancel ends the command
// quietly; any other error is logged, shown with its fix and "Show Log" (redacted like the
// log), and handed back as the command's result — never thrown, or the workbench would show
// a second notification for a menu click. Also: cancellable progress bound to an AbortSignal.
import * as vscode from 'vscode';
import { redactShown, type Log } from '../common/log';
import { isCancellation, showError } from './errorMessages';
import { percent } from './format';

/** Thrown to end a command quietly (the user dismissed a question). */
export class Dismissed extends Error {
  override readonly name = 'Dismissed';
}

/** The answer to a question, or Dismissed when the user closed it. */
export async function need<T>(v: PromiseLike<T | undefined> | T | undefined): Promise<T> {
  const r = await v;
  if (r === undefined) throw new Dismissed();
  return r;
}

/** Runs a command body; `onError` turns a shown error into the command's result (default: undefined). */
export async function runCommand<T>(log: Log, what: string, body: () => Promise<T>, onError?: (e: unknown) => T): Promise<T | undefined> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof Dismissed || isCancellation(e)) return undefined;
    log.error(what, e);
    showError(what, e, () => log.show());
    return onError?.(e);
  }
}

export type ProgressSink = vscode.Progress<{ message?: string; increment?: number }>;

/** A cancellable progress whose Cancel aborts the signal handed to `work`. */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, progress: ProgressSink) => Promise<T>,
  location: vscode.ProgressLocation | { viewId: string } = vscode.ProgressLocation.Notification,
): Thenable<T> {
  // Titles name files and links: shown like every other text, without tokens or signed queries.
  return vscode.window.withProgress({ location, title: redactShown(title), cancellable: true }, (progress, token) => {
    const ctl = new AbortController();
    const sub = token.onCancellationRequested(() => ctl.abort());
    if (token.isCancellationRequested) ctl.abort();
    return work(ctl.signal, progress).finally(() => sub.dispose());
  });
}

/** Reports whole percentages as increments (VS Code's progress bar adds them up). */
export function percentReporter(progress: ProgressSink, message: (pct: number) => string = (pct) => `${pct} %`): (done: number, total: number | undefined) => void {
  let shown = 0;
  return (done, total) => {
    const pct = percent(done, total);
    if (pct <= shown) return;
    progress.report({ increment: pct - shown, message: message(pct) });
    shown = pct;
  };
}
