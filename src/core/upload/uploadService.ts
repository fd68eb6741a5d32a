// The one service every command goes through: validates, uploads (deduped, resumable),
// imports URLs, attaches, and keeps the upload history current.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { UploadHistory } from '../history/uploadHistory';
import { LINK_QUERY_NOT_KEPT } from '../history/redactRecord';
import type { AttachmentRecord, UploadRecord } from '../history/types';
import { categoryOf, contentTypeFor, defaultBlockType, extensionOf, placementProblem, type PlacementKind } from '../media';
import type { NotionApi } from '../notion/api';
import { redactUrl } from '../notion/redact';
import type { FileUpload, MediaBlockType, Page } from '../notion/types';
import { attachFile, findOnTarget, type AttachContext, type AttachJob, type FileRef } from './attach';
import { FilesPropertyQueue, type PropertySlot } from './filesPropertyQueue';
import { checkServiceOptions, checkTargetInput } from './inputChecks';
import { ImportFailedError, UploadValidationError } from './errors';
import { ReuseIndex } from './reuseIndex';
import { checkHttpsUrl, filenameFromUrl, waitForImport, type PollOptions } from './importUrl';
import { checkSizeLimit, inspectLocalFile, MAX_FILENAME_BYTES, unsupportedExtension, type InspectOptions, type LocalFile } from './localFile';
import { DEFAULT_PART_BYTES, planParts } from './partPlan';
import { isAbort, isUnknownOutcome, statusOf } from './retryable';
import { resumeParts, sendNewUpload, type SendContext } from './sendFile';
import { checkFilesProperty, fetchTargetPage, filesPropertyNames, resolvePageId } from './target';
import type { AttachTarget, FileAccess, ImportOptions, UploadAndAttachResult, UploadOptions, UploadServiceOptions } from './types';
import { WorkspaceInfoCache, type WorkspaceInfo } from './workspaceInfo';

export interface UploadServiceConfig extends UploadServiceOptions {
  /** Where records live (default: an in-memory history). */
  history?: UploadHistory;
  /** Minimum time between progress reports (default 100 ms). */
  progressIntervalMs?: number;
  /** Allow http:// import/link URLs (tests against the local emulator only). */
  allowHttpUrls?: boolean;
  /** Polling of external imports. */
  importPoll?: Omit<PollOptions, 'signal'>;
}

/** A multi-part upload is resumed only with this much of its hour left. */
const RESUME_MARGIN_MS = 60_000;

type Outcome = { key: string; fileUpload: FileUpload; reused: boolean; resumed: boolean };

export class UploadService {
  readonly history: UploadHistory;
  private readonly workspace: WorkspaceInfoCache;
  private readonly running = new Map<string, AbortController>();
  private readonly send: SendContext;
  private readonly dedupe: boolean;
  private readonly reuse: ReuseIndex;
  /** Attaching: the client and the one queue per files property for the whole service. */
  private readonly attaching: AttachContext;

  constructor(private readonly client: NotionApi, private readonly options: UploadServiceConfig = {}) {
    const partSizeBytes = options.partSizeBytes ?? DEFAULT_PART_BYTES;
    const concurrency = options.concurrency ?? 3;
    checkServiceOptions(partSizeBytes, concurrency);
    this.attaching = { client, properties: new FilesPropertyQueue(client) };
    this.history = options.history ?? UploadHistory.inMemory();
    this.workspace = new WorkspaceInfoCache(client);
    this.dedupe = options.dedupe ?? true;
    this.reuse = new ReuseIndex(client, this.history);
    this.send = { client, history: this.history, concurrency, partSizeBytes, progressIntervalMs: options.progressIntervalMs ?? 100 };
  }

  // ── Validation ────────────────────────────────────────────────────────────

