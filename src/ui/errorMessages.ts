// Turns any failure into what the user reads: Notion's reason (already in the core's error
// messages) and the action that fixes it, as notification buttons. Every text goes through
// the log's redaction (redactShown): no token or signed URL query reaches the screen.
import * as vscode from 'vscode';
import { redactShown } from '../common/log';

export interface ErrorAction {
  title: string;
  run: () => unknown;
}

interface ErrorShape {
  name?: string;
  status?: number;
  code?: string;
  rule?: string;
  requestId?: string;
  message?: string;
}

export const SHARE_HELP_URL = 'https://www.notion.so/help/add-and-manage-connections-with-the-api';

export function isCancellation(e: unknown): boolean {
  return e instanceof vscode.CancellationError || (e instanceof Error && e.name === 'AbortError');
}

/** The message shown for an error (redacted): its own text plus Notion's request id when there is one. */
export function errorText(e: unknown): string {
  if (!(e instanceof Error)) return redactShown(String(e));
  const s = e as ErrorShape;
  return redactShown(s.requestId && !e.message.includes(s.requestId) ? vscode.l10n.t('{0} (request id {1})', e.message, s.requestId) : e.message);
}

/** Buttons that fix the cause: set the token on 401, how to share a page on 404. */
export function errorActions(e: unknown): ErrorAction[] {
  const s = (e ?? {}) as ErrorShape;
  if (s.status === 401 || s.code === 'unauthorized' || (e instanceof Error && e.name === 'NoTokenError')) {
    return [{ title: vscode.l10n.t('Set Token'), run: () => vscode.commands.executeCommand('notionAssets.setToken') }];
  }
  if (s.status === 404 || s.code === 'object_not_found' || s.rule === 'not-a-page') {
    return [{ title: vscode.l10n.t('How to Share a Page'), run: () => vscode.env.openExternal(vscode.Uri.parse(SHARE_HELP_URL)) }];
  }
  if (s.code === 'restricted_resource') {
    return [{ title: vscode.l10n.t('Open Integration Settings'), run: () => vscode.env.openExternal(vscode.Uri.parse('https://www.notion.so/profile/integrations')) }];
  }
  return [];
}

/** The user was just offered to set a token and declined (or the token given was rejected). */
export function isDeclinedToken(e: unknown): boolean {
  return e instanceof Error && e.name === 'NoTokenError';
}

/**
 * Shows the error with its fix and a "Show Log" button; does not wait for the user. A missing
 * token is not shown again: the offer to set one was the message, and the user answered it.
 */
export function showError(prefix: string, e: unknown, showLog: () => void): void {
  if (isDeclinedToken(e)) return;
  const actions = [...errorActions(e), { title: vscode.l10n.t('Show Log'), run: showLog }];
  void vscode.window.showErrorMessage(redactShown(`${prefix}: ${errorText(e)}`), ...actions.map((a) => a.title)).then((picked) => {
    actions.find((a) => a.title === picked)?.run();
  });
}
