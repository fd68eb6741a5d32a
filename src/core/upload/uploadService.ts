// The one service every command goes through: validates, uploads (deduped, resumable),
// imports URLs, attaches, and keeps the upload history current.
import * as l10n from '@vscode/l10n';
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { UploadHistory } from '../history/uploadHistory';
import { linkQueryNotKept } from '../history/redactRecord';
import type { AttachmentRecord, UploadRecord } from '../history/types';
import { categoryOf, contentTypeFor, defaultBlockType, extensionOf, placementProblem, type PlacementKind } from '../media';
import type { NotionApi } from '../notion/api';
import { httpLinksAllowed } from '../notion/origin';
import { redactUrl } from '../notion/redact';
import type { FileUpload, MediaBlockType, Page } from '../notion/types';
import { attachFile, findOnTarget, type AttachContext, type AttachJob, type FileRef } from './attach';
import { FilesPropertyQueue, type PropertySlot } from './filesPropertyQueue';
import { checkPlacements } from './placementCheck';
import { checkServiceOptions, checkTargetInput } from './inputChecks';
import { AttachCancelledError, ImportFailedError, UploadValidationError } from './errors';
import { ReuseIndex } from './reuseIndex';
import { checkHttpsUrl, filenameFromUrl, waitForImport, type PollOptions } from './importUrl';
import { checkSizeLimit, inspectLocalFile, MAX_FILENAME_BYTES, unsupportedExtension, type InspectOptions, type LocalFile } from './localFile';
import { DEFAULT_PART_BYTES, planParts } from './partPlan';
import { isAbort, isUnknownOutcome, statusOf } from './retryable';
import { resumeParts, sendNewUpload, type SendContext } from './sendFile';
import { checkFilesProperty, fetchTargetPage, filesPropertyNames, MAX_FILES_PER_PROPERTY, resolvePageId } from './target';
import type { AttachTarget, FileAccess, GroupResult, GroupTarget, ImportOptions, UploadAndAttachResult, UploadOptions, UploadServiceOptions } from './types';
import { listMediaBlocks, readReplaceTarget, replaceBlockFile, type MediaBlockChoice, type ReplaceContext } from './replaceBlock';
import { checkCommentText, commentBody, commentGroups } from './commentFiles';
import { newPageBody, newPageDetail, readNewPageParent, readParentWithSchema, type NewPageParent } from './newPage';
import { WorkspaceInfoCache, type WorkspaceInfo } from './workspaceInfo';
import { targetNamesFile } from './shownName';

export interface UploadServiceConfig extends UploadServiceOptions {
  /** Where records live (default: an in-memory history). */
  history?: UploadHistory;
  /** Minimum time between progress reports (default 100 ms). */
  progressIntervalMs?: number;
  /** False refuses http:// import/link URLs even against a loopback API (tests of the https-only
   * path). It cannot allow them elsewhere: see httpLinksAllowed. */
  allowHttpUrls?: false;
  /** Polling of external imports. */
  importPoll?: Omit<PollOptions, 'signal'>;
}

/** A multi-part upload is resumed only with this much of its hour left. */
const RESUME_MARGIN_MS = 60_000;

type Outcome = { key: string; fileUpload: FileUpload; reused: boolean; resumed: boolean };

/** A target after its reads: what the write needs (the block's type, the parent's schema, …). */
type Prepared =
  | { as: 'simple'; pageId: string }
  | { as: 'replace'; pageId: string; ctx: ReplaceContext }
  | { as: 'comment'; pageId: string; text: string }
  | { as: 'newPage'; parent: NewPageParent };

/** One upload to attach: its record (if any), Notion's id and the file's name. */
type Item = { key?: string; fileUploadId: string; filename: string };

