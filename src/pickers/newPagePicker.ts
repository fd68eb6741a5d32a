// The questions of New Page from File…: where the page goes (under a page, or as an entry of
// a database), which files property holds the files (database entries), and for several
// files whether each gets its own page or one page holds them all (asked once).
import * as vscode from 'vscode';
import type { Services } from '../common/services';
import type { RecentTargets } from '../storage/recentTargets';
import { pickPage } from './pagePicker';
import { askPage } from './targetPicker';

export interface NewPageParentChoice {
  /** Page or database id. */
  id: string;
  kind: 'page' | 'database';
}

/** Under a page, or in a database: then the page picker or the database search. Undefined when dismissed. */
export async function askNewPageParent(services: Services, recents: RecentTargets): Promise<NewPageParentChoice | undefined> {
  const where = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('$(file) Under a Page…'), description: vscode.l10n.t('a sub-page holding the file'), parent: 'page' as const },
      { label: vscode.l10n.t('$(database) In a Database…'), description: vscode.l10n.t('a new entry, titled after the file'), parent: 'database' as const },
    ],
    { title: vscode.l10n.t('New Page from File: where does the page go?'), ignoreFocusOut: true },
  );
  if (!where) return undefined;
  if (where.parent === 'page') {
    const page = await askPage(services, recents, undefined, vscode.l10n.t('New Page from File: choose the parent page'));
    return page && { id: page.id, kind: 'page' };
  }
  const client = await services.client();
  const db = await pickPage({
    title: vscode.l10n.t('New Page from File: choose the database'),
    recents: [],
    search: async (query, signal) => (await client.searchDatabases(query, { pageSize: 25 }, { signal })).results,
    onError: (e) => services.log.error('Database search failed', e),
  });
  return db && { id: db.id, kind: 'database' };
}

/** A database entry's files: one of its files properties, or the page's first blocks (''). */
export async function askNewPageProperty(dbTitle: string, filesProperties: string[]): Promise<string | undefined> {
  if (filesProperties.length === 0) return '';
  const picked = await vscode.window.showQuickPick(
    [
      ...filesProperties.map((p) => ({ label: vscode.l10n.t('$(database) In "{0}"', p), description: vscode.l10n.t('files property'), value: p })),
      { label: vscode.l10n.t('$(add) As the Page\'s First Block'), description: vscode.l10n.t('inside the new page'), value: '' },
    ],
    { title: vscode.l10n.t('New entry in "{0}": where do the files go?', dbTitle), ignoreFocusOut: true },
  );
  return picked?.value;
}

/** Several files: one page each, or one page holding all (asked once). */
export async function askGrouping(count: number): Promise<'each' | 'one' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('$(files) One Page per File'), description: vscode.l10n.t('{0} pages', count), value: 'each' as const },
      { label: vscode.l10n.t('$(file) One Page Holding All {0} Files', count), value: 'one' as const },
    ],
    { title: vscode.l10n.t('New Page from {0} files', count), ignoreFocusOut: true },
  );
  return picked?.value;
}

/** The title of the one page holding several files (default: the first file's name and the count). */
export function askNewPageTitle(suggested: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: vscode.l10n.t('Title of the new page'), value: suggested, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The page needs a title')) });
}
