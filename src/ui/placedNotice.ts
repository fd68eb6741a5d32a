// The notification after something was put on a page: what and where, with Open Page (the
// same button after every command that adds to a page).
import * as vscode from 'vscode';
import { openPage } from './openPage';
import { redactShown } from '../common/log';

export function showPlaced(text: string, pageId: string): void {
  const open = vscode.l10n.t('Open Page');
  void vscode.window.showInformationMessage(redactShown(text), open).then((t) => {
    if (t === open) void openPage(pageId);
  });
}
