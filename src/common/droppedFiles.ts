// The local files in a drag-and-drop onto a tree view: `text/uri-list` lines (the Explorer)
// and dropped OS files, each once. Used by the Uploads view and the Page Files view.
import * as vscode from 'vscode';

/** Mime types a view accepts to receive files this way. */
export const FILE_DROP_MIME_TYPES = ['text/uri-list', 'files'];

/** Every URI in the drop (any scheme), in order, without repeats. */
export async function droppedUris(data: vscode.DataTransfer): Promise<vscode.Uri[]> {
  const uris: vscode.Uri[] = [];
  const list = data.get('text/uri-list');
  if (list) {
    for (const line of (await list.asString()).split(/\r?\n/)) {
      const t = line.trim();
      if (t && !t.startsWith('#')) {
        try {
          uris.push(vscode.Uri.parse(t, true));
        } catch { /* not a URI: ignore the line */ }
      }
    }
  }
  data.forEach((item) => {
    const f = item.asFile();
    if (f?.uri && !uris.some((u) => u.toString() === f.uri!.toString())) uris.push(f.uri);
  });
  return uris;
}

/** Said when a drop holds no file from this machine. */
export const ONLY_LOCAL_FILES = vscode.l10n.t('Notion Assets can upload only files from this machine\'s file system.');
