// Records the notifications the extension shows (the test and the extension share one
// `vscode` API object) and answers them with a chosen button, so a host test can check what
// a person would read after a command and click the button they would click.
import * as vscode from 'vscode';

export interface Shown {
  level: 'info' | 'warning' | 'error';
  text: string;
  buttons: string[];
  /** A modal's detail text, when given. */
  detail?: string;
}

type Answer = (m: Shown) => string | undefined;

const METHODS = { info: 'showInformationMessage', warning: 'showWarningMessage', error: 'showErrorMessage' } as const;

export class Messages {
  readonly shown: Shown[] = [];
  private readonly originals = new Map<string, unknown>();

  /** `answer` picks the button (undefined: dismissed). Modal questions are answered the same way. */
  constructor(private answer: Answer = () => undefined) {
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const [level, name] of Object.entries(METHODS) as [Shown['level'], string][]) {
      this.originals.set(name, win[name]);
      win[name] = (text: string, ...rest: unknown[]) => {
        const buttons = rest.flatMap((r) => (typeof r === 'string' ? [r] : r && typeof r === 'object' && 'title' in r ? [String((r as { title: unknown }).title)] : []));
        const options = rest.find((r): r is { detail?: unknown } => !!r && typeof r === 'object' && !('title' in r));
        const m: Shown = { level, text, buttons, ...(typeof options?.detail === 'string' ? { detail: options.detail } : {}) };
        this.shown.push(m);
        return Promise.resolve(this.answer(m));
      };
    }
  }

  answerWith(answer: Answer): void {
    this.answer = answer;
  }

  of(level: Shown['level']): Shown[] {
    return this.shown.filter((m) => m.level === level);
  }

  /** Waits (up to `ms`) for a message matching `re`. */
  async waitFor(re: RegExp, ms = 10_000): Promise<Shown> {
    for (let t = 0; t < ms; t += 50) {
      const m = this.shown.find((x) => re.test(x.text));
      if (m) return m;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no message matching ${re}; shown: ${JSON.stringify(this.shown.map((m) => m.text))}`);
  }

  restore(): void {
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const [name, fn] of this.originals) win[name] = fn;
  }
}
