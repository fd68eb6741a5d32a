// Asked when a command needs Notion and no token is set: "Set Token" runs the Set Token
// command (through the command table, so Services need not know the token commands).
import * as vscode from 'vscode';

/** Resolves true when the user set a token. */
export async function offerToken(): Promise<boolean> {
  const pick = await vscode.window.showWarningMessage(
    vscode.l10n.t('Notion Assets needs your Notion integration token (the Internal Integration Secret) before it can reach Notion.'), vscode.l10n.t('Set Token'));
  return pick === vscode.l10n.t('Set Token') && (await vscode.commands.executeCommand('notionAssets.setToken')) !== undefined;
}
