// The field differences between Notion API versions, handled in one place so callers write
// and read one shape whatever version the client speaks:
// - 2026-03-11 renamed `archived` to `in_trash`: responses always carry both, requests are
//   written with the name the version expects.
// - 2026-03-11 replaced append's `after: <id>` with `position: {type, …}`.
import * as l10n from '@vscode/l10n';
import { NOTION_VERSIONS, type AppendPosition, type NotionVersion } from './types';

export function assertNotionVersion(v: string): NotionVersion {
  if ((NOTION_VERSIONS as readonly string[]).includes(v)) return v as NotionVersion;
  throw new Error(l10n.t('Unsupported Notion-Version "{0}": use one of {1}.', v, NOTION_VERSIONS.join(', ')));
}

export function hasV2026Fields(v: NotionVersion): boolean {
  return v >= '2026-03-11';
}

const TRASHABLE = new Set(['page', 'block', 'file_upload', 'database', 'data_source']);

/** Makes `in_trash` (and `archived`) present on every object that has either, including list results. */
export function normaliseTrash<T>(value: T): T {
  if (Array.isArray(value)) {
    value.forEach(normaliseTrash);
    return value;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.object === 'list' && Array.isArray(o.results)) {
      o.results.forEach(normaliseTrash);
    } else if (typeof o.object === 'string' && TRASHABLE.has(o.object)) {
      const trashed = o.in_trash ?? o.archived;
      if (typeof trashed === 'boolean') {
        o.in_trash = trashed;
        o.archived = trashed;
      }
    }
  }
  return value;
}

/** A page/block update body with `in_trash`/`archived` spelled the way `v` expects. */
export function trashFieldForVersion(body: Record<string, unknown>, v: NotionVersion): Record<string, unknown> {
  const trashed = body.in_trash ?? body.archived;
  if (trashed === undefined) return body;
  const { in_trash: _t, archived: _a, ...rest } = body;
  return hasV2026Fields(v) ? { ...rest, in_trash: trashed } : { ...rest, archived: trashed };
}

/** The append-children fields that place new blocks, for version `v`. */
export function positionFields(position: AppendPosition | undefined, v: NotionVersion): Record<string, unknown> {
  if (!position || position.type === 'end') return {};
  if (hasV2026Fields(v)) {
    return position.type === 'start'
      ? { position: { type: 'start' } }
      : { position: { type: 'after_block', after_block: { id: position.blockId } } };
  }
  if (position.type === 'after_block') return { after: position.blockId };
  throw new Error(
    l10n.t('Inserting blocks at the start of a page needs Notion-Version 2026-03-11; this client uses {0}, which can only append at the end or after a block.', v),
  );
}
