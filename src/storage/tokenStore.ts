// The integration token: kept in VS Code's SecretStorage (never in settings). The
// NOTION_ASSETS_TOKEN environment variable is a fallback for the sandbox and CI, where no
// secret has been stored; a stored token always wins.
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { ENV_TOKEN } from '../common/settings';

const SECRET_KEY = 'notionAssets.token';
export const HAS_TOKEN_CONTEXT = 'notionAssets.hasToken';

export type TokenSource = 'secretStorage' | 'environment';

export class TokenStore extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage, private readonly env: NodeJS.ProcessEnv = process.env) {
    super();
    // Another window may set or remove the token: follow it.
    this._register(secrets.onDidChange((e) => {
      if (e.key === SECRET_KEY) void this.refreshContext().then(() => this.changed.fire());
    }));
  }

  async get(): Promise<{ token: string; source: TokenSource } | undefined> {
    const stored = (await this.secrets.get(SECRET_KEY))?.trim();
    if (stored) return { token: stored, source: 'secretStorage' };
    const fromEnv = this.env[ENV_TOKEN]?.trim();
    return fromEnv ? { token: fromEnv, source: 'environment' } : undefined;
  }

  async set(token: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, token.trim());
    await this.refreshContext();
    this.changed.fire();
  }

  async delete(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    await this.refreshContext();
    this.changed.fire();
  }

  /** Sets the `notionAssets.hasToken` context key (welcome view, menus). */
  async refreshContext(): Promise<boolean> {
    const has = (await this.get()) !== undefined;
    await vscode.commands.executeCommand('setContext', HAS_TOKEN_CONTEXT, has);
    return has;
  }
}