/** What the write made, per item where it differs. */
type Attached = { blockId?: string; createdPageId?: string; commentIds: (string | undefined)[] };

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
    return (await this.validateFor([filePath], target, signal, access)).files[0];
  }

  /** validateFile for several files going to one target: each file, then the target's reads once. */
  private async validateFor(
    filePaths: string[], target: AttachTarget | undefined, signal?: AbortSignal, access?: FileAccess,
  ): Promise<{ files: LocalFile[]; prepared?: Prepared }> {
    if (target) checkTargetInput(target);
    if (target?.as === 'comment') checkCommentText(target.comment);
    const kind = target && placementKind(target);
    const files: LocalFile[] = [];
    for (const p of filePaths) {
      const file = await inspectLocalFile(p, { placement: kind, ...this.fileAccess(access) });
      if (kind) checkPlacement(file.path, file.filename, kind);
      files.push(file);
    }
    const ws = await this.workspace.get(signal);
    for (const f of files) this.checkLimit(f, ws);
    const prepared = target && (await this.checkTarget(target, files.map((f) => f.path), files.map((f) => f.filename), signal));
    return { files, prepared };
  }

  /** The workspace's per-file limit from `users/me` (cached; undefined when Notion does not say). */
  async maxFileSizeBytes(signal?: AbortSignal): Promise<number | undefined> {
    return (await this.workspace.get(signal)).maxFileUploadSizeBytes;
  }

  /** Names of the page's `files` properties (empty when the page is not in a database). */
  async listFilesProperties(pageId: string, signal?: AbortSignal): Promise<string[]> {
    const id = resolvePageId({ pageId, as: 'cover' });
    return filesPropertyNames(await fetchTargetPage(this.client, id, pageId, signal));
  }

  /** The page's media blocks whose file can be replaced (reads only). */
  async listMediaBlocks(pageId: string, opts: { maxDepth?: number; signal?: AbortSignal } = {}): Promise<MediaBlockChoice[]> {
    const id = resolvePageId({ pageId, as: 'cover' });
    await fetchTargetPage(this.client, id, pageId, opts.signal);
    return listMediaBlocks(this.client, id, opts);
  }

  /** What a new page's parent `pageId` is: a page, or a database with its files properties (reads only). */
  async describeNewPageParent(pageId: string, signal?: AbortSignal): Promise<{ kind: 'page' | 'database'; id: string; title: string; filesProperties: string[] }> {
    const { parent, filesProperties } = await readParentWithSchema(this.client, { pageId, as: 'newPage' }, 0, signal);
    return { kind: parent.kind, id: parent.id, title: parent.title || (parent.kind === 'page' ? 'Untitled' : 'Untitled database'), filesProperties };
  }

  // ── Upload ───────────────────────────────────────────────────────────────

  /** Uploads a local file; resolves with Notion's upload object once it is `uploaded`. */
  async upload(filePath: string, opts: UploadOptions = {}): Promise<FileUpload> {
    return (await this.uploadLocal(filePath, opts)).fileUpload;
  }

  /** Validates file and target first, then uploads (or reuses) and attaches, recording it all. */
  async uploadAndAttach(filePath: string, target: AttachTarget, opts: UploadOptions = {}): Promise<UploadAndAttachResult> {
    if (target.as === 'comment' || target.as === 'newPage') return (await this.uploadAndAttachGroup([filePath], target, opts)).files[0];
    checkTargetInput(target);
    const slot = this.reserve(target);
    try {
      const { files: [file], prepared } = await this.validateFor([filePath], target, opts.signal, opts);
      const named = targetNamesFile(target, file.filename, prepared?.as === 'replace' ? prepared.ctx.blockType : undefined);
      const outcome = await this.uploadLocal(file.path, opts, target, file, named);
      const done = await this.attachOutcomes([outcome], [file.filename], target, prepared!, opts.signal, { lookFirst: opts.lookFirst, slot });
      return { ...outcome, fileUpload: { ...outcome.fileUpload, expiry_time: null }, blockId: done.blockId };
    } finally {
      slot?.release();
    }
  }

  /**
   * Several files into one comment-or-page target: every file and the target are checked first
   * (nothing is sent while one is wrong), the files are uploaded one after another (progress
   * counts all their bytes), then one write per comment (three files each) or one new page
   * holding them all.
   */
  async uploadAndAttachGroup(filePaths: string[], target: GroupTarget, opts: UploadOptions = {}): Promise<GroupResult> {
    if (filePaths.length === 0) throw new UploadValidationError('files', 'invalid-options', l10n.t('No files given.'));
    const { files, prepared } = await this.validateFor(filePaths, target, opts.signal, opts);
    const total = files.reduce((n, f) => n + f.sizeBytes, 0);
    const outcomes: Outcome[] = [];
    let before = 0;
    for (const file of files) {
      const onProgress = opts.onProgress && ((sent: number) => opts.onProgress!(before + sent, total));
      outcomes.push(await this.uploadLocal(file.path, { ...opts, onProgress }, target, file, targetNamesFile(target, file.filename)));
      before += file.sizeBytes;
    }
    const done = await this.attachOutcomes(outcomes, files.map((f) => f.filename), target, prepared!, opts.signal);
    return {
      files: outcomes.map((o, i) => ({
        ...o, fileUpload: { ...o.fileUpload, expiry_time: null }, createdPageId: done.createdPageId, commentId: done.commentIds[i],
      })),
      createdPageId: done.createdPageId,
      commentIds: target.as === 'comment' ? [...new Set(done.commentIds.filter((c): c is string => !!c))] : undefined,
    };
  }

  /**
   * Attaches finished uploads; on failure each record keeps the intent (retry(key) attaches
   * without resending), and an unknown outcome says so (retry looks on the target first).
   */
  private async attachOutcomes(
    outcomes: Outcome[], names: string[], target: AttachTarget, prepared: Prepared, signal?: AbortSignal, how: AttachHow = {},
  ): Promise<Attached> {
    const attached = new Set<string>();
    try {
      const items = outcomes.map((o, i) => ({ key: o.key, fileUploadId: o.fileUpload.id, filename: names[i] }));
      return await this.attachPrepared(prepared, target, items, signal, attached, how);
    } catch (err) {
      // The uploads stay usable (pending) for their hour; those a first comment already holds are done.
      for (const [i, o] of outcomes.entries()) {
        if (attached.has(o.key)) continue;
        this.history.update(o.key, attachFailure(err, target, names[i], isAbort(err, signal)));
      }
      const pending = names.filter((_, i) => !attached.has(outcomes[i].key));
      throw isAbort(err, signal) && isUnknownOutcome(err) ? new AttachCancelledError(pending, { cause: err }) : err;
    }
  }

  /**
   * Imports a public https URL (Notion downloads it); waits for `uploaded`, rejects with Notion's
   * error on `failed`. The record keeps the URL without its query (a signed link's signature
   * stays in memory, for this import only), so retry(key) can redo only a link without one.
   */
  async importFromUrl(url: string, opts: ImportOptions = {}): Promise<FileUpload> {
    const parsed = checkHttpsUrl(url, this.httpLinks());
    const filename = opts.filename ?? filenameFromUrl(parsed);
    // Without an extension Notion infers the type from the response's Content-Type.
    if (extensionOf(filename) && !categoryOf(filename)) throw unsupportedExtension(url, filename);
    if (Buffer.byteLength(filename, 'utf8') > MAX_FILENAME_BYTES) {
      throw new UploadValidationError(url, 'filename-too-long', l10n.t('{0}: the file name is over {1} UTF-8 bytes.', url, MAX_FILENAME_BYTES));
    }
    const ws = await this.workspace.get(opts.signal);
    const key = this.takeOver(opts.replaces) ?? randomUUID();
    const now = new Date(this.history.now()).toISOString();
    const hidden = parsed.search || parsed.username || parsed.password;
    this.history.put({
      key, source: opts.origin ?? redactUrl(url), filename, contentType: contentTypeFor(filename) ?? '', sizeBytes: 0, mode: 'external_url',
      state: 'uploading', sentBytes: 0, createdTime: now, expiryTime: null, attachments: [], botId: ws.botId, updatedTime: now,
      noRetry: opts.origin ? copiedNoRetry(opts.origin) : hidden ? linkQueryNotKept() : undefined,
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

  /**
   * Attaches an uploaded file by id. The placement is checked against the upload's file name
   * first. `key`: the history row it is attached from (its name is the one shown where the
   * target takes a name, and the row records the attachment).
   */
  async attach(fileUploadId: string, target: AttachTarget, signal?: AbortSignal, key?: string): Promise<void> {
    checkTargetInput(target);
    const slot = this.reserve(target);
    try {
      await this.attachById(fileUploadId, target, slot, signal, key);
    } finally {
      slot?.release();
    }
  }

  private async attachById(fileUploadId: string, target: AttachTarget, slot: PropertySlot | undefined, signal?: AbortSignal, key?: string): Promise<void> {
    const upload = await this.client.getFileUpload(fileUploadId, { signal }).catch((err) => {
      if (statusOf(err) === 404) {
        throw new UploadValidationError(fileUploadId, 'unknown-upload', l10n.t('File upload {0} does not exist or belongs to another integration.', fileUploadId));
      }
      throw err;
    });
    const row = key === undefined ? undefined : this.history.get(key);
    const record = row?.fileUploadId === fileUploadId ? row : this.history.findByUploadId(fileUploadId);
    const name = (row === record ? row?.filename : undefined) ?? upload.filename ?? fileUploadId;
    if (upload.status !== 'uploaded') {
      throw new UploadValidationError(name, 'unknown-upload', l10n.t('{0} (upload {1}) is {2}, not uploaded: it cannot be attached.', name, fileUploadId, upload.status));
    }
    if (target.as === 'comment') checkCommentText(target.comment);
    const kind = placementKind(target);
    if (kind) checkPlacement(name, name, kind);
    const prepared = await this.checkTarget(target, [name], [name], signal);
    // Attached somewhere already (no expiry) or after an unknown outcome: look before writing.
    const lookFirst = upload.expiry_time === null || record?.attachUnknown === true;
    try {
      await this.attachPrepared(prepared, target, [{ key: record?.key, fileUploadId, filename: name }], signal, undefined, { lookFirst, slot });
    } catch (err) {
      if (record && isUnknownOutcome(err)) this.history.update(record.key, attachFailure(err, target, name, false));
      throw err;
    }
  }

  /** Plain http import/link URLs: only against a loopback API (the emulator), unless turned off. */
  private httpLinks(): boolean {
    return this.options.allowHttpUrls !== false && httpLinksAllowed(this.client.baseUrl);
  }

  /** Links an https URL (type `external`) to the same targets, without uploading anything. */
  async attachExternal(url: string, target: AttachTarget, signal?: AbortSignal): Promise<{ blockId?: string }> {
    checkTargetInput(target);
    const parsed = checkHttpsUrl(url, this.httpLinks());
    const slot = this.reserve(target);
    try {
      return await this.attachLink(url, parsed, target, slot, signal);
    } finally {
      slot?.release();
    }
  }

  private async attachLink(url: string, parsed: URL, target: AttachTarget, slot: PropertySlot | undefined, signal?: AbortSignal): Promise<{ blockId?: string }> {
    const name = filenameFromUrl(parsed) || parsed.hostname;
    if (target.as === 'replace' || target.as === 'comment' || target.as === 'newPage') {
      throw new UploadValidationError(url, 'placement', l10n.t('A link can be a cover, an icon, a block or a files property item; "{0}" takes uploaded files only.', target.as));
    }
    const kind = placementKind(target)!;
    // Without a known extension the type is unknown: only the explicit choice is checked by Notion.
    if (categoryOf(name)) checkPlacement(url, name, kind);
    const prepared = await this.checkTarget(target, [url], [name], signal);
    const pageId = prepared.as === 'simple' ? prepared.pageId : resolvePageId(target);
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
    if (record.noRetry) throw new UploadValidationError(record.source, 'cannot-retry', l10n.t('Cannot retry "{0}": {1}', record.filename, record.noRetry));
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

  /** Re-reads the upload's status from Notion into the record; for an attached one, which recorded places still hold it. */
  async refreshStatus(key: string, signal?: AbortSignal): Promise<UploadRecord> {
    const record = this.requireRecord(key);
    if (!record.fileUploadId) return record;
    try {
      const u = await this.client.getFileUpload(record.fileUploadId, { signal });
      const state =
        u.status === 'uploaded' ? (u.expiry_time === null ? 'attached' : 'pending')
        : u.status === 'pending' ? (this.running.has(key) ? 'uploading' : record.state === 'uploading' ? 'cancelled' : record.state)
        : u.status;
      const placed = state === 'attached' && record.attachments.length ? await checkPlacements(this.client, record.fileUploadId, record.attachments, signal) : undefined;
      const moved = placed?.gone.length ? { attachments: placed.kept, removed: [...(record.removed ?? []), ...placed.gone] } : {};
      return this.history.update(key, { state, expiryTime: u.expiry_time, error: u.status === 'failed' ? importError(u) : record.error, ...moved })!;
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      return this.history.update(key, { state: 'failed', error: l10n.t('Notion no longer knows this upload (404).') })!;
    }
  }

  // ── Internals ────────────────────────────────────────────────────────────

  private requireRecord(key: string): UploadRecord {
    const r = this.history.get(key);
    if (!r) throw new UploadValidationError(key, 'unknown-upload', l10n.t('No upload with key {0} in the history.', key));
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

  /**
   * Reads the target (page, property, block, parent) and checks the files against it; `shown`
   * names each file in errors, `names` are their file names.
   */
  private async checkTarget(target: AttachTarget, shown: string[], names: string[], signal?: AbortSignal): Promise<Prepared> {
    if (target.as === 'newPage') {
      if (target.property === undefined && names.length > MAX_FILES_PER_PROPERTY) {
        throw new UploadValidationError(shown[0], 'too-many-files', l10n.t('{0} files cannot go in one new page at once: Notion takes {1} blocks per request.', names.length, MAX_FILES_PER_PROPERTY));
      }
      return { as: 'newPage', parent: await readNewPageParent(this.client, target, names.length, signal) };
    }
    const pageId = resolvePageId(target);
    const page: Page = await fetchTargetPage(this.client, pageId, target.pageId, signal);
    switch (target.as) {
      case 'property':
        checkFilesProperty(page, target.property, shown[0], names.length);
        return { as: 'simple', pageId };
      case 'replace': {
        if (names.length !== 1) throw new UploadValidationError(shown[1] ?? shown[0], 'invalid-options', l10n.t('A block holds one file: replace it with one file at a time.'));
        const ctx = await readReplaceTarget(this.client, target.blockId, pageId, signal);
        checkPlacement(shown[0], names[0], ctx.blockType);
        return { as: 'replace', pageId, ctx };
      }
      case 'comment':
        return { as: 'comment', pageId, text: checkCommentText(target.comment) };
      default:
        return { as: 'simple', pageId };
    }
  }

  /** `named`: the target shows the file under the name the attach gives it (see shownName.ts). */
  private async uploadLocal(filePath: string, opts: UploadOptions, intent?: AttachTarget, checked?: LocalFile, named = false): Promise<Outcome> {
    const outcome = await this.uploadLocalOnce(filePath, opts, intent, checked, named);
    // Resumed or reused under another record: the replaced attempt is that record now.
    if (opts.replaces && opts.replaces !== outcome.key && this.takeOver(opts.replaces)) this.history.remove(opts.replaces);
    return outcome;
  }

  private async uploadLocalOnce(filePath: string, opts: UploadOptions, intent?: AttachTarget, checked?: LocalFile, named = false): Promise<Outcome> {
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
      const earlier = reused?.upload.filename ?? this.history.get(reused?.key ?? '')?.filename;
      // Reuse must not change what the user sees: under another name only where the attach names the file.
      if (reused && earlier !== file.filename && !named) {
        opts.onNotice?.(l10n.t('{0}: the same bytes were uploaded before as "{1}", but there Notion shows the upload\'s own name; sending it again under this name.', file.filename, earlier ?? ''));
      } else if (reused) {
        opts.onNotice?.(l10n.t('{0}: the same bytes were uploaded before; reusing that upload instead of sending them again.', file.filename));
        opts.onProgress?.(file.sizeBytes, file.sizeBytes);
        const key = this.rowFor(file, reused, opts.replaces, intent);
        opts.onRecord?.(key);
        return { key, fileUpload: reused.upload, reused: true, resumed: false };
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
      mtimeMs: file.mtimeMs, mode: plan.mode, state: 'uploading', sentBytes: 0, noRetry: origin === undefined ? undefined : opts.noRetry ?? copiedNoRetry(origin),
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

  /**
   * The row a reused upload is recorded under: the earlier one for the same file, else a new
   * row for the file the user chose (its path and name), pointing at the same upload.
   * A retry's failed attempt (`replaces`) becomes that row.
   */
  private rowFor(file: LocalFile, reused: { key: string; upload: FileUpload }, replaces: string | undefined, intent?: AttachTarget): string {
    const own = this.history.findBySource(file.path).find((r) => r.fileUploadId === reused.upload.id && r.filename === file.filename);
    if (own) return own.key;
    const earlier = this.history.get(reused.key)!;
    // A retry's failed attempt becomes this row (one row per file).
    const key = this.takeOver(replaces) ?? randomUUID();
    const now = new Date(this.history.now()).toISOString();
    this.history.put({
      key, fileUploadId: reused.upload.id, source: file.path, filename: file.filename, contentType: file.contentType, sizeBytes: file.sizeBytes,
      sha256: earlier.sha256, mtimeMs: file.mtimeMs, mode: earlier.mode, state: 'pending', sentBytes: file.sizeBytes,
      createdTime: reused.upload.created_time, expiryTime: reused.upload.expiry_time, attachments: [], botId: earlier.botId, updatedTime: now, intent,
      notice: l10n.t('Same bytes as "{0}" ({1}): its upload was reused, nothing sent again.', earlier.filename, earlier.source),
    });
    return key;
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
      const notice = l10n.t('{0}: {1}; starting the upload over.', file.filename, why);
      this.history.update(record.key, { state: 'expired', notice });
      opts.onNotice?.(notice);
      return undefined;
    };
    const expiry = record.expiryTime ? Date.parse(record.expiryTime) : NaN;
    if (!(expiry - this.history.now() > RESUME_MARGIN_MS)) {
      return startOver(l10n.t('the interrupted upload is past its hour (Notion keeps unfinished uploads for one hour)'));
    }
    let current: FileUpload;
    try {
      current = await this.client.getFileUpload(record.fileUploadId!, { signal: opts.signal });
    } catch (err) {
      if (statusOf(err) === 404) return startOver(l10n.t('Notion no longer knows the interrupted upload'));
      throw err;
    }
    if (current.status === 'uploaded') {
      this.history.update(record.key, { state: 'pending', sentBytes: file.sizeBytes, expiryTime: current.expiry_time });
      return { key: record.key, fileUpload: current, reused: false, resumed: true };
    }
    if (current.status !== 'pending' || current.number_of_parts?.total !== record.numberOfParts) {
      return startOver(l10n.t('the interrupted upload is {0}', current.status));
    }
    opts.onNotice?.(l10n.t('{0}: continuing the interrupted upload ({1} of {2} parts already sent).', file.filename, record.partsDone?.length ?? 0, String(record.numberOfParts)));
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

  /** The write(s) for prepared items, then each item's record gets its attachment. */
  private async attachPrepared(
    prepared: Prepared, target: AttachTarget, items: Item[], signal?: AbortSignal, attached?: Set<string>, how: AttachHow = {},
  ): Promise<Attached> {
    const ref = (it: Item): FileRef => ({ type: 'file_upload', id: it.fileUploadId });
    const record = (it: Item, attachment: Omit<AttachmentRecord, 'at'>) => {
      if (!it.key) return;
      attached?.add(it.key);
      this.recordAttachment(it.key, attachment);
    };
    switch (prepared.as) {
      case 'replace': {
        const [it] = items;
        const caption = target.as === 'replace' ? target.caption : undefined;
        await replaceBlockFile(this.client, prepared.ctx, ref(it), it.filename, caption, signal);
        record(it, { pageId: prepared.pageId, placement: 'replace', detail: prepared.ctx.blockType, blockId: prepared.ctx.blockId, replaced: prepared.ctx.previous });
        return { blockId: prepared.ctx.blockId, commentIds: [] };
      }
      case 'comment': {
        const groups = commentGroups(items);
        const commentIds: (string | undefined)[] = [];
        for (const [index, group] of groups.entries()) {
          const body = commentBody(prepared.pageId, prepared.text, group.map((g) => g.fileUploadId), { index, total: groups.length });
          const comment = await this.client.createComment(body, { signal });
          for (const it of group) {
            record(it, { pageId: prepared.pageId, placement: 'comment', commentId: comment.id });
            commentIds.push(comment.id);
          }
        }
        return { commentIds };
      }
      case 'newPage': {
        const t = target as Extract<AttachTarget, { as: 'newPage' }>;
        const page = await this.client.createPage(newPageBody(prepared.parent, t, items.map((it) => ({ ref: ref(it), name: it.filename }))), { signal });
        for (const it of items) record(it, { pageId: page.id, placement: 'newPage', detail: newPageDetail(t, it.filename) });
        return { createdPageId: page.id, commentIds: [] };
      }
      case 'simple': {
        const [it] = items;
        const blockType: MediaBlockType = target.as === 'block' ? target.blockType ?? defaultBlockType(it.filename) : 'file';
        const job = { pageId: prepared.pageId, target, ref: ref(it), name: it.filename, blockType, signal, slot: how.slot };
        const { blockId } = await attachFile(this.attaching, job, how.lookFirst);
        record(it, {
          pageId: prepared.pageId,
          placement: target.as as AttachmentRecord['placement'],
          detail: target.as === 'property' ? target.property : target.as === 'block' ? blockType : undefined,
          blockId,
        });
        return { blockId, commentIds: [] };
      }
    }
  }

  private recordAttachment(key: string, attachment: Omit<AttachmentRecord, 'at'>): void {
    const rec = this.history.get(key);
    this.history.update(key, {
      state: 'attached', expiryTime: null, intent: undefined, error: undefined, attachUnknown: undefined,
      attachments: [...(rec?.attachments ?? []), { ...attachment, at: new Date(this.history.now()).toISOString() }],
    });
  }

  /** After an unknown outcome: the record's upload found on its target is recorded as attached there. */
  private async findAttached(record: UploadRecord, target: AttachTarget, signal?: AbortSignal): Promise<UploadAndAttachResult | undefined> {
    if (target.as !== 'cover' && target.as !== 'icon' && target.as !== 'block' && target.as !== 'property') return undefined;
    const blockType: MediaBlockType = target.as === 'block' ? target.blockType ?? defaultBlockType(record.filename) : 'file';
    const job: AttachJob = { pageId: resolvePageId(target), target, ref: { type: 'file_upload', id: record.fileUploadId! }, name: record.filename, blockType, signal };
    const found = await findOnTarget(this.client, job);
    if (!found) return undefined;
    this.recordAttachment(record.key, {
      pageId: job.pageId, placement: target.as, blockId: found.blockId,
      detail: target.as === 'property' ? target.property : target.as === 'block' ? blockType : undefined,
    });
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

/** What the file must fit, known from the target alone (a replace learns its block's type by reading it). */
/** How an attach writes: read the target first (an earlier outcome unknown), and the property queue place taken. */
interface AttachHow {
  lookFirst?: boolean;
  slot?: PropertySlot;
}

/**
 * What the record says after a failed attach: an unknown outcome says so (retry looks on the
 * target first); anything else keeps the intent for retry(key).
 */
function attachFailure(err: unknown, target: AttachTarget, filename: string, cancelled: boolean): Partial<UploadRecord> {
  // Cancelled between its last byte and its attach: the row says cancelled (retry attaches it), not "pending".
  // An attach write already on its way may still land: retry looks on the target first.
  if (cancelled) return { state: 'cancelled', intent: target, error: undefined, ...(isUnknownOutcome(err) ? { attachUnknown: true } : {}) };
  if (isUnknownOutcome(err)) {
    return {
      intent: target, attachUnknown: true,
      error: l10n.t('Not known whether "{0}" was attached: {1} Retry looks on the page first and attaches only if it is not there.', filename, (err as Error).message),
    };
  }
  return { intent: target, error: l10n.t('Attaching failed: {0}', (err as Error).message) };
}

function placementKind(target: AttachTarget): PlacementKind | undefined {
  switch (target.as) {
    case 'block': return target.blockType ?? 'file';
    case 'replace': return undefined;
    case 'comment': return 'file';
    case 'newPage': return target.property !== undefined ? 'property' : 'file';
    default: return target.as;
  }
}

/** Rejects a placement the file type does not fit, naming the file and what the placement takes. */
function checkPlacement(shown: string, filename: string, kind: PlacementKind): void {
  if (!categoryOf(filename)) throw unsupportedExtension(shown, filename, kind);
  const problem = placementProblem(filename, kind);
  if (problem) throw new UploadValidationError(shown, 'placement', `${shown}: ${problem}.`);
}

/** What retry says about a copy's record: its link or temporary file is gone. */
function copiedNoRetry(origin: string): string {
  return l10n.t('it was {0} through a temporary link or file that no longer exists. Copy it again from the Page Files view.', origin);
}

/** A local file moved or deleted since its upload: retry names it instead of sending a request. */
async function checkStillThere(record: UploadRecord): Promise<void> {
  const code = await stat(record.source).then(() => undefined, (e: NodeJS.ErrnoException) => e.code);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    throw new UploadValidationError(
      record.source,
      'file-not-found',
      l10n.t('Cannot retry "{0}": {1} was moved or deleted. Upload it again from where it is now.', record.filename, record.source),
    );
  }
}

function importError(u: FileUpload): string | undefined {
  const r = u.file_import_result;
  return r && r.type === 'error' ? r.error.message : undefined;
}

export { ImportFailedError };
