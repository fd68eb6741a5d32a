// Activation: builds the objects every feature shares (one FeatureContext), creates each
// feature, registers the command table, and returns the API for other extensions. Nothing
// here loads the network bundle (dist/core.js): that happens on the first command that needs Notion.
import './common/l10nSetup';
import * as vscode from 'vscode';
import { UploadHistory } from './core/history/uploadHistory';
import { createApi, type NotionAssetsApi } from './api';
import { registerCommands } from './commands';
import { describeActivation, measureActivation, type ActivationTimes } from './common/activationTimes';
import type { FeatureContext } from './common/context';
import { Log } from './common/log';
import { Services } from './common/services';
import { providePageUrls } from './ui/openPage';
import { historySize } from './common/settings';
import { registerPageFiles, type PageFilesApi } from './pageFiles/register';
import { GlobalStateHistoryStore } from './storage/historyStore';
import { RecentTargets } from './storage/recentTargets';
import { TokenStore } from './storage/tokenStore';
import { offerToken } from './token/offerToken';
import { tickWalkthroughOnToken } from './token/walkthroughTick';
import { TokenCommands } from './token/tokenCommands';
import { UploadCommands } from './upload/uploadCommands';
import { ItemCommands } from './uploadsView/itemCommands';
import { UploadsView } from './uploadsView/view';
import { PastePanel } from './paste/pastePanel';
import { WebviewShrinker } from './paste/shrinkPanel';
import { UploadStatusBar } from './upload/uploadStatusBar';

let history: UploadHistory | undefined;

/** Our part of the last activation (module load, activate()); read by the host tier. */
export let activationTimes: ActivationTimes | undefined;

/** What activate() returns: uploads (api.ts) plus the page files browser (pageFiles/register.ts). */
export type ExtensionApi = NotionAssetsApi & { readonly files: PageFilesApi };

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const started = performance.now();
  const log = new Log();
  const tokens = new TokenStore(context.secrets);
  history = await UploadHistory.open(new GlobalStateHistoryStore(context.globalState), { maxEntries: historySize() });
  const version = String(context.extension.packageJSON.version ?? 'dev');
  const services = new Services(tokens, history, log, version, offerToken);
  const ctx: FeatureContext = { extension: context, log, tokens, history, recents: new RecentTargets(context.globalState), services };
  context.subscriptions.push(log, tokens, history, services, providePageUrls((id) => services.pageUrl(id)));

  // Test runs only: the paste and shrink pages answer test.* messages (a synthetic paste, state).
  const testHooks = context.extensionMode === vscode.ExtensionMode.Test;
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const uploads = new UploadCommands(services, ctx.recents, new WebviewShrinker(media, testHooks));
  const paste = new PastePanel(uploads, services, ctx.recents, media, testHooks);
  const view = new UploadsView(
    history,
    (uris) => uploads.uploadFiles(undefined, [uris]),
    (id) => ctx.recents.title(id),
    (key) => services.isRunning(key),
  );
  const items = new ItemCommands(services, ctx.recents, () => view.selection);
  const pageFiles = registerPageFiles(ctx);
  context.subscriptions.push(view, paste, new UploadStatusBar(history, (key) => services.isRunning(key)), ...registerCommands({
    uploads, items, tokens: new TokenCommands(tokens, services), pageFiles: pageFiles.commands, log, paste,
  }));

  void tokens.refreshContext();
  context.subscriptions.push(tickWalkthroughOnToken(tokens));
  log.info(`Notion Assets ${version} activated`);
  const api = Object.freeze({ ...createApi(services), files: pageFiles.api });
  activationTimes = measureActivation(started);
  log.debug(describeActivation(activationTimes));
  return api;
}

export async function deactivate(): Promise<void> {
  await history?.flush();
}
