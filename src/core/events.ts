// A tiny event emitter with VS Code's `Event<T>` shape, so core models can fire change
// events without importing vscode, and the VS Code side can pass them straight through.

export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (e: T) => unknown, thisArg?: unknown, disposables?: Disposable[]) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners = new Set<(e: T) => unknown>();

  readonly event: Event<T> = (listener, thisArg, disposables) => {
    const bound = thisArg ? listener.bind(thisArg) : listener;
    this.listeners.add(bound);
    const d = { dispose: () => void this.listeners.delete(bound) };
    disposables?.push(d);
    return d;
  };

  fire(e: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        // A failing listener must not stop the others (same as VS Code's emitter).
        console.error(err);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
