// A base for objects that own other disposables (listeners, timers, emitters): disposing
// the owner disposes everything it registered, in reverse order.
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly toDispose: { dispose(): unknown }[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends { dispose(): unknown }>(d: T): T {
    if (this.disposed) d.dispose();
    else this.toDispose.push(d);
    return d;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.toDispose.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (e) {
        console.error(e);
      }
    }
  }
}

/** A disposable that runs `fn` once. */
export function toDisposable(fn: () => void): vscode.Disposable {
  let done = false;
  return { dispose: () => { if (!done) { done = true; fn(); } } };
}
