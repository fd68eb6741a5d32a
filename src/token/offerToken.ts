// Asked when a command needs Notion and no token is set: "Set Token" runs the Set Token
// command (through the command table, so Services need not know the token commands).
import * as vscode from 'vscode';

/** Resolves true when the user set a token. */
export async function offerToken(): Promise<boolean> {
  const pick = await vscode.window.showWarningMessage(
    'Notion Assets needs your Notion integration token (the Internal Integration Secret) before it can reach Notion.', 'Set Token');
  return pick === 'Set Token' && (await vscode.commands.executeCommand('notionAssets.setToken')) !== undefined;
}
