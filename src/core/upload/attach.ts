// The writes that attach a file (an upload id or an https link) to a page: cover/icon via
// PATCH page, a media block via append children, a files property through the service's
// one queue per property (filesPropertyQueue.ts). Where an earlier attempt's outcome is
// unknown, the target is read first and nothing is written when the file is already there.
import { allChildren } from '../notion/allChildren';
import type { NotionApi } from '../notion/api';
import type { Block, MediaBlockType } from '../notion/types';
import type { AttachTarget } from './types';
import { isAmbiguous } from '../notion/retry';
import { isAbort } from './retryable';
import { carries, fileObject, type FileRef } from './fileRef';
import type { FilesPropertyQueue, PropertySlot } from './filesPropertyQueue';
import { captionRichText } from './inputChecks';

export type { FileRef } from './fileRef';

export interface AttachJob {
  pageId: string;
  target: AttachTarget;
  ref: FileRef;
  /** Shown name (files property items and file blocks). */
  name: string;
  blockType: MediaBlockType;
  signal?: AbortSignal;
  /** The place this call took in the property's queue when it started (see FilesPropertyQueue.reserve). */
  slot?: PropertySlot;
}

export interface AttachResult {
  blockId?: string;
}

/** What attaching needs from the service: the client and its one files-property queue. */
export interface AttachContext {
  client: NotionApi;
  properties: FilesPropertyQueue;
}

/**
 * Attaches; with `lookFirst` (a retry after an unknown outcome, or an upload that is attached
 * somewhere already) reads the target first and writes only when the file is not there.
 */
export async function attachFile(ctx: AttachContext, job: AttachJob, lookFirst = false): Promise<AttachResult> {
  const { client } = ctx;
  const { target, signal } = job;
  if (lookFirst && target.as !== 'property') {
    const found = await findOnTarget(client, job);
    if (found) return found;
  }
  switch (target.as) {
    case 'cover':
    case 'icon':
      await client.updatePage(job.pageId, { [target.as]: fileObject(job.ref) }, { signal });
      return {};
    case 'block':
      return appendMediaBlock(client, job);
    case 'property':
      // The queue reads right before writing and never writes an item that is already there.
      await (job.slot ?? ctx.properties.reserve(job.pageId, target.pageId, target.property)).add({ ref: job.ref, name: job.name }, signal);
      return {};
    default:
      // Replace, comment and new page need reads first: the upload service handles them.
      throw new Error(`attachFile does not handle "${target.as}" targets.`);
  }
}

/** The file where the job would put it, when it is there already (a block's id for blocks). */
export async function findOnTarget(client: NotionApi, job: AttachJob): Promise<AttachResult | undefined> {
  const { target } = job;
  if (target.as === 'block') {
    const b = await findBlockCarrying(client, job);
    return b && { blockId: b.id };
  }
  const page = await client.getPage(job.pageId, { signal: job.signal });
  if (target.as === 'property') {
    const v = page.properties?.[target.property];
    return v?.type === 'files' && (v.files ?? []).some((it) => carries(it, job.ref)) ? {} : undefined;
  }
  if (target.as !== 'cover' && target.as !== 'icon') return undefined;
  return carries(page[target.as], job.ref) ? {} : undefined;
}

function mediaBlock(job: AttachJob): Record<string, unknown> {
  const caption = job.target.as === 'block' ? captionRichText(job.target.caption) : [];
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
  // The last one: a retried append adds at the end.
  return (await allChildren(client, job.pageId, job.signal)).filter((b) => b.type === job.blockType && carries(b[b.type], job.ref)).at(-1);
}
