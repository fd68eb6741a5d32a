// What the page picker shows next to a page's title instead of its raw id: where the page
// sits (in a database, a sub-page, top level) and when it was last edited.
import * as l10n from '@vscode/l10n';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Where a page is, from the search result's parent type (undefined when unknown). */
export function placeOf(parentType: string | undefined): string | undefined {
  switch (parentType) {
    case 'database_id':
    case 'data_source_id':
      return l10n.t('in a database');
    case 'page_id':
    case 'block_id':
      return 'sub-page';
    case 'workspace':
      return l10n.t('top-level page');
    default:
      return undefined;
  }
}

/** "edited just now", "edited 5 min ago", "edited 3 h ago", "edited 2 days ago", "edited 2026-10-01". */
export function editedAgo(iso: string | undefined, now: number): string | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return undefined;
  const ago = Math.max(0, now - t);
  if (ago < MINUTE) return l10n.t('edited just now');
  if (ago < HOUR) return l10n.t('edited {0} min ago', Math.floor(ago / MINUTE));
  if (ago < DAY) return l10n.t('edited {0} h ago', Math.floor(ago / HOUR));
  if (ago < 30 * DAY) return ago < 2 * DAY ? l10n.t('edited 1 day ago') : l10n.t('edited {0} days ago', Math.floor(ago / DAY));
  return l10n.t('edited {0}', new Date(t).toISOString().slice(0, 10));
}

/** "in a database · edited 3 h ago"; undefined when nothing is known. */
export function pageDescription(p: { parentType?: string; lastEditedTime?: string }, now: number, extra?: string): string | undefined {
  const parts = [extra, placeOf(p.parentType), editedAgo(p.lastEditedTime, now)].filter((x): x is string => !!x);
  return parts.length ? parts.join(' · ') : undefined;
}
