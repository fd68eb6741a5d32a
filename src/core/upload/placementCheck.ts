// Whether a recorded attachment still holds the upload, read from Notion: the page's cover or
// icon, its files property, the block it created or replaced. Notion reads an attached upload
// back as a hosted file whose URL path carries the upload id (fileRef.ts `carries`).
import type { AttachmentRecord } from '../history/types';
import { allChildren } from '../notion/allChildren';
import type { NotionApi } from '../notion/api';
import type { Block, Page } from '../notion/types';
import { carries, type FileRef } from './fileRef';
import { statusOf } from './retryable';

export type PlacementStatus = 'there' | 'gone' | 'unknown';

/** Reads each page and block once per check (several attachments often share a page). */
class Reads {
  private readonly pages = new Map<string, Promise<Page | undefined>>();
  private readonly children = new Map<string, Promise<Block[]>>();

  constructor(private readonly client: NotionApi, private readonly signal?: AbortSignal) {}

  /** undefined: the page is gone (404, in the trash). */
  page(id: string): Promise<Page | undefined> {
    let p = this.pages.get(id);
    if (!p) this.pages.set(id, (p = orGone(this.client.getPage(id, { signal: this.signal }).then((pg) => (pg.in_trash || pg.archived ? undefined : pg)))));
    return p;
  }

  async block(id: string): Promise<Block | undefined> {
    return orGone(this.client.getBlock(id, { signal: this.signal }).then((b) => (b.in_trash || b.archived ? undefined : b)));
  }

  blocksOf(pageId: string): Promise<Block[]> {
    let p = this.children.get(pageId);
    if (!p) this.children.set(pageId, (p = allChildren(this.client, pageId, this.signal)));
    return p;
  }
}

async function orGone<T>(p: Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

const blockCarries = (b: Block | undefined, ref: FileRef) => !!b && carries(b[b.type], ref);

function pageCarries(page: Page, ref: FileRef, property?: string): boolean {
  const props = Object.entries(page.properties ?? {}).filter(([name, v]) => v.type === 'files' && (property === undefined || name === property));
  return props.some(([, v]) => (v.files ?? []).some((it) => carries(it, ref)));
}

/** Where `a` put the upload `fileUploadId`: still there, gone, or not readable (a comment). */
async function placementStatus(reads: Reads, fileUploadId: string, a: AttachmentRecord): Promise<PlacementStatus> {
  const ref: FileRef = { type: 'file_upload', id: fileUploadId };
  const page = await reads.page(a.pageId);
  if (!page) return 'gone';
  switch (a.placement) {
    case 'cover':
    case 'icon':
      return carries(page[a.placement], ref) ? 'there' : 'gone';
    case 'property':
      return pageCarries(page, ref, a.detail) ? 'there' : 'gone';
    case 'block':
    case 'replace':
      if (a.blockId) return blockCarries(await reads.block(a.blockId), ref) ? 'there' : 'gone';
      return (await reads.blocksOf(a.pageId)).some((b) => blockCarries(b, ref)) ? 'there' : 'gone';
    case 'newPage':
      // The new page holds it as cover, icon, in a files property or in a block.
      if (carries(page.cover, ref) || carries(page.icon, ref) || pageCarries(page, ref)) return 'there';
      return (await reads.blocksOf(a.pageId)).some((b) => blockCarries(b, ref)) ? 'there' : 'gone';
    case 'comment':
      // The API cannot edit or delete a comment; it stays while its page does.
      return 'there';
    default:
      return 'unknown';
  }
}

/** The attachments that still hold the upload, read from Notion; `gone` lists the others. */
export async function checkPlacements(
  client: NotionApi,
  fileUploadId: string,
  attachments: readonly AttachmentRecord[],
  signal?: AbortSignal,
): Promise<{ kept: AttachmentRecord[]; gone: AttachmentRecord[] }> {
  const reads = new Reads(client, signal);
  const kept: AttachmentRecord[] = [];
  const gone: AttachmentRecord[] = [];
  for (const a of attachments) ((await placementStatus(reads, fileUploadId, a)) === 'gone' ? gone : kept).push(a);
  return { kept, gone };
}
