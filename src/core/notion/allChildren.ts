// Every child block of a page or block, following Notion's cursor 100 at a time.
import type { NotionApi } from './api';
import type { Block } from './types';

export async function allChildren(client: NotionApi, blockId: string, signal?: AbortSignal): Promise<Block[]> {
  const out: Block[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listBlockChildren(blockId, { startCursor: cursor, pageSize: 100 }, { signal });
    out.push(...page.results);
    cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
  } while (cursor);
  return out;
}
