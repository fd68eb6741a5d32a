// Activation: wires the token store, the upload history, the lazy network services, the
// Uploads view and the command table, and returns the API for other extensions. Nothing
// here loads the network bundle (dist/core.js): that happens on the first command that needs Notion.
import * as vscode from 'vscode';
import { UploadHistory } from './core/history/uploadHistory';
import { createApi, type NotionAssetsApi } from './api';
import { registerCommands } from './commands';
import { GlobalStateHistoryStore } from './storage/historyStore';
import { ItemCommands } from './uploadsView/itemCommands';
import { Log } from './common/log';
import { registerPageFiles, type PageFilesApi } from './pageFiles/register';
import { RecentTargets } from './storage/recentTargets';
import { Services } from './common/services';
import { historySize } from './common/settings';
import { TokenCommands } from './token/tokenCommands';
import { TokenStore } from './storage/tokenStore';
import { UploadCommands } from './upload/uploadCommands';
import { UploadsView } from './uploadsView/view';
import { PastePanel } from './paste/pastePanel';
import { WebviewShrinker } from './paste/shrinkPanel';
import { UploadStatusBar } from './upload/uploadStatusBar';

let history: UploadHistory | undefined;

/** What activate() returns: uploads (api.ts) plus the page files browser (pageFiles/register.ts). */
export type ExtensionApi = NotionAssetsApi & { readonly files: PageFilesApi };

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const log = new Log();
  const tokens = new TokenStore(context.secrets);
  history = await UploadHistory.open(new GlobalStateHistoryStore(context.globalState), { maxEntries: historySize() });
  const recents = new RecentTargets(context.globalState);

  let tokenCommands: TokenCommands | undefined;
  const offerToken = async (): Promise<boolean> => {
    const pick = await vscode.window.showWarningMessage(
      'Notion Assets needs your Notion integration token (the Internal Integration Secret) before it can reach Notion.', 'Set Token');
    return pick === 'Set Token' && (await tokenCommands!.setToken()) !== undefined;
  };
  const services = new Services(tokens, history, log, String(context.extension.packageJSON.version ?? 'dev'), offerToken);
  tokenCommands = new TokenCommands(tokens, services);
  // Test runs only: the paste and shrink pages answer test.* messages (a synthetic paste, state).
  const testHooks = context.extensionMode === vscode.ExtensionMode.Test;
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const uploadCommands = new UploadCommands(services, recents, new WebviewShrinker(media, testHooks));
  const paste = new PastePanel(uploadCommands, services, recents, media, testHooks);
  const view = new UploadsView(
    history,
    (uris) => uploadCommands.uploadFiles(undefined, [uris]),
    (id) => recents.title(id),
    (key) => services.isRunning(key),
  );
  const items = new ItemCommands(services, recents, () => view.selection);

  context.subscriptions.push(
    log, tokens, history, services, view, paste,
    new UploadStatusBar(history, (key) => services.isRunning(key)),
    ...registerCommands({ uploads: uploadCommands, items, tokens: tokenCommands, log, paste }),
  );
  // The page files browser (issue #6): its view, commands and API (see pageFiles/register.ts).
  const pageFiles = registerPageFiles(context, services);

  void tokens.refreshContext();
  log.info(`Notion Assets ${context.extension.packageJSON.version} activated (${history.size} uploads in the history)`);
  return Object.freeze({ ...createApi(services), files: pageFiles });
}

export async function deactivate(): Promise<void> {
  await history?.flush();
}
