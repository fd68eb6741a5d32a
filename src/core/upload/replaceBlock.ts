// Replacing the file of an existing image/video/audio/pdf/file block (Notion's "Update a
// block": PATCH /v1/blocks/{id} with `{<type>: {file_upload: {id}}}`). Checks, with reads
// only: the block exists, the integration sees it, it is a live media block on the page;
// then the write, which keeps the caption unless a new one is given.
import * as l10n from '@vscode/l10n';
import { fileOfBlock } from '../files/extract';
import { walkPageFiles } from '../files/walk';
import { FILE_BLOCK_TYPES } from '../files/types';
import { parseNotionId } from '../ids';
import { contentTypeFor } from '../media';
import type { NotionApi } from '../notion/api';
import type { Block, MediaBlockType } from '../notion/types';
import { UploadValidationError } from './errors';
import { statusOf } from './retryable';
import type { FileRef } from './attach';

/** What a replace needs to know about the block, read before anything is uploaded. */
export interface ReplaceContext {
  blockId: string;
  blockType: MediaBlockType;
  /** The file the block holds now, recorded in the history with the replacement. */
  previous: { name: string; contentType?: string; kind: string };
}

/** Parents walked up from the block to its page (nested lists, toggles, columns). */
const MAX_PARENT_HOPS = 20;

export async function readReplaceTarget(client: NotionApi, blockRef: string, pageId: string, signal?: AbortSignal): Promise<ReplaceContext> {
  let blockId: string;
  try {
    blockId = parseNotionId(blockRef, 'block');
  } catch (e) {
    throw new UploadValidationError(blockRef, 'invalid-block-id', (e as Error).message);
  }
  const block = await readBlock(client, blockId, blockRef, signal);
  if (block.in_trash || block.archived) {
    throw new UploadValidationError(blockRef, 'not-a-media-block', l10n.t('The block {0} is in the trash; restore it before replacing its file.', blockRef));
  }
  if (!(FILE_BLOCK_TYPES as readonly string[]).includes(block.type)) {
    throw new UploadValidationError(
      blockRef,
      'not-a-media-block',
      l10n.t('The block {0} is a {1} block: only image, video, audio, pdf and file blocks hold a file to replace.', blockRef, block.type.replace(/_/g, ' ')),
    );
  }
  await checkOnPage(client, block, pageId, blockRef, signal);
  const held = fileOfBlock(pageId, block, 0);
  const name = held?.name ?? 'file';
  return { blockId: block.id, blockType: block.type as MediaBlockType, previous: { name, contentType: contentTypeFor(name), kind: held?.kind ?? 'unknown' } };
}

async function readBlock(client: NotionApi, id: string, shown: string, signal?: AbortSignal): Promise<Block> {
  try {
    return await client.getBlock(id, { signal });
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 400) {
      throw new UploadValidationError(
        shown,
        'not-a-media-block',
        l10n.t('{0} is not a block the integration can see (it may be deleted, or its page is not shared with the integration: open the page in Notion, ••• → Connections, add the integration).', shown),
      );
    }
    throw err;
  }
}

/** The block sits on the page (directly or nested in other blocks): the history then names the right page. */
async function checkOnPage(client: NotionApi, block: Block, pageId: string, shown: string, signal?: AbortSignal): Promise<void> {
  let parent = block.parent;
  for (let hop = 0; parent && hop < MAX_PARENT_HOPS; hop++) {
    if (parent.type === 'page_id') {
      if (parent.page_id === pageId) return;
      break;
    }
    if (parent.type !== 'block_id' || typeof parent.block_id !== 'string') break;
    parent = (await client.getBlock(parent.block_id, { signal })).parent;
  }
  throw new UploadValidationError(shown, 'not-a-media-block', l10n.t('The block {0} is not on page {1}.', shown, pageId));
}

/** The PATCH: the new file in the block's own type; `caption` replaces the caption only when given. */
export async function replaceBlockFile(
  client: NotionApi, ctx: ReplaceContext, ref: FileRef, name: string, caption: string | undefined, signal?: AbortSignal,
): Promise<void> {
  const payload: Record<string, unknown> =
    ref.type === 'file_upload' ? { type: 'file_upload', file_upload: { id: ref.id } } : { type: 'external', external: { url: ref.url } };
  if (caption !== undefined) payload.caption = caption ? [{ type: 'text', text: { content: caption } }] : [];
  if (ctx.blockType === 'file') payload.name = name;
  // Setting the same file twice gives the same block: the client may repeat it safely.
  await client.updateBlock(ctx.blockId, { [ctx.blockType]: payload }, { signal });
}

/** A block whose file can be replaced, as a chooser shows it. */
export interface MediaBlockChoice {
  blockId: string;
  blockType: MediaBlockType;
  /** The file it holds now. */
  name: string;
  kind: string;
  depth: number;
}

/** The page's image/video/audio/pdf/file blocks, nested ones included (as deep as the browser reads). */
export async function listMediaBlocks(client: NotionApi, pageId: string, opts: { maxDepth?: number; signal?: AbortSignal } = {}): Promise<MediaBlockChoice[]> {
  const out: MediaBlockChoice[] = [];
  await walkPageFiles(client, pageId, {
    maxDepth: opts.maxDepth,
    signal: opts.signal,
    onFile: (f) => {
      const loc = f.location;
      if (loc.type === 'block' && (FILE_BLOCK_TYPES as readonly string[]).includes(loc.blockType)) {
        out.push({ blockId: loc.blockId, blockType: loc.blockType as MediaBlockType, name: f.name, kind: f.kind, depth: loc.depth });
      }
    },
  });
  return out;
}