  /**
   * Everything checkable before sending bytes: the file (type, size, name), the workspace
   * limit, and with a target, the placement and the target page/property (reads only).
   */
  async validateFile(filePath: string, target?: AttachTarget, signal?: AbortSignal, access?: FileAccess): Promise<LocalFile> {
    if (target) checkTargetInput(target);
    const kind = target && placementKind(target);
    const file = await inspectLocalFile(filePath, { placement: kind, ...this.fileAccess(access) });
    if (kind) checkPlacement(file.path, file.filename, kind);
    const ws = await this.workspace.get(signal);
    this.checkLimit(file, ws);
    if (target) await this.checkTarget(target, file.path, signal);
    return file;
  }

  /** Names of the page's `files` properties (empty when the page is not in a database). */
  async listFilesProperties(pageId: string, signal?: AbortSignal): Promise<string[]> {
    const id = resolvePageId({ pageId, as: 'cover' });
    return filesPropertyNames(await fetchTargetPage(this.client, id, pageId, signal));
  }

  // ── Upload ───────────────────────────────────────────────────────────────

  /** Uploads a local file; resolves with Notion's upload object once it is `uploaded`. */
  async upload(filePath: string, opts: UploadOptions = {}): Promise<FileUpload> {
    return (await this.uploadLocal(filePath, opts)).fileUpload;
  }

  /** Validates file and target first, then uploads (or reuses) and attaches, recording it all. */
  async uploadAndAttach(filePath: string, target: AttachTarget, opts: UploadOptions = {}): Promise<UploadAndAttachResult> {
    checkTargetInput(target);
    const slot = this.reserve(target);
    try {
      const file = await this.validateFile(filePath, target, opts.signal, opts);
      const outcome = await this.uploadLocal(file.path, opts, target, file);
      let blockId: string | undefined;
      try {
        blockId = await this.attachRecorded(outcome.key, outcome.fileUpload.id, file.filename, target, opts.signal, opts.lookFirst, slot);
      } catch (err) {
        // The upload stays usable (pending) for its hour: retry(key) attaches it without resending
        // (after looking on the target when Notion may have applied the write).
        this.history.update(outcome.key, attachFailure(err, target, file.filename, isAbort(err, opts.signal)));
        throw err;
      }
      return { ...outcome, fileUpload: { ...outcome.fileUpload, expiry_time: null }, blockId };
    } finally {
      slot?.release();
    }
  }

  /**
   * Imports a public https URL (Notion downloads it); waits for `uploaded`, rejects with Notion's
   * error on `failed`. The record keeps the URL without its query (a signed link's signature
   * stays in memory, for this import only), so retry(key) can redo only a link without one.
   */
  async importFromUrl(url: string, opts: ImportOptions = {}): Promise<FileUpload> {
    const parsed = checkHttpsUrl(url, this.options.allowHttpUrls);
    const filename = opts.filename ?? filenameFromUrl(parsed);
    // Without an extension Notion infers the type from the response's Content-Type.
    if (extensionOf(filename) && !categoryOf(filename)) throw unsupportedExtension(url, filename);
    if (Buffer.byteLength(filename, 'utf8') > MAX_FILENAME_BYTES) {
      throw new UploadValidationError(url, 'filename-too-long', `${url}: the file name is over ${MAX_FILENAME_BYTES} UTF-8 bytes.`);
    }
    const ws = await this.workspace.get(opts.signal);
    const key = this.takeOver(opts.replaces) ?? randomUUID();
    const now = new Date(this.history.now()).toISOString();
    const hidden = parsed.search || parsed.username || parsed.password;
    this.history.put({
      key, source: opts.origin ?? redactUrl(url), filename, contentType: contentTypeFor(filename) ?? '', sizeBytes: 0, mode: 'external_url',
      state: 'uploading', sentBytes: 0, createdTime: now, expiryTime: null, attachments: [], botId: ws.botId, updatedTime: now,
      noRetry: opts.origin ? copiedNoRetry(opts.origin) : hidden ? LINK_QUERY_NOT_KEPT : undefined,
    });
    opts.onRecord?.(key);
    return this.track(key, opts.signal, async (signal) => {
      const created = await this.client.createFileUpload(
        { mode: 'external_url', externalUrl: url, filename: filename || undefined, contentType: contentTypeFor(filename) },
        { signal },
      );
      this.history.update(key, { fileUploadId: created.id, createdTime: created.created_time, expiryTime: created.expiry_time });
      const done = await waitForImport(this.client, created, url, { ...this.options.importPoll, signal });
      this.history.update(key, {
        state: 'pending', expiryTime: done.expiry_time, sizeBytes: done.content_length ?? 0,
        contentType: done.content_type ?? '', filename: done.filename ?? filename,
      });
      return done;
    });
  }

