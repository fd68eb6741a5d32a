// Sends the parts of a multi-part upload from disk, `concurrency` at a time, in any order.
// Each part is retried on its own by the client's policy (a send is idempotent: same part
// number, same bytes); a part that still fails stops the others at once.
import type { NotionApi } from '../notion/api';
import { partRange } from './partPlan';

export interface PartsJob {
  client: NotionApi;
  fileUploadId: string;
  blob: Blob;
  /** The file behind `blob` as it was snapshot: parts are read from it directly. */
  file: { path: string; mtimeMs: number };
  filename: string;
  contentType: string;
  sizeBytes: number;
  partSizeBytes: number;
  /** Part numbers still to send (1-based). */
  todo: number[];
  concurrency: number;
  signal?: AbortSignal;
  onPartDone(partNumber: number): void;
  /** Runs after each acknowledged part; throwing stops the upload (e.g. the file changed). */
  afterPart?: () => Promise<void>;
  /** Bytes on the wire for parts not yet acknowledged (sum over parts in flight). */
  onInFlightBytes(bytes: number): void;
}

export async function sendParts(job: PartsJob): Promise<void> {
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort(job.signal!.reason);
  if (job.signal?.aborted) throw job.signal.reason;
  job.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const queue = [...job.todo];
  const inFlight = new Map<number, number>();
  const report = () => {
    let sum = 0;
    for (const v of inFlight.values()) sum += v;
    job.onInFlightBytes(sum);
  };
  let failure: unknown;

  const sendOne = async (partNumber: number) => {
    const [start, end] = partRange(job, partNumber);
    inFlight.set(partNumber, 0);
    try {
      await job.client.sendFileUpload(
        job.fileUploadId,
        {
          data: job.blob.slice(start, end, job.contentType),
          file: { path: job.file.path, start, end, sizeBytes: job.sizeBytes, mtimeMs: job.file.mtimeMs },
          filename: job.filename,
          contentType: job.contentType,
          partNumber,
          // A retried attempt starts again from 0.
          onBytes: (sent) => {
            inFlight.set(partNumber, Math.min(sent, end - start));
            report();
          },
        },
        { signal: stop.signal },
      );
      job.onPartDone(partNumber);
    } finally {
      inFlight.delete(partNumber);
      report();
    }
    await job.afterPart?.();
  };

  const worker = async () => {
    while (queue.length > 0 && !failure) {
      const partNumber = queue.shift()!;
      try {
        await sendOne(partNumber);
      } catch (err) {
        if (!failure) failure = err;
        stop.abort(err);
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(job.concurrency, queue.length)) }, worker));
  } finally {
    job.signal?.removeEventListener('abort', onOuterAbort);
  }
  if (failure) throw job.signal?.aborted ? job.signal.reason : failure;
}
