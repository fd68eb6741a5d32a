// What the file browser finds on a page: one PageFile per cover, icon, file-bearing block
// and `files` property item, with where it sits and how it is hosted.
import * as l10n from '@vscode/l10n';

/** Block types whose payload is a file object (Notion-hosted or external). */
export const FILE_BLOCK_TYPES = ['image', 'video', 'audio', 'pdf', 'file'] as const;
/** Block types that only carry a URL. */
export const URL_BLOCK_TYPES = ['embed', 'bookmark'] as const;
export type FileBlockType = (typeof FILE_BLOCK_TYPES)[number];
export type UrlBlockType = (typeof URL_BLOCK_TYPES)[number];

/** Where a file sits on its page; the owner (page or block) is what gets re-fetched for a fresh link. */
export type FileLocation =
  | { type: 'cover' }
  | { type: 'icon' }
  | { type: 'block'; blockId: string; blockType: FileBlockType | UrlBlockType; depth: number }
  | { type: 'property'; property: string; index: number };

/**
 * - `hosted`: Notion-hosted (`type: "file"`), a signed URL that lives about an hour.
 * - `upload`: Notion-hosted and known to be one of our uploads (`fileUploadId` set).
 * - `external`: a permanent URL Notion only points at (external file, embed, bookmark).
 */
export type FileKind = 'hosted' | 'upload' | 'external';

export interface PageFile {
  /** Unique within the page: `cover`, `icon`, `block:<id>`, `property:<name>:<index>`. */
  key: string;
  pageId: string;
  /** The name Notion reports, or the last segment of the URL's path. */
  name: string;
  location: FileLocation;
  kind: FileKind;
  /** Empty only for a `file_upload` reference that Notion has not resolved to a URL. */
  url: string;
  /** ISO time the signed URL stops working (hosted and upload kinds). */
  expiryTime?: string;
  /** Our upload's id, when the file is known to come from one (kind `upload`). */
  fileUploadId?: string;
}

/** Human label for where a file sits, e.g. "cover", "image block", "property “Files”". */
export function describeLocation(loc: FileLocation): string {
  switch (loc.type) {
    case 'cover':
      return l10n.t('cover');
    case 'icon':
      return l10n.t('icon');
    case 'block':
      return l10n.t('{0} block', loc.blockType);
    case 'property':
      return l10n.t('property “{0}”', loc.property);
  }
}

export function isNotionHosted(file: PageFile): boolean {
  return file.kind === 'hosted' || file.kind === 'upload';
}

export interface WalkProgress {
  /** Blocks read so far. */
  blocks: number;
  /** Files found so far. */
  files: number;
  /** Child-list requests made so far (each is one rate-limited request). */
  requests: number;
  /** Blocks that hold children the depth limit kept the walk out of. */
  skippedDeep: number;
}
