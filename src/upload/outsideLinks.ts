// Asks before reading what a symlink leads to outside the workspace folders: a repository can
// ship `logo.png → ~/.ssh/id_rsa`. One modal for the batch names each link and its target;
// without the yes nothing is sent (the core refuses such links unless told the user agreed).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { linkOutside } from '../core/upload/workspaceLink';
import { workspaceFolderPaths } from '../common/services';
import { redactShown } from '../common/log';
import { Dismissed } from '../ui/commandRunner';

export const UPLOAD_LINKED = vscode.l10n.t('Upload Linked Files');

/**
 * The files whose real path is outside the workspace, once the user said yes to reading them
 * (an empty set when there are none). Throws Dismissed when the user declines.
 */
export async function confirmOutsideLinks(uris: readonly vscode.Uri[]): Promise<Set<string>> {
  const folders = workspaceFolderPaths();
  const outside: { file: string; target: string }[] = [];
  for (const u of uris) {
    const target = await linkOutside(u.fsPath, folders);
    if (target) outside.push({ file: u.fsPath, target });
  }
  if (!outside.length) return new Set();
  const one = outside.length === 1;
  const message = one
    ? vscode.l10n.t('"{0}" is a link to a file outside the workspace. Upload the file it points to?', path.basename(outside[0].file))
    : vscode.l10n.t('{0} of the files are links to files outside the workspace. Upload the files they point to?', outside.length);
  const detail = redactShown(
    outside.map((o) => `${o.file}\n  → ${o.target}`).join('\n') + vscode.l10n.t('\n\nIts contents would be sent to Notion as {0}.', one ? vscode.l10n.t('that file') : vscode.l10n.t('those files')),
  );
  const answer = await vscode.window.showWarningMessage(redactShown(message), { modal: true, detail }, UPLOAD_LINKED);
  if (answer !== UPLOAD_LINKED) throw new Dismissed();
  return new Set(outside.map((o) => o.file));
}
