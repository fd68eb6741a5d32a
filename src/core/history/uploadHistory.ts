// The upload history: every upload's record (state, bytes, expiry, resume state,
// attachments), indexed by key and by content, persisted through a host-provided store.
// Records never hold a URL's query (redactRecord.ts).
import { Emitter, type Disposable, type Event } from '../events';
import { redactRecord } from './redactRecord';
import type { HistoryStore, UploadRecord, UploadState } from './types';

export interface UploadHistoryOptions {
  /** Records kept; past this the oldest finished ones go first (default 2000). */
  maxEntries?: number;
  /** Saves are coalesced over this window (default 500 ms). */
  saveDelayMs?: number;
  /** Clock for expiry (default Date.now); tests inject the emulator's. */
  now?: () => number;
}

/** What changed: the records touched (empty when the whole history was replaced). */
export interface HistoryChange {
  keys: string[];
}

/** States whose record still matters to a running or resumable upload: never evicted first. */
const UNFINISHED: ReadonlySet<UploadState> = new Set(['uploading', 'cancelled']);

export class UploadHistory implements Disposable {
  private readonly indexed = {
    records: new Map<string, UploadRecord>(), // insertion order = age
    bySha: new Map<string, Set<string>>(),
    bySource: new Map<string, Set<string>>(),
  };
  /** Stored records not yet checked and indexed: that waits for the first use (not activation). */
  private unread: unknown[] | undefined;
  private readonly changed = new Emitter<HistoryChange>();
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly maxEntries: number;
  private readonly saveDelayMs: number;
  readonly now: () => number;
  readonly onDidChange: Event<HistoryChange> = this.changed.event;

