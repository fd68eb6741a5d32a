// Sends a local file's bytes to Notion: a new single- or multi-part upload, or the rest of
// an interrupted multi-part one. Keeps the history record current (parts acknowledged,
// expiry) so an interruption at any point can be resumed.
import type { UploadHistory } from '../history/uploadHistory';
import type { UploadRecord } from '../history/types';
import type { NotionApi } from '../notion/api';
import type { FileUpload } from '../notion/types';
import { assertUnchanged, openFileBlob, type LocalFile } from './localFile';
import { partRange, planParts, type PartPlan } from './partPlan';
import { ThrottledProgress } from './progress';
import { sendParts } from './sendParts';
import type { UploadOptions } from './types';

export interface SendContext {
  client: NotionApi;
  history: UploadHistory;
  concurrency: number;
  partSizeBytes: number;
  progressIntervalMs: number;
}

/** Creates the upload named in `record` (already in history) and sends every byte. */
export async function sendNewUpload(ctx: SendContext, file: LocalFile, key: string, opts: UploadOptions): Promise<FileUpload> {
  const plan = planParts(file.sizeBytes, ctx.partSizeBytes);
  const blob = await openFileBlob(file);
  const progress = new ThrottledProgress(file.sizeBytes, opts.onProgress, ctx.progressIntervalMs);
  const created = await ctx.client.createFileUpload(
    {
      mode: plan.mode,
      filename: file.filename,
      contentType: file.contentType,
      numberOfParts: plan.mode === 'multi_part' ? plan.numberOfParts : undefined,
    },
    { signal: opts.signal },
  );
  ctx.history.update(key, {
    fileUploadId: created.id,
    createdTime: created.created_time,
    expiryTime: created.expiry_time,
    partsDone: plan.mode === 'multi_part' ? [] : undefined,
  });
  if (plan.mode === 'single_part') {
    const part = {
      data: blob.slice(0, file.sizeBytes, file.contentType),
      file: { path: file.readPath, start: 0, end: file.sizeBytes, sizeBytes: file.sizeBytes, mtimeMs: file.mtimeMs },
      filename: file.filename,
      contentType: file.contentType,
      onBytes: (n: number) => progress.update(n),
    };
    // A read error from a file edited mid-send reads better as "the file changed".
    const sent = await ctx.client.sendFileUpload(created.id, part, { signal: opts.signal }).catch(async (err) => {
      await assertUnchanged(file);
      throw err;
    });
    // The bytes are stored already; if the file moved under us they may be a mix: fail, never attach.
    await assertUnchanged(file);
    progress.update(file.sizeBytes, true);
    return sent;
  }
  return sendRemainingParts(ctx, file, key, blob, plan, created.id, [], progress, opts);
}

/** Continues a multi-part upload from the parts the record says were acknowledged. */
export async function resumeParts(ctx: SendContext, file: LocalFile, record: UploadRecord, opts: UploadOptions): Promise<FileUpload> {
  const plan: PartPlan = {
    mode: 'multi_part',
    sizeBytes: file.sizeBytes,
    partSizeBytes: record.partSizeBytes!,
    numberOfParts: record.numberOfParts!,
  };
  const blob = await openFileBlob(file);
  const progress = new ThrottledProgress(file.sizeBytes, opts.onProgress, ctx.progressIntervalMs);
  return sendRemainingParts(ctx, file, record.key, blob, plan, record.fileUploadId!, record.partsDone ?? [], progress, opts);
}

async function sendRemainingParts(
  ctx: SendContext,
  file: LocalFile,
  key: string,
  blob: Blob,
  plan: Extract<PartPlan, { mode: 'multi_part' }>,
  fileUploadId: string,
  alreadyDone: number[],
  progress: ThrottledProgress,
  opts: UploadOptions,
): Promise<FileUpload> {
  const done = new Set(alreadyDone);
  const partBytes = (n: number) => {
    const [a, b] = partRange(plan, n);
    return b - a;
  };
  let doneBytes = [...done].reduce((s, n) => s + partBytes(n), 0);
  let inFlight = 0;
  const todo = Array.from({ length: plan.numberOfParts }, (_, i) => i + 1).filter((n) => !done.has(n));
  progress.update(doneBytes, true);
  try {
    await sendParts({
      client: ctx.client,
      fileUploadId,
      blob,
      file: { path: file.readPath, mtimeMs: file.mtimeMs },
      filename: file.filename,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      partSizeBytes: plan.partSizeBytes,
      todo,
      concurrency: ctx.concurrency,
      signal: opts.signal,
      onPartDone: (n) => {
        done.add(n);
        doneBytes += partBytes(n);
        ctx.history.update(key, { partsDone: [...done].sort((a, b) => a - b), sentBytes: doneBytes });
      },
      // Notice an edit between parts at once rather than after sending everything.
      afterPart: () => assertUnchanged(file),
      onInFlightBytes: (bytes) => {
        inFlight = bytes;
        progress.update(doneBytes + inFlight);
      },
    });
  } catch (err) {
    // A read error from a file edited mid-send reads better as "the file changed".
    await assertUnchanged(file);
    throw err;
  }
  await assertUnchanged(file);
  // The client settles an ambiguous complete by reading the upload's status.
  const completed = await ctx.client.completeFileUpload(fileUploadId, { signal: opts.signal });
  progress.update(file.sizeBytes, true);
  return completed;
}
