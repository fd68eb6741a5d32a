// The page quick pick: recent targets first, then the pages the integration can see,
// searched (debounced) as the user types; a pasted Notion URL or id is accepted as is.
import * as vscode from 'vscode';
import { isNotionLink, tryParseNotionId } from '../core/ids';
import type { PageSummary } from '../core/notion/types';
import { pageDescription } from './pageDescription';
import { errorText } from '../ui/errorMessages';
import type { RecentTarget } from '../storage/recentTargets';

export interface PickedPage {
  id: string;
  title: string;
  url?: string;
  /** True for a database page, false for a page that is not in one, undefined when unknown. */
  inDatabase?: boolean;
}

export interface PagePickerOptions {
  title: string;
  recents: RecentTarget[];
  search: (query: string, signal: AbortSignal) => Promise<PageSummary[]>;
  onError?: (e: unknown) => void;
  debounceMs?: number;
}

interface PageItem extends vscode.QuickPickItem {
  page?: PickedPage;
}

const SEARCH_DEBOUNCE_MS = 250;

// Ids mean nothing to a person choosing a page: the item says where the page is and when it
// was edited; only a pasted link's item shows the id it was read as.
function pageItem(p: PickedPage, description?: string): PageItem {
  return { label: `$(file) ${p.title || 'Untitled'}`, description, page: p };
}

/** A Notion link without a page id (a workspace or database-view link): say so, do not search its text. */
function noIdItem(): PageItem {
  return {
    label: vscode.l10n.t('$(warning) This Notion link has no page id'),
    detail: vscode.l10n.t('A page link ends in 32 hex characters (https://www.notion.so/Title-<32 hex>). In Notion, open the page and use ••• → Copy link.'),
    alwaysShow: true,
  };
}

function pastedItem(id: string): PageItem {
  return { label: vscode.l10n.t('$(link) Use the pasted page'), description: vscode.l10n.t('from the link or id you pasted'), detail: id, alwaysShow: true, page: { id, title: id } };
}

/** Resolves with the chosen page, or undefined when the user dismisses the picker. */
export function pickPage(opts: PagePickerOptions): Promise<PickedPage | undefined> {
  const qp = vscode.window.createQuickPick<PageItem>();
  qp.title = opts.title;
  qp.placeholder = vscode.l10n.t('Type to search pages shared with the integration, or paste a Notion page URL or id');
  qp.matchOnDescription = true;
  qp.ignoreFocusOut = true;
  const recentItems = (): PageItem[] =>
    opts.recents.length
      ? [{ label: vscode.l10n.t('Recent'), kind: vscode.QuickPickItemKind.Separator }, ...opts.recents.map((r) => pageItem(r, r.inDatabase ? vscode.l10n.t('recent · in a database') : vscode.l10n.t('recent')))]
      : [];

  let timer: NodeJS.Timeout | undefined;
  let inflight: AbortController | undefined;
  let generation = 0;

  const runSearch = async (query: string) => {
    inflight?.abort();
    const ctl = (inflight = new AbortController());
    const mine = ++generation;
    qp.busy = true;
    try {
      const pages = await opts.search(query, ctl.signal);
      if (mine !== generation) return; // a newer query already answered or is on its way
      const recentIds = new Set(opts.recents.map((r) => r.id));
      const found = pages.filter((p) => !recentIds.has(p.id) || query).map((p) => {
        const inDatabase = p.parentType === undefined ? undefined : p.parentType === 'database_id' || p.parentType === 'data_source_id';
        return pageItem({ id: p.id, title: p.title, url: p.url, inDatabase }, pageDescription(p, Date.now()));
      });
      const pasted = tryParseNotionId(query);
      qp.items = [
        ...(pasted ? [pastedItem(pasted)] : []),
        ...(query ? [] : recentItems()),
        ...(found.length ? [{ label: query ? vscode.l10n.t('Pages matching "{0}"', query) : vscode.l10n.t('Pages'), kind: vscode.QuickPickItemKind.Separator } as PageItem, ...found] : []),
        // With no query the recent pages are listed: "none shared" only when nothing is listed at all.
        ...(!found.length && !pasted && (query || !opts.recents.length) ? [{ label: query ? vscode.l10n.t('No shared page matches "{0}"', query) : vscode.l10n.t('No pages are shared with the integration yet'), detail: vscode.l10n.t('Share a page: in Notion, ••• → Connections → add the integration. Or paste the page URL.'), alwaysShow: true } as PageItem] : []),
      ];
    } catch (e) {
      if (mine !== generation || ctl.signal.aborted) return;
      opts.onError?.(e);
      const pasted = tryParseNotionId(query);
      qp.items = [
        ...(pasted ? [pastedItem(pasted)] : []),
        ...recentItems(),
        { label: vscode.l10n.t('$(error) Search failed'), detail: errorText(e), alwaysShow: true },
      ];
    } finally {
      if (mine === generation) qp.busy = false;
    }
  };

  return new Promise<PickedPage | undefined>((resolve) => {
    let settled = false;
    const finish = (p: PickedPage | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      inflight?.abort();
      qp.dispose();
      resolve(p);
    };
    qp.onDidChangeValue((value) => {
      clearTimeout(timer);
      const pasted = tryParseNotionId(value);
      // A pasted link answers at once; searching its text would find nothing.
      if (pasted) {
        generation++;
        qp.busy = false;
        qp.items = [pastedItem(pasted)];
        return;
      }
      if (isNotionLink(value)) {
        generation++;
        qp.busy = false;
        qp.items = [noIdItem()];
        return;
      }
      timer = setTimeout(() => void runSearch(value.trim()), opts.debounceMs ?? SEARCH_DEBOUNCE_MS);
    });
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
      if (chosen?.page) finish(chosen.page);
    });
    qp.onDidHide(() => finish(undefined));
    qp.items = recentItems();
    qp.show();
    void runSearch('');
  });
}
