// The notification after something was put on a page: what and where, with Open Page (the
// same button after every command that adds to a page).
import * as vscode from 'vscode';
import { notionPageUrl } from './format';
import { redactShown } from '../common/log';

export function showPlaced(text: string, pageId: string): void {
  void vscode.window.showInformationMessage(redactShown(text), vscode.l10n.t('Open Page')).then((t) => {
    if (t === vscode.l10n.t('Open Page')) void vscode.env.openExternal(vscode.Uri.parse(notionPageUrl(pageId)));
  });
}
