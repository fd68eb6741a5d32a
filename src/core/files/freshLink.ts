// Notion-hosted files come back as signed URLs that live about an hour. A link is
// "fresh" when it has more than five minutes left; otherwise re-read the object that owns
// it (the page for cover/icon/property, the block for blocks) for a newly signed URL.
import * as l10n from '@vscode/l10n';
import { ExpectedError, withoutSignedQuery } from '../expectedError';
import type { NotionApi, RequestOptions } from '../notion/api';
import type { Block } from '../notion/types';
import { fileOfBlock, filesOfPage } from './extract';
import { describeLocation, isNotionHosted, type PageFile } from './types';

export const REFRESH_MARGIN_MS = 5 * 60_000;

/** The file is no longer where it was found (block deleted, cover removed, property edited). */
export class FileGoneError extends ExpectedError {
  readonly file: PageFile;
  constructor(file: PageFile, detail: string) {
    super(l10n.t('“{0}” ({1}) is no longer on page {2}: {3}. Refresh the list.', file.name, describeLocation(file.location), file.pageId, detail));
    this.name = 'FileGoneError';
    this.file = withoutSignedQuery(file);
  }
}

export interface FreshOptions extends RequestOptions {
  /** Clock for expiry checks, ms since epoch (default Date.now). */
  now?: () => number;
  /** Re-read even if the link looks fresh (e.g. the file host just refused it). */
  force?: boolean;
}

/** True when the link is missing, has no known expiry, or expires within the margin. */
export function needsRefresh(file: PageFile, nowMs: number): boolean {
  if (!isNotionHosted(file)) return false;
  if (!file.url || !file.expiryTime) return true;
  const expiry = Date.parse(file.expiryTime);
  return !Number.isFinite(expiry) || expiry - nowMs <= REFRESH_MARGIN_MS;
}

/** Re-reads the owner and returns the file as it is now at the same place. */
export async function refetchFile(api: NotionApi, file: PageFile, opts: RequestOptions = {}): Promise<PageFile> {
  const loc = file.location;
  let current: PageFile | undefined;
  if (loc.type === 'block') {
    const block = (await api.getBlock(loc.blockId, opts)) as Block;
    if (block.in_trash || block.archived) throw new FileGoneError(file, l10n.t('its block was deleted'));
    current = fileOfBlock(file.pageId, block, loc.depth);
  } else {
    const page = await api.getPage(file.pageId, opts);
    const candidates = filesOfPage(page).filter((f) => f.location.type === loc.type);
    if (loc.type === 'property') {
      // The value may have been edited since: prefer the same index, then the same name.
      const sameProp = candidates.filter((f) => f.location.type === 'property' && f.location.property === loc.property);
      current =
        sameProp.find((f) => f.key === file.key && f.name === file.name) ?? sameProp.find((f) => f.name === file.name);
    } else {
      current = candidates[0];
    }
  }
  if (!current || !current.url) throw new FileGoneError(file, l10n.t('Notion returned no file there'));
  // Keep what we knew about its origin, as long as it is still the same file.
  if (file.fileUploadId && current.name === file.name && current.kind === 'hosted') {
    return { ...current, key: file.key, kind: 'upload', fileUploadId: file.fileUploadId };
  }
  return { ...current, key: file.key };
}

/** The file with a link that is good for at least five more minutes. */
export async function ensureFresh(api: NotionApi, file: PageFile, opts: FreshOptions = {}): Promise<PageFile> {
  const now = (opts.now ?? Date.now)();
  if (!opts.force && !needsRefresh(file, now)) return file;
  if (!isNotionHosted(file)) return file;
  return refetchFile(api, file, { signal: opts.signal });
}