  // ── Attach ───────────────────────────────────────────────────────────────

  /** Attaches an uploaded file by id. The placement is checked against the upload's file name first. */
  async attach(fileUploadId: string, target: AttachTarget, signal?: AbortSignal): Promise<void> {
    checkTargetInput(target);
    const slot = this.reserve(target);
    try {
      await this.attachById(fileUploadId, target, slot, signal);
    } finally {
      slot?.release();
    }
  }

  private async attachById(fileUploadId: string, target: AttachTarget, slot: PropertySlot | undefined, signal?: AbortSignal): Promise<void> {
    const upload = await this.client.getFileUpload(fileUploadId, { signal }).catch((err) => {
      if (statusOf(err) === 404) {
        throw new UploadValidationError(fileUploadId, 'unknown-upload', `File upload ${fileUploadId} does not exist or belongs to another integration.`);
      }
      throw err;
    });
    const name = upload.filename ?? fileUploadId;
    if (upload.status !== 'uploaded') {
      throw new UploadValidationError(name, 'unknown-upload', `${name} (upload ${fileUploadId}) is ${upload.status}, not uploaded: it cannot be attached.`);
    }
    checkPlacement(name, name, placementKind(target));
    await this.checkTarget(target, name, signal);
    const record = this.history.findByUploadId(fileUploadId);
    // Attached somewhere already (no expiry) or after an unknown outcome: look before writing.
    const lookFirst = upload.expiry_time === null || record?.attachUnknown === true;
    try {
      await this.attachRecorded(record?.key, fileUploadId, name, target, signal, lookFirst, slot);
    } catch (err) {
      if (record && isUnknownOutcome(err)) this.history.update(record.key, attachFailure(err, target, name, false));
      throw err;
    }
  }

  /** Links an https URL (type `external`) to the same targets, without uploading anything. */
  async attachExternal(url: string, target: AttachTarget, signal?: AbortSignal): Promise<{ blockId?: string }> {
    checkTargetInput(target);
    const parsed = checkHttpsUrl(url, this.options.allowHttpUrls);
    const slot = this.reserve(target);
    try {
      return await this.attachLink(url, parsed, target, slot, signal);
    } finally {
      slot?.release();
    }
  }

  private async attachLink(url: string, parsed: URL, target: AttachTarget, slot: PropertySlot | undefined, signal?: AbortSignal): Promise<{ blockId?: string }> {
    const name = filenameFromUrl(parsed) || parsed.hostname;
    const kind = placementKind(target);
    // Without a known extension the type is unknown: only the explicit choice is checked by Notion.
    if (categoryOf(name)) checkPlacement(url, name, kind);
    const pageId = await this.checkTarget(target, url, signal);
    const blockType = target.as === 'block' ? target.blockType ?? (categoryOf(name) ? defaultBlockType(name) : 'file') : 'file';
    return attachFile(this.attaching, { pageId, target, ref: { type: 'external', url }, name, blockType, signal, slot });
  }

  // ── Records: resume, retry, cancel, refresh ─────────────────────────────

