// The notification after something was put on a page: what and where, with Open Page (the
// same button after every command that adds to a page).
import * as vscode from 'vscode';
import { openPage } from './openPage';
import { redactShown } from '../common/log';

export function showPlaced(text: string, pageId: string): void {
  void vscode.window.showInformationMessage(redactShown(text), 'Open Page').then((t) => {
    if (t === 'Open Page') void openPage(pageId);
  });
}
