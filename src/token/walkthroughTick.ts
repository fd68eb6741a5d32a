// Ticks the walkthrough's "Connect your integration" step while a token works. VS Code's
// Getting Started registers a step's `onContext:` event lazily (when the page first opens) and,
// if the context already holds then, only remembers it: the step never ticks in that session
// (seen in the UI: extension active from a restored view, token from the environment, step
// unticked). So the step listens to its own key, pulsed true→false whenever a workbench page
// without a text/webview input opens (the Welcome page is one) or the token changes; a pulse
// after the page registered its steps ticks it, and the key is false again at any later
// registration, so no pulse is wasted.
import * as vscode from 'vscode';
import type { TokenStore } from '../storage/tokenStore';

export const WALKTHROUGH_TOKEN_CONTEXT = 'notionAssets.walkthrough.tokenWorks';

export function tickWalkthroughOnToken(tokens: TokenStore): vscode.Disposable {
  const pulse = async () => {
    if (!(await tokens.get())) return;
    await vscode.commands.executeCommand('setContext', WALKTHROUGH_TOKEN_CONTEXT, true);
    await vscode.commands.executeCommand('setContext', WALKTHROUGH_TOKEN_CONTEXT, false);
  };
  const workbenchPage = (t: vscode.Tab) => t.input === undefined;
  return vscode.Disposable.from(
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      if ([...e.opened, ...e.changed].some(workbenchPage)) void pulse();
    }),
    tokens.onDidChange(() => void pulse()),
  );
}
