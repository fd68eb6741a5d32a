import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext) {
  context.subscriptions.push(
    vscode.commands.registerCommand('notionAssets.setToken', async () => {
      await vscode.window.showInformationMessage('Not implemented yet');
    }),
  );
  return { version: 1 };
}

export function deactivate() {}
