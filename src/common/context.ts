// The objects every feature shares, built once at activation (extension.ts) and handed to
// each feature's register(): the log, the token store, the upload history, recent targets,
// the lazily loaded network services, and VS Code's own ExtensionContext.
import type * as vscode from 'vscode';
import type { UploadHistory } from '../core/history/uploadHistory';
import type { RecentTargets } from '../storage/recentTargets';
import type { TokenStore } from '../storage/tokenStore';
import type { Log } from './log';
import type { Services } from './services';

export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: Log;
  readonly tokens: TokenStore;
  readonly history: UploadHistory;
  readonly recents: RecentTargets;
  readonly services: Services;
}
