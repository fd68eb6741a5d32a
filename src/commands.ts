// Every command of the extension in one table: id → handler. package.json contributes the
// same ids (titles, menus, when clauses); a host test checks the two agree.
import * as vscode from 'vscode';
import type { Log } from './common/log';
import type { PageFilesCommands } from './pageFiles/commands';
import type { TokenCommands } from './token/tokenCommands';
import type { UploadCommands } from './upload/uploadCommands';
import type { ItemCommands } from './uploadsView/itemCommands';

export interface CommandHandlers {
  uploads: UploadCommands;
  items: ItemCommands;
  tokens: TokenCommands;
  pageFiles: PageFilesCommands;
  log: Log;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (...args: any[]) => unknown;

export function commandTable(h: CommandHandlers): Record<string, Handler> {
  const { uploads, items, tokens, pageFiles, log } = h;
  return {
    // Upload and attach (Explorer/editor menus pass the file URIs; scripts pass an options object).
    'notionAssets.upload': (...a) => uploads.uploadFiles(undefined, a),
    'notionAssets.setCover': (...a) => uploads.uploadFiles('cover', a),
    'notionAssets.setIcon': (...a) => uploads.uploadFiles('icon', a),
    'notionAssets.addBlock': (...a) => uploads.uploadFiles('block', a),
    'notionAssets.attachToProperty': (...a) => uploads.uploadFiles('property', a),
    'notionAssets.addComment': (...a) => uploads.uploadFiles('comment', a),
    'notionAssets.newPage': (...a) => uploads.uploadFiles('newPage', a),
    'notionAssets.replaceOnPage': (...a) => uploads.uploadFiles('replace', a),
    'notionAssets.importFromUrl': (...a) => uploads.importFromUrl(a),
    'notionAssets.linkExternal': (...a) => uploads.linkExternal(a),
    // Token
    'notionAssets.setToken': (a) => tokens.setToken(a as { token?: string } | undefined),
    'notionAssets.checkToken': () => tokens.checkToken(),
    'notionAssets.removeToken': (a) => tokens.removeToken(a as { confirm?: boolean } | undefined),
    // The Uploads view
    'notionAssets.refreshUploads': () => items.refreshAll(),
    'notionAssets.clearFinished': () => items.clearFinished(),
    'notionAssets.showLog': () => log.show(),
    'notionAssets.item.attachTo': (...a) => items.attachTo(...a),
    'notionAssets.item.copyId': (...a) => items.copyId(...a),
    'notionAssets.item.openPage': (...a) => items.openPage(...a),
    'notionAssets.item.refreshStatus': (...a) => items.refreshStatus(...a),
    'notionAssets.item.retry': (...a) => items.retry(...a),
    'notionAssets.item.cancel': (...a) => items.cancel(...a),
    'notionAssets.item.remove': (...a) => items.remove(...a),
    // The Page Files view
    'notionAssets.browseFiles': (arg) => pageFiles.browse(arg),
    'notionAssets.pageFiles.refresh': () => pageFiles.refresh(),
    'notionAssets.pageFiles.cancel': () => pageFiles.cancel(),
    'notionAssets.pageFiles.openInBrowser': (arg) => pageFiles.openInBrowser(arg),
    'notionAssets.pageFiles.copyLink': (arg) => pageFiles.copyLink(arg),
    'notionAssets.pageFiles.download': (arg, args) => pageFiles.download(arg, args),
    'notionAssets.pageFiles.copyToPage': (arg, args) => pageFiles.copyToPage(arg, args),
    'notionAssets.pageFiles.replaceFile': (arg, args) => pageFiles.replaceFile(arg, args),
  };
}

export function registerCommands(h: CommandHandlers): vscode.Disposable[] {
  return Object.entries(commandTable(h)).map(([id, fn]) => vscode.commands.registerCommand(id, fn));
}
