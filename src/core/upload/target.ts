// Resolving and checking where a file goes, with reads only: the page exists and is shared,
// the property exists, is of type `files`, sits on a database page and has room.
import * as l10n from '@vscode/l10n';
import { parseNotionId } from '../ids';
import type { NotionApi } from '../notion/api';
import type { Page } from '../notion/types';
import type { AttachTarget } from './types';
import { UploadValidationError } from './errors';
import { statusOf } from './retryable';

/** Notion's cap on items in one files property value (and children per append). */
export const MAX_FILES_PER_PROPERTY = 100;

export function resolvePageId(target: AttachTarget): string {
  try {
    return parseNotionId(target.pageId, 'page');
  } catch (e) {
    throw new UploadValidationError(target.pageId, 'invalid-page-id', (e as Error).message);
  }
}

/** GET the page; 404/400 become a validation error that says the target is not a (shared) page. */
export async function fetchTargetPage(client: NotionApi, pageId: string, shown: string, signal?: AbortSignal): Promise<Page> {
  try {
    const page = await client.getPage(pageId, { signal });
    if (page.object !== 'page') throw notAPage(shown);
    if (page.in_trash || page.archived) {
      throw new UploadValidationError(shown, 'not-a-page', l10n.t('{0}: the page is in the trash; restore it before attaching files.', shown));
    }
    return page;
  } catch (err) {
    const status = statusOf(err);
    // Notion's own words only: notAPage already says how to share, the client's human message would repeat it.
    if (status === 404 || status === 400) throw notAPage(shown, (err as { notionMessage?: string }).notionMessage);
    throw err;
  }
}

function notAPage(shown: string, why?: string): UploadValidationError {
  return new UploadValidationError(
    shown,
    'not-a-page',
    l10n.t('{0} is not a page the integration can see (it may be a block or a database, or not shared with the integration: open it in Notion, ••• → Connections, add the integration).', shown) +
      (why ? ` ${why}` : ''),
  );
}

/** Names of the page's properties of type `files`. */
export function filesPropertyNames(page: Page): string[] {
  return Object.entries(page.properties ?? {})
    .filter(([, v]) => v?.type === 'files')
    .map(([k]) => k);
}

/** Checks a property target against the page and returns the property's current items. */
export function checkFilesProperty(page: Page, property: string, file: string, adding = 1): unknown[] {
  const parentType = page.parent?.type;
  if (parentType !== 'database_id' && parentType !== 'data_source_id') {
    throw new UploadValidationError(
      file,
      'not-in-database',
      l10n.t('Cannot put {0} in property "{1}": the page is not in a database, so it has no files properties.', file, property),
    );
  }
  const value = page.properties?.[property];
  if (!value) {
    const names = filesPropertyNames(page);
    throw new UploadValidationError(
      file,
      'property-missing',
      names.length
        ? l10n.t('Cannot put {0} in property "{1}": the page has no such property (its files properties: {2}).', file, property, names.map((n) => `"${n}"`).join(', '))
        : l10n.t('Cannot put {0} in property "{1}": the page has no such property and no files property.', file, property),
    );
  }
  if (value.type !== 'files') {
    throw new UploadValidationError(
      file,
      'property-not-files',
      l10n.t('Cannot put {0} in property "{1}": it is a {2} property; only files properties hold files.', file, property, value.type),
    );
  }
  const items = value.files ?? [];
  if (items.length + adding > MAX_FILES_PER_PROPERTY) {
    throw new UploadValidationError(
      file,
      'too-many-files',
      l10n.t('Cannot put {0} in property "{1}": it already holds {2} files and Notion allows {3}.', file, property, items.length, MAX_FILES_PER_PROPERTY),
    );
  }
  return items;
}
