// The writes that attach a file (an upload id or an https link) to a page: cover/icon via
// PATCH page, a media block via append children, a files property via read-modify-write.
import type { NotionApi } from '../notion/api';
import type { Block, FileObjectRequest, MediaBlockType } from '../notion/types';
import { checkFilesProperty, fetchTargetPage } from './target';
import type { AttachTarget } from './types';
import { isAmbiguous } from '../notion/retry';
import { isAbort } from './retryable';

export type FileRef = { type: 'file_upload'; id: string } | { type: 'external'; url: string };

export interface AttachJob {
  pageId: string;
  target: AttachTarget;
  ref: FileRef;
  /** Shown name (files property items and file blocks). */
  name: string;
  blockType: MediaBlockType;
  signal?: AbortSignal;
}

export interface AttachResult {
  blockId?: string;
}

function fileObject(ref: FileRef, name?: string): FileObjectRequest {
  const base: FileObjectRequest =
    ref.type === 'file_upload'
      ? { type: 'file_upload', file_upload: { id: ref.id } }
      : { type: 'external', external: { url: ref.url } };
  return name === undefined ? base : { ...base, name };
}

export async function attachFile(client: NotionApi, job: AttachJob): Promise<AttachResult> {
  const { target, signal } = job;
  switch (target.as) {
    case 'cover':
    case 'icon':
      await client.updatePage(job.pageId, { [target.as]: fileObject(job.ref) }, { signal });
      return {};
    case 'block':
      return appendMediaBlock(client, job);
    case 'property':
      await appendToFilesProperty(client, job, target.property);
      return {};
    default:
      // Replace, comment and new page need reads first: the upload service handles them.
      throw new Error(`attachFile does not handle "${target.as}" targets.`);
  }
}

function mediaBlock(job: AttachJob): Record<string, unknown> {
  const caption = job.target.as === 'block' && job.target.caption ? [{ type: 'text', text: { content: job.target.caption } }] : [];
  const payload: Record<string, unknown> = { ...fileObject(job.ref), caption };
  if (job.blockType === 'file') payload.name = job.name;
  return { object: 'block', type: job.blockType, [job.blockType]: payload };
}

/** Append is not idempotent: after an ambiguous failure, look for the block before appending again. */
async function appendMediaBlock(client: NotionApi, job: AttachJob, attempts = 3): Promise<AttachResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await client.appendBlockChildren(job.pageId, [mediaBlock(job)], undefined, { signal: job.signal });
      const created = [...res.results].reverse().find((b) => b.type === job.blockType);
      return { blockId: created?.id };
    } catch (err) {
      if (isAbort(err, job.signal) || !isAmbiguous(err) || attempt >= attempts) throw err;
      const existing = await findBlockCarrying(client, job);
      if (existing) return { blockId: existing.id };
    }
  }
}

/** A child of the page of the right type that carries this upload / link. */
export async function findBlockCarrying(client: NotionApi, job: AttachJob): Promise<Block | undefined> {
  let cursor: string | undefined;
  let found: Block | undefined;
  do {
    const page = await client.listBlockChildren(job.pageId, { startCursor: cursor, pageSize: 100 }, { signal: job.signal });
    for (const b of page.results) if (b.type === job.blockType && carries(b, job.ref)) found = b;
    cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
  } while (cursor);
  return found;
}

function carries(block: Block, ref: FileRef): boolean {
  const payload = block[block.type] as Record<string, any> | undefined;
  if (!payload) return false;
  if (ref.type === 'external') return payload.type === 'external' && payload.external?.url === ref.url;
  if (payload.type === 'file_upload') return payload.file_upload?.id === ref.id;
  // Read back as a Notion-hosted file: its signed URL's path carries the upload id.
  const url: unknown = payload.file?.url;
  return typeof url === 'string' && (url.includes(ref.id) || url.includes(ref.id.replace(/-/g, '')));
}

/** PATCH replaces the whole value: read the current items first and append ours. */
async function appendToFilesProperty(client: NotionApi, job: AttachJob, property: string): Promise<void> {
  const page = await fetchTargetPage(client, job.pageId, job.target.pageId, job.signal);
  const current = checkFilesProperty(page, property, job.name);
  const kept = current.map(keepItem);
  await client.updatePage(
    job.pageId,
    { properties: { [property]: { files: [...kept, fileObject(job.ref, job.name)] } } },
    { signal: job.signal },
  );
}

/** An item as read, in the shape a write accepts (Notion-hosted files keep their url, minus expiry). */
function keepItem(item: unknown): Record<string, unknown> {
  const it = item as Record<string, any>;
  if (it.type === 'file') return { type: 'file', name: it.name, file: { url: it.file?.url } };
  if (it.type === 'external') return { type: 'external', name: it.name, external: { url: it.external?.url } };
  return { ...it };
}
