// external_url imports: HEAD the URL (needs Content-Type and a Content-Length within the
// workspace limit), then GET it, asynchronously; the upload ends `uploaded` or `failed` with
// file_import_result.error. Poll GET /v1/file_uploads/{id} to see the outcome.
import type { Bot } from './bots';
import type { Clock } from './clock';
import { bareType, contentTypeFits, extensionOf } from './fileTypes';
import type { ImportResult, UploadRecord } from './uploads/record';

type ImportError = NonNullable<ImportResult['error']>;
const IMPORT_TIMEOUT_MS = 10_000;

class ImportFailure extends Error {
  constructor(readonly error: ImportError) {
    super(error.message);
  }
}

const fail = (type: string, code: string, message: string, status_code: number | null = null) =>
  new ImportFailure({ type, code, message, parameter: 'external_url', status_code });

export class Importer {
  private readonly aborter = new AbortController();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly clock: Clock) {}

  start(bot: Bot, r: UploadRecord): void {
    const p = this.run(bot, r).finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Resolves when every import started so far has settled (tests that want no polling). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  stop(): void {
    this.aborter.abort();
  }

  private async run(bot: Bot, r: UploadRecord): Promise<void> {
    try {
      const chunks = await this.fetchChecked(bot, r);
      r.bytes.setWhole(chunks);
      r.contentLength = chunks.reduce((n, c) => n + c.length, 0);
      r.state = 'uploaded';
      r.importResult = { importedMs: this.clock.now() };
    } catch (e) {
      const error = e instanceof ImportFailure ? e.error : { type: 'download_error', code: 'file_import_failed', message: String(e), parameter: 'external_url', status_code: null };
      r.state = 'failed';
      r.importResult = { importedMs: this.clock.now(), error };
    }
    r.lastEditedMs = this.clock.now();
  }

  private async request(url: string, method: 'HEAD' | 'GET'): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(IMPORT_TIMEOUT_MS)]) });
    } catch (e) {
      throw fail('download_error', 'file_import_unreachable', `Could not reach ${url} (${method}): ${(e as Error).message}.`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw fail('download_error', 'file_import_bad_status', `${method} ${url} answered HTTP ${res.status}.`, res.status);
    }
    return res;
  }

  private async fetchChecked(bot: Bot, r: UploadRecord): Promise<Buffer[]> {
    const url = r.externalUrl!;
    const head = await this.request(url, 'HEAD');
    const type = head.headers.get('content-type');
    const lengthHeader = head.headers.get('content-length');
    if (!type) throw fail('validation_error', 'file_upload_invalid_content_type', `${url} has no Content-Type header.`);
    const ext = extensionOf(r.filename ?? '');
    if (ext && !contentTypeFits(ext, type)) {
      throw fail('validation_error', 'file_upload_invalid_content_type', `${url} has Content-Type ${type}, which does not match the filename ${r.filename}.`);
    }
    const length = lengthHeader === null ? NaN : Number(lengthHeader);
    if (!Number.isInteger(length) || length < 0) throw fail('validation_error', 'file_upload_invalid_size', `${url} has no valid Content-Length header.`);
    if (length > bot.maxFileUploadSizeBytes) {
      throw fail('validation_error', 'file_upload_invalid_size', `File size of ${length} bytes exceeds the limit of ${bot.maxFileUploadSizeBytes}.`);
    }
    if (r.contentType === null) r.contentType = bareType(type);
    const res = await this.request(url, 'GET');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += c.length;
      if (size > bot.maxFileUploadSizeBytes) throw fail('validation_error', 'file_upload_invalid_size', `File size exceeds the limit of ${bot.maxFileUploadSizeBytes}.`);
      chunks.push(Buffer.from(c.buffer, c.byteOffset, c.length));
    }
    if (size !== length) throw fail('download_error', 'file_import_truncated', `${url} sent ${size} bytes, its Content-Length said ${length}.`);
    return chunks;
  }
}