  /**
   * Continues (or restarts) the upload of a record; with an intent, attaches it too. Refused
   * before any request when the source is gone: a copy's temporary file, a signed link's
   * query, a local file moved or deleted since.
   */
  async resume(key: string, opts: UploadOptions = {}): Promise<UploadAndAttachResult | FileUpload> {
    const record = this.requireRecord(key);
    if (record.noRetry) throw new UploadValidationError(record.source, 'cannot-retry', `Cannot retry "${record.filename}": ${record.noRetry}`);
    // The record keeps its key (and row) whether the file is resumed, reused or sent again.
    // An attach whose outcome is unknown: whatever is sent or reused now, look on the target first.
    const again = { ...opts, replaces: key, lookFirst: opts.lookFirst || record.attachUnknown === true };
    if (record.intent && record.fileUploadId && record.attachUnknown) {
      const done = await this.findAttached(record, record.intent, opts.signal);
      if (done) return done;
    }
    if (record.mode === 'external_url') return this.importFromUrl(record.source, { filename: record.filename, signal: opts.signal, replaces: key });
    await checkStillThere(record);
    if (record.intent) return this.uploadAndAttach(record.source, record.intent, again);
    return this.upload(record.source, again);
  }

  /** Same as resume: a failed or cancelled upload is continued where possible, else started over, under the same key. */
  retry(key: string, opts: UploadOptions = {}): Promise<UploadAndAttachResult | FileUpload> {
    return this.resume(key, opts);
  }

  /** Stops a running upload of this record; its requests in flight are aborted. */
  cancel(key: string): boolean {
    const c = this.running.get(key);
    c?.abort(new DOMException('The upload was cancelled.', 'AbortError'));
    return Boolean(c);
  }

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  /** Resolves once the background SHA-256 of finished uploads (for dedupe) is recorded. */
  whenHashed(): Promise<void> {
    return this.reuse.whenHashed();
  }

  /** Re-reads the upload's status from Notion into the record. */
  async refreshStatus(key: string, signal?: AbortSignal): Promise<UploadRecord> {
    const record = this.requireRecord(key);
    if (!record.fileUploadId) return record;
    try {
      const u = await this.client.getFileUpload(record.fileUploadId, { signal });
      const state =
        u.status === 'uploaded' ? (u.expiry_time === null ? 'attached' : 'pending')
        : u.status === 'pending' ? (this.running.has(key) ? 'uploading' : record.state === 'uploading' ? 'cancelled' : record.state)
        : u.status;
      return this.history.update(key, { state, expiryTime: u.expiry_time, error: u.status === 'failed' ? importError(u) : record.error })!;
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      return this.history.update(key, { state: 'failed', error: 'Notion no longer knows this upload (404).' })!;
    }
  }

  // ── Internals ────────────────────────────────────────────────────────────

  private requireRecord(key: string): UploadRecord {
    const r = this.history.get(key);
    if (!r) throw new UploadValidationError(key, 'unknown-upload', `No upload with key ${key} in the history.`);
    return r;
  }

  /** `replaces` when its record can be taken over: there, not running, attached nowhere (that history stays). */
  private takeOver(replaces: string | undefined): string | undefined {
    const r = replaces === undefined ? undefined : this.history.get(replaces);
    return r && !this.running.has(r.key) && r.attachments.length === 0 ? r.key : undefined;
  }

  private checkLimit(file: LocalFile, ws: WorkspaceInfo): void {
    checkSizeLimit(file, ws.maxFileUploadSizeBytes);
    try {
      planParts(file.sizeBytes, this.send.partSizeBytes);
    } catch (e) {
      throw new UploadValidationError(file.path, 'too-large', `${file.path}: ${(e as Error).message}.`);
    }
  }

  /** Reads the target (page, property) and returns the page id. */
  private async checkTarget(target: AttachTarget, file: string, signal?: AbortSignal): Promise<string> {
    const pageId = resolvePageId(target);
    const page: Page = await fetchTargetPage(this.client, pageId, target.pageId, signal);
    if (target.as === 'property') checkFilesProperty(page, target.property, file);
    return pageId;
  }

