// Set / Check / Remove Token. A new token is checked with GET /v1/users/me before it is
// stored; the integration's name and workspace are shown so the user knows which one it is.
import * as vscode from 'vscode';
import type { BotUser } from '../core/notion/types';
import { errorActions, errorText } from '../ui/errorMessages';
import type { Services } from '../common/services';
import type { TokenStore } from '../storage/tokenStore';
import { formatBytes } from '../ui/format';

export interface TokenInfo {
  botId: string;
  botName: string;
  workspaceName: string;
  maxFileUploadSizeBytes?: number;
  source?: string;
}

function describeBot(bot: BotUser): TokenInfo {
  return {
    botId: bot.id,
    botName: bot.name ?? vscode.l10n.t('an unnamed integration'),
    workspaceName: bot.bot?.workspace_name ?? vscode.l10n.t('an unnamed workspace'),
    maxFileUploadSizeBytes: bot.bot?.workspace_limits?.max_file_upload_size_in_bytes,
  };
}

function limitText(info: TokenInfo): string {
  return info.maxFileUploadSizeBytes ? vscode.l10n.t(' Files up to {0} each.', formatBytes(info.maxFileUploadSizeBytes)) : '';
}

/** What is wrong with the typed text as a token (empty is only a problem on Enter). */
function shapeProblem(v: string, submitting: boolean): string | undefined {
  if (/^\s*$/.test(v)) return submitting ? vscode.l10n.t('Paste the token') : undefined;
  return /\s/.test(v.trim()) ? vscode.l10n.t('A token has no spaces') : undefined;
}

/** Why Notion refused a token, and what to do: said where the token is typed. */
export function rejectedText(e: unknown): string {
  const s = e as { status?: number; code?: string };
  if (s?.status === 401 || s?.code === 'unauthorized') {
    return vscode.l10n.t('Notion rejected this token (401 unauthorized). Copy the Internal Integration Secret again from notion.so/profile/integrations: the whole value, of an integration that still exists.');
  }
  return errorText(e);
}

export class TokenCommands {
  constructor(private readonly tokens: TokenStore, private readonly services: Services) {}

  /**
   * Asks for the token (or takes `{ token }`), checks it with Notion, stores it. Undefined when
   * cancelled or rejected. Asked for, a rejected token keeps the box open with Notion's reason.
   */
  async setToken(arg?: { token?: string }): Promise<TokenInfo | undefined> {
    const given = typeof arg?.token === 'string' ? arg.token.trim() : undefined;
    let checked: { token: string; info: TokenInfo } | undefined;
    if (given === undefined) {
      checked = await this.askChecked();
    } else if (given) {
      try {
        const info = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the token with Notion…') },
          () => this.check(given),
        );
        checked = { token: given, info };
      } catch (e) {
        this.services.log.error('Set Token: the token was not accepted', e);
        const actions = [...errorActions(e).filter((a) => a.title !== vscode.l10n.t('Set Token')), { title: vscode.l10n.t('Try Again'), run: () => this.setToken() }];
        void vscode.window.showErrorMessage(vscode.l10n.t('The token was not saved: {0}', rejectedText(e)), ...actions.map((a) => a.title))
          .then((t) => actions.find((a) => a.title === t)?.run());
      }
    }
    if (!checked) return undefined;
    const { token, info } = checked;
    await this.tokens.set(token);
    this.services.log.info(`Token set: ${info.botName} in ${info.workspaceName}`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Connected to Notion workspace "{0}" as "{1}".{2} Share pages with this integration (••• → Connections) to upload to them.', info.workspaceName, info.botName, limitText(info)),
    );
    return info;
  }

  private async check(token: string): Promise<TokenInfo> {
    return describeBot(await this.services.createClient(token).getBotUser());
  }

  /** The token box: Enter checks the token with Notion and closes only when Notion accepts it. */
  private askChecked(): Promise<{ token: string; info: TokenInfo } | undefined> {
    const box = vscode.window.createInputBox();
    box.title = vscode.l10n.t('Notion: Set Token');
    box.prompt = vscode.l10n.t('Paste your integration\'s Internal Integration Secret (notion.so/profile/integrations). It is stored in VS Code\'s secret storage.');
    box.placeholder = vscode.l10n.t('ntn_… or secret_…');
    box.password = true;
    box.ignoreFocusOut = true;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (v: { token: string; info: TokenInfo } | undefined) => {
        if (settled) return;
        settled = true;
        box.dispose();
        resolve(v);
      };
      box.onDidChangeValue((v) => (box.validationMessage = shapeProblem(v, false)));
      box.onDidAccept(async () => {
        const token = box.value.trim();
        box.validationMessage = shapeProblem(box.value, true);
        if (box.validationMessage || box.busy) return;
        box.busy = true;
        box.enabled = false;
        try {
          finish({ token, info: await this.check(token) });
        } catch (e) {
          this.services.log.error('Set Token: the token was not accepted', e);
          box.validationMessage = rejectedText(e);
        } finally {
          box.busy = false;
          box.enabled = true;
        }
      });
      box.onDidHide(() => finish(undefined));
      box.show();
    });
  }

  /** Shows which integration and workspace the stored token belongs to. */
  async checkToken(): Promise<TokenInfo | undefined> {
    const found = await this.tokens.get();
    const client = await this.services.client();
    try {
      const info = { ...describeBot(await client.getBotUser()), source: found?.source };
      const from = found?.source === 'environment' ? vscode.l10n.t(' (from the NOTION_ASSETS_TOKEN environment variable)') : '';
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The token works{0}: "{1}" in workspace "{2}", API {3}.{4}', from, info.botName, info.workspaceName, client.baseUrl, limitText(info)),
      );
      return info;
    } catch (e) {
      this.services.log.error('Check Token failed', e);
      const actions = [...errorActions(e), { title: vscode.l10n.t('Show Log'), run: () => this.services.log.show() }];
      void vscode.window.showErrorMessage(vscode.l10n.t('The token does not work: {0}', errorText(e)), ...actions.map((a) => a.title))
        .then((t) => actions.find((a) => a.title === t)?.run());
      return undefined;
    }
  }

  /** Deletes the stored token after a confirmation (skipped with `{ confirm: false }`). */
  async removeToken(arg?: { confirm?: boolean }): Promise<boolean> {
    const found = await this.tokens.get();
    if (!found) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No Notion token is stored.'));
      return false;
    }
    if (found.source === 'environment') {
      void vscode.window.showInformationMessage(vscode.l10n.t('The token comes from the NOTION_ASSETS_TOKEN environment variable; unset it to sign out.'));
      return false;
    }
    if (arg?.confirm !== false) {
      const ok = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove the Notion token from this machine? Uploads need it again afterwards.'), { modal: true }, vscode.l10n.t('Remove Token'));
      if (ok !== vscode.l10n.t('Remove Token')) return false;
    }
    await this.tokens.delete();
    this.services.log.info('Token removed');
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of Notion: the token was removed.'));
    return true;
  }
}
