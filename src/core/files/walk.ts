// Walks a page for files: the page object (cover, icon, files properties), then its block
// tree in document order, page by page (100 children per request) and into nested blocks
// up to a depth limit. Requests go one at a time through the client, so its limiter paces
// them; results are reported as they are found so a cancelled walk keeps what it found.
import type { NotionApi } from '../notion/api';
import { pageTitle } from '../notion/pageSummary';
import type { Block } from '../notion/types';
import { fileOfBlock, filesOfPage, isOtherPage } from './extract';
import type { PageFile, WalkProgress } from './types';

export const DEFAULT_MAX_DEPTH = 5;

export interface WalkOptions {
  /** Block nesting levels to read: 1 = the page's own children only (default 5). */
  maxDepth?: number;
  signal?: AbortSignal;
  onFile?: (file: PageFile) => void;
  onProgress?: (p: WalkProgress) => void;
}

export interface WalkResult extends WalkProgress {
  pageId: string;
  title: string;
  files: number;
}

export async function walkPageFiles(api: NotionApi, pageId: string, opts: WalkOptions = {}): Promise<WalkResult> {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxDepth must be a whole number of at least 1 (got ${maxDepth}).`);
  }
  const signal = opts.signal;
  const progress: WalkProgress = { blocks: 0, files: 0, requests: 0, skippedDeep: 0 };
  const found = (f: PageFile) => {
    progress.files++;
    opts.onFile?.(f);
  };
  const report = () => opts.onProgress?.({ ...progress });

  signal?.throwIfAborted();
  const page = await api.getPage(pageId, { signal });
  for (const f of filesOfPage(page)) found(f);
  report();

  const visit = async (parentId: string, depth: number): Promise<void> => {
    let cursor: string | undefined;
    do {
      signal?.throwIfAborted();
      const list = await api.listBlockChildren(parentId, { startCursor: cursor, pageSize: 100 }, { signal });
      progress.requests++;
      for (const block of list.results as Block[]) {
        progress.blocks++;
        const f = fileOfBlock(page.id, block, depth);
        if (f) found(f);
        if (block.has_children && !isOtherPage(block)) {
          if (depth < maxDepth) await visit(block.id, depth + 1);
          else progress.skippedDeep++;
        }
      }
      report();
      cursor = list.has_more && list.next_cursor ? list.next_cursor : undefined;
    } while (cursor);
  };
  await visit(page.id, 1);
  return { pageId: page.id, title: pageTitle(page as unknown as Record<string, unknown>), ...progress };
}