  private async uploadLocal(filePath: string, opts: UploadOptions, intent?: AttachTarget, checked?: LocalFile): Promise<Outcome> {
    const outcome = await this.uploadLocalOnce(filePath, opts, intent, checked);
    // Resumed or reused under another record: the replaced attempt is that record now.
    if (opts.replaces && opts.replaces !== outcome.key && this.takeOver(opts.replaces)) this.history.remove(opts.replaces);
    return outcome;
  }

  private async uploadLocalOnce(filePath: string, opts: UploadOptions, intent?: AttachTarget, checked?: LocalFile): Promise<Outcome> {
    const file = checked ?? (await inspectLocalFile(filePath, this.fileAccess(opts)));
    const ws = await this.workspace.get(opts.signal);
    this.checkLimit(file, ws);

    // A copy's temporary file is new every time: nothing to resume.
    const interrupted = opts.origin === undefined && this.findInterrupted(file, ws.botId);
    if (interrupted) {
      opts.onRecord?.(interrupted.key);
      const resumed = await this.tryResume(file, interrupted, opts);
      if (resumed) return resumed;
    }
    const sha = this.dedupe && opts.dedupe !== false ? await this.reuse.knownSha(file, ws.botId, opts.signal) : undefined;
    if (sha) {
      const reused = await this.reuse.findReusable(sha, file, ws.botId, opts.signal);
      if (reused) {
        opts.onNotice?.(`${file.filename}: the same bytes were uploaded before; reusing that upload instead of sending them again.`);
        opts.onProgress?.(file.sizeBytes, file.sizeBytes);
        opts.onRecord?.(reused.key);
        return { key: reused.key, fileUpload: reused.upload, reused: true, resumed: false };
      }
    }
    return this.freshUpload(file, ws, sha, opts, intent);
  }

  private async freshUpload(file: LocalFile, ws: WorkspaceInfo, sha: string | undefined, opts: UploadOptions, intent?: AttachTarget): Promise<Outcome> {
    const { origin } = opts;
    // Taking over `replaces` (put moves it to the newest end) leaves a retry or a copy one record.
    const key = this.takeOver(opts.replaces) ?? randomUUID();
    const plan = planParts(file.sizeBytes, this.send.partSizeBytes);
    const now = new Date(this.history.now()).toISOString();
    this.history.put({
      key, source: origin ?? file.path, filename: file.filename, contentType: file.contentType, sizeBytes: file.sizeBytes, sha256: sha,
      mtimeMs: file.mtimeMs, mode: plan.mode, state: 'uploading', sentBytes: 0, noRetry: origin === undefined ? undefined : copiedNoRetry(origin),
      numberOfParts: plan.mode === 'multi_part' ? plan.numberOfParts : undefined,
      partSizeBytes: plan.mode === 'multi_part' ? plan.partSizeBytes : undefined,
      createdTime: now, expiryTime: null, attachments: [], botId: ws.botId, updatedTime: now, intent,
    });
    opts.onRecord?.(key);
    const fileUpload = await this.track(key, opts.signal, async (signal) => {
      const done = await sendNewUpload(this.send, file, key, { ...opts, signal });
      this.history.update(key, { state: 'pending', sentBytes: file.sizeBytes, expiryTime: done.expiry_time, error: undefined });
      return done;
    });
    // A copy's temporary file is deleted as soon as this resolves: no hashing it later.
    if (!sha && this.dedupe && origin === undefined) this.reuse.hashLater(key, file);
    return { key, fileUpload, reused: false, resumed: false };
  }

  /** The newest interrupted multi-part upload of these exact bytes on disk (same size and mtime). */
  private findInterrupted(file: LocalFile, botId: string): UploadRecord | undefined {
    return this.history.findBySource(file.path).find(
      (r) =>
        r.mode === 'multi_part' && r.fileUploadId && r.botId === botId && !this.running.has(r.key) &&
        r.sizeBytes === file.sizeBytes && r.mtimeMs === file.mtimeMs && r.numberOfParts && r.partSizeBytes &&
        (r.state === 'uploading' || r.state === 'cancelled' || r.state === 'failed' || r.state === 'expired'),
    );
  }