  private constructor(private readonly store: HistoryStore, opts: UploadHistoryOptions) {
    this.maxEntries = Math.max(1, opts.maxEntries ?? 2000);
    this.saveDelayMs = opts.saveDelayMs ?? 500;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Reads the stored records; checking and indexing them (malformed ones are dropped) waits
   * for the first use — about 4–8 ms for 1000 records that activation does not need to spend.
   */
  static async open(store: HistoryStore, opts: UploadHistoryOptions = {}): Promise<UploadHistory> {
    const h = new UploadHistory(store, opts);
    const loaded = await store.load();
    h.unread = Array.isArray(loaded) ? loaded : [];
    return h;
  }

  /** The indexes, after the stored records have been read into them. */
  private get records(): Map<string, UploadRecord> {
    return this.read().records;
  }

  private get bySha(): Map<string, Set<string>> {
    return this.read().bySha;
  }

  private get bySource(): Map<string, Set<string>> {
    return this.read().bySource;
  }

  private read(): UploadHistory['indexed'] {
    const unread = this.unread;
    if (!unread) return this.indexed;
    this.unread = undefined;
    let redacted = false;
    for (const r of unread as UploadRecord[]) {
      if (!r || typeof r.key !== 'string' || typeof r.source !== 'string') continue;
      const clean = redactRecord(r);
      redacted ||= clean !== r;
      this.index(clean);
    }
    this.evict();
    // An older version stored signed links: write the redacted records back (what callers see is unchanged).
    if (redacted) this.scheduleSave();
    return this.indexed;
  }

  /** An empty history that lives in memory only (no persistence). */
  static inMemory(opts: UploadHistoryOptions = {}): UploadHistory {
    return new UploadHistory({ load: () => [], save: () => undefined }, opts);
  }

  get size(): number {
    return this.records.size;
  }

  /** A copy of one record, its state recomputed against the clock. */
  get(key: string): UploadRecord | undefined {
    const r = this.records.get(key);
    return r && this.view(r);
  }

  /** All records, newest first. */
  list(): UploadRecord[] {
    return [...this.records.values()].reverse().map((r) => this.view(r));
  }

  /** Records holding these bytes (same SHA-256 and size), newest first. */
  findByContent(sha256: string, sizeBytes: number): UploadRecord[] {
    return this.pick(this.bySha.get(sha256)).filter((r) => r.sizeBytes === sizeBytes);
  }

  /** Records uploaded from this path or URL, newest first. */
  findBySource(source: string): UploadRecord[] {
    return this.pick(this.bySource.get(source));
  }

  /** The record of a Notion file upload id. */
  findByUploadId(fileUploadId: string): UploadRecord | undefined {
    for (const r of this.records.values()) if (r.fileUploadId === fileUploadId) return this.view(r);
    return undefined;
  }

  /** Any record of the given size (cheap pre-check before hashing for dedupe). */
  hasSize(sizeBytes: number, filter: (r: UploadRecord) => boolean = () => true): boolean {
    for (const r of this.records.values()) if (r.sizeBytes === sizeBytes && filter(this.view(r))) return true;
    return false;
  }

  /** The state shown for a record: `expired` once an unattached upload is past its expiry. */
  stateOf(r: UploadRecord): UploadState {
    return r.expiryTime !== null && r.state !== 'attached' && r.state !== 'failed' && Date.parse(r.expiryTime) <= this.now()
      ? 'expired'
      : r.state;
  }

  /** Inserts or replaces a record (moves it to the newest end). */
  put(record: UploadRecord): UploadRecord {
    this.unindex(record.key);
    const stored = redactRecord({ ...record, attachments: [...record.attachments], updatedTime: new Date(this.now()).toISOString() });
    this.index(stored);
    this.evict();
    this.touch([record.key]);
    return this.view(stored);
  }

  /** Applies a partial update in place (keeps age); returns the new record or undefined. */
  update(key: string, patch: Partial<Omit<UploadRecord, 'key'>>): UploadRecord | undefined {
    const old = this.records.get(key);
    if (!old) return undefined;
    const next = redactRecord({ ...old, ...patch, key, updatedTime: new Date(this.now()).toISOString() });
    this.unindex(key, false);
    this.index(next);
    this.touch([key]);
    return this.view(next);
  }

  remove(key: string): boolean {
    if (!this.unindex(key)) return false;
    this.touch([key]);
    return true;
  }

  clear(): void {
    this.records.clear();
    this.bySha.clear();
    this.bySource.clear();
    this.touch([]);
  }

  /** Writes pending changes now (also what dispose does). */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.saving = this.saving.then(() => this.store.save([...this.records.values()])).catch((e) => console.error(e));
    }
    await this.saving;
  }

  dispose(): void {
    void this.flush();
    this.changed.dispose();
  }

  /** A copy with the state recomputed against the clock. */
  private view(r: UploadRecord): UploadRecord {
    return { ...r, state: this.stateOf(r), attachments: [...r.attachments] };
  }

  private pick(keys: Set<string> | undefined): UploadRecord[] {
    if (!keys) return [];
    const out: UploadRecord[] = [];
    for (const k of keys) {
      const r = this.records.get(k);
      if (r) out.push(this.view(r));
    }
    return out.sort((a, b) => b.createdTime.localeCompare(a.createdTime));
  }

  private index(r: UploadRecord): void {
    this.records.set(r.key, r);
    if (r.sha256) addTo(this.bySha, r.sha256, r.key);
    addTo(this.bySource, r.source, r.key);
  }

  /** Removes a record from the indexes; `drop` false keeps its slot (age) in the map. */
  private unindex(key: string, drop = true): boolean {
    const r = this.records.get(key);
    if (!r) return false;
    if (r.sha256) removeFrom(this.bySha, r.sha256, key);
    removeFrom(this.bySource, r.source, key);
    if (drop) this.records.delete(key);
    return true;
  }

  /** Oldest finished records go first; unfinished ones only when nothing else is left. */
  private evict(): void {
    let excess = this.records.size - this.maxEntries;
    if (excess <= 0) return;
    for (const pass of [true, false]) {
      for (const r of this.records.values()) {
        if (excess <= 0) return;
        if (pass && UNFINISHED.has(r.state)) continue;
        this.unindex(r.key);
        excess--;
      }
    }
  }

  private touch(keys: string[]): void {
    this.changed.fire({ keys });
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      const snapshot = [...this.records.values()];
      this.saving = this.saving.then(() => this.store.save(snapshot)).catch((e) => console.error(e));
    }, this.saveDelayMs);
    this.saveTimer.unref?.();
  }
}

function addTo(index: Map<string, Set<string>>, k: string, key: string): void {
  let s = index.get(k);
  if (!s) index.set(k, (s = new Set()));
  s.add(key);
}

function removeFrom(index: Map<string, Set<string>>, k: string, key: string): void {
  const s = index.get(k);
  if (!s) return;
  s.delete(key);
  if (s.size === 0) index.delete(k);
}
