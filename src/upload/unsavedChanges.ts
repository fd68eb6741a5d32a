// Files open in an editor with unsaved changes: what goes to Notion is the file on disk, so
// the user is asked first, as VS Code's own commands do (Save and Upload / Upload Saved
// Version / Cancel), and the result says which version was sent. An untitled document has
// no file at all: it is refused with how to save it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Dismissed } from '../ui/commandRunner';

/** Which version of a file with unsaved changes was sent. */
export type SentVersion = 'saved first' | 'saved version';


/** Refuses untitled documents (never saved: nothing on disk to upload), naming them and the fix. */
export function refuseUntitled(uris: readonly vscode.Uri[]): void {
  const untitled = uris.filter((u) => u.scheme === 'untitled');
  if (!untitled.length) return;
  const names = untitled.map((u) => `"${path.basename(u.path)}"`).join(', ');
  throw new Error(untitled.length === 1
    ? vscode.l10n.t('{0} has never been saved, so there is no file to upload: save it as a file (File ▸ Save As…) with a supported extension, then upload it.', names)
    : vscode.l10n.t('{0} have never been saved, so there is no file to upload: save them as files (File ▸ Save As…) with a supported extension, then upload them.', names));
}

/**
 * For the files with unsaved changes in an open editor: asks (a modal) whether to save them
 * first or send the saved version; Cancel ends the command. A scripted call is not asked and
 * sends the saved version. Returns, per path, which version goes.
 */
export async function settleUnsaved(uris: readonly vscode.Uri[], scripted: boolean): Promise<Map<string, SentVersion>> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file' && uris.some((u) => u.fsPath === d.uri.fsPath));
  const sent = new Map<string, SentVersion>();
  if (!dirty.length) return sent;
  const names = dirty.map((d) => `"${path.basename(d.uri.fsPath)}"`);
  const SAVE = vscode.l10n.t('Save and Upload');
  const ON_DISK = vscode.l10n.t('Upload Saved Version');
  const answer = scripted
    ? ON_DISK
    : await vscode.window.showWarningMessage(
      names.length === 1
        ? vscode.l10n.t('{0} has unsaved changes. Save before uploading?', names[0])
        : vscode.l10n.t('{0} files have unsaved changes. ({1}) Save before uploading?', names.length, names.join(', ')),
      { modal: true, detail: vscode.l10n.t('Notion gets the file as it is on disk: without saving, the changes in the editor are not sent.') },
      SAVE, ON_DISK);
  if (answer !== SAVE && answer !== ON_DISK) throw new Dismissed();
  for (const d of dirty) {
    if (answer === SAVE && !(await d.save())) {
      throw new Error(vscode.l10n.t('Could not save "{0}": nothing was uploaded. Save it, then upload again.', path.basename(d.uri.fsPath)));
    }
    sent.set(d.uri.fsPath, answer === SAVE ? 'saved first' : 'saved version');
  }
  return sent;
}

/** What the result says about the versions sent ('' when no file had unsaved changes). */
export function sentVersionNote(sent: ReadonlyMap<string, SentVersion>): string {
  const named = (v: SentVersion) => [...sent].filter(([, s]) => s === v).map(([p]) => `"${path.basename(p)}"`);
  const saved = named('saved first');
  const onDisk = named('saved version');
  return [
    saved.length ? ' ' + vscode.l10n.t('{0}: saved first, with your changes.', saved.join(', ')) : '',
    onDisk.length ? ' ' + vscode.l10n.t('{0}: the version saved on disk was sent, without the unsaved changes.', onDisk.join(', ')) : '',
  ].join('');
}