  private async tryResume(file: LocalFile, record: UploadRecord, opts: UploadOptions): Promise<Outcome | undefined> {
    const startOver = (why: string) => {
      const notice = `${file.filename}: ${why}; starting the upload over.`;
      this.history.update(record.key, { state: 'expired', notice });
      opts.onNotice?.(notice);
      return undefined;
    };
    const expiry = record.expiryTime ? Date.parse(record.expiryTime) : NaN;
    if (!(expiry - this.history.now() > RESUME_MARGIN_MS)) {
      return startOver('the interrupted upload is past its hour (Notion keeps unfinished uploads for one hour)');
    }
    let current: FileUpload;
    try {
      current = await this.client.getFileUpload(record.fileUploadId!, { signal: opts.signal });
    } catch (err) {
      if (statusOf(err) === 404) return startOver('Notion no longer knows the interrupted upload');
      throw err;
    }
    if (current.status === 'uploaded') {
      this.history.update(record.key, { state: 'pending', sentBytes: file.sizeBytes, expiryTime: current.expiry_time });
      return { key: record.key, fileUpload: current, reused: false, resumed: true };
    }
    if (current.status !== 'pending' || current.number_of_parts?.total !== record.numberOfParts) {
      return startOver(`the interrupted upload is ${current.status}`);
    }
    opts.onNotice?.(`${file.filename}: continuing the interrupted upload (${record.partsDone?.length ?? 0} of ${record.numberOfParts} parts already sent).`);
    this.history.update(record.key, { state: 'uploading', error: undefined, notice: undefined });
    const fileUpload = await this.track(record.key, opts.signal, async (signal) => {
      const done = await resumeParts(this.send, file, this.history.get(record.key)!, { ...opts, signal });
      this.history.update(record.key, { state: 'pending', sentBytes: file.sizeBytes, expiryTime: done.expiry_time });
      return done;
    });
    if (!record.sha256 && this.dedupe) this.reuse.hashLater(record.key, file);
    return { key: record.key, fileUpload, reused: false, resumed: true };
  }

  /** Runs work under a per-record AbortController (cancel(key)) and records how it ended. */
  private async track<T>(key: string, outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(outer!.reason);
    if (outer?.aborted) controller.abort(outer.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    this.running.set(key, controller);
    try {
      return await work(controller.signal);
    } catch (err) {
      const cancelled = controller.signal.aborted;
      this.history.update(key, cancelled ? { state: 'cancelled', error: undefined } : { state: 'failed', error: (err as Error).message });
      throw cancelled && !isAbort(err) ? controller.signal.reason : err;
    } finally {
      outer?.removeEventListener('abort', onAbort);
      this.running.delete(key);
    }
  }

  /** Attaches and records the attachment on the record (when there is one). Returns the new block id. */
  private async attachRecorded(
    key: string | undefined,
    fileUploadId: string,
    filename: string,
    target: AttachTarget,
    signal?: AbortSignal,
    lookFirst = false,
    slot?: PropertySlot,
  ): Promise<string | undefined> {
    const job = { ...attachJob(fileUploadId, filename, target, signal), slot };
    const { blockId } = await attachFile(this.attaching, job, lookFirst);
    if (key) this.recordAttached(key, job.pageId, target, job.blockType, blockId);
    return blockId;
  }

  private recordAttached(key: string, pageId: string, target: AttachTarget, blockType: MediaBlockType, blockId: string | undefined): void {
    const record = this.history.get(key);
    const attachment: AttachmentRecord = {
      pageId,
      placement: target.as,
      detail: target.as === 'property' ? target.property : target.as === 'block' ? blockType : undefined,
      blockId,
      at: new Date(this.history.now()).toISOString(),
    };
    this.history.update(key, {
      state: 'attached', expiryTime: null, intent: undefined, error: undefined, attachUnknown: undefined,
      attachments: [...(record?.attachments ?? []), attachment],
    });
  }

  /** After an unknown outcome: the record's upload found on its target is recorded as attached there. */
  private async findAttached(record: UploadRecord, target: AttachTarget, signal?: AbortSignal): Promise<UploadAndAttachResult | undefined> {
    const job = attachJob(record.fileUploadId!, record.filename, target, signal);
    const found = await findOnTarget(this.client, job);
    if (!found) return undefined;
    this.recordAttached(record.key, job.pageId, target, job.blockType, found.blockId);
    const fileUpload = await this.client.getFileUpload(record.fileUploadId!, { signal });
    return { key: record.key, fileUpload, reused: false, resumed: true, blockId: found.blockId };
  }

  /** A place in the files property's queue, taken when an attach to a property starts. */
  private reserve(target: AttachTarget): PropertySlot | undefined {
    return target.as === 'property' ? this.attaching.properties.reserve(resolvePageId(target), target.pageId, target.property) : undefined;
  }

  /** The service's symlink rule for this call: workspace folders from the config, the caller's yes. */
  private fileAccess(access?: FileAccess): InspectOptions {
    return { workspaceFolders: this.options.workspaceFolders?.(), allowOutsideWorkspace: access?.allowOutsideWorkspace };
  }
}

function attachJob(fileUploadId: string, filename: string, target: AttachTarget, signal?: AbortSignal): AttachJob {
  const blockType: MediaBlockType = target.as === 'block' ? target.blockType ?? defaultBlockType(filename) : 'file';
  const ref: FileRef = { type: 'file_upload', id: fileUploadId };
  return { pageId: resolvePageId(target), target, ref, name: filename, blockType, signal };
}

/**
 * What the record says after a failed attach: an unknown outcome says so (retry looks on the
 * target first); anything else keeps the intent for retry(key).
 */
function attachFailure(err: unknown, target: AttachTarget, filename: string, cancelled: boolean): Partial<UploadRecord> {
  if (cancelled) return { intent: target, error: undefined };
  if (isUnknownOutcome(err)) {
    return {
      intent: target, attachUnknown: true,
      error: `Not known whether "${filename}" was attached: ${(err as Error).message} Retry looks on the page first and attaches only if it is not there.`,
    };
  }
  return { intent: target, error: `Attaching failed: ${(err as Error).message}` };
}

function placementKind(target: AttachTarget): PlacementKind {
  return target.as === 'block' ? target.blockType ?? 'file' : target.as;
}

/** Rejects a placement the file type does not fit, naming the file and what the placement takes. */
function checkPlacement(shown: string, filename: string, kind: PlacementKind): void {
  if (!categoryOf(filename)) throw unsupportedExtension(shown, filename, kind);
  const problem = placementProblem(filename, kind);
  if (problem) throw new UploadValidationError(shown, 'placement', `${shown}: ${problem}.`);
}

/** What retry says about a copy's record: its link or temporary file is gone. */
function copiedNoRetry(origin: string): string {
  return `it was ${origin} through a temporary link or file that no longer exists. Copy it again from the Page Files view.`;
}

/** A local file moved or deleted since its upload: retry names it instead of sending a request. */
async function checkStillThere(record: UploadRecord): Promise<void> {
  const code = await stat(record.source).then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    throw new UploadValidationError(
      record.source,
      'file-not-found',
      `Cannot retry "${record.filename}": ${record.source} was moved or deleted. Upload it again from where it is now.`,
    );
  }
}

function importError(u: FileUpload): string | undefined {
  const r = u.file_import_result;
  return r && r.type === 'error' ? r.error.message : undefined;
}

export { ImportFailedError };
