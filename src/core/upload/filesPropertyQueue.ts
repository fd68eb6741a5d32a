// Writes to a files property, one (page, property) at a time for the whole service. A PATCH
// replaces the whole value, so two read-modify-writes racing each other lose an item: here
// every item for one property waits in one queue, the items waiting when a write starts go
// in that write (one read right before one PATCH), items already there are not written again
// (a retry after an unknown outcome), and the answer is checked to hold every item meant to
// be there; a shortfall is written again (bounded), then reported naming the files.
import * as l10n from '@vscode/l10n';
import type { NotionApi } from '../notion/api';
import type { Page } from '../notion/types';
import { ExpectedError } from '../expectedError';
import { carries, fileObject, type FileRef } from './fileRef';
import { checkFilesProperty, fetchTargetPage } from './target';

export interface PropertyItem {
  ref: FileRef;
  /** The item's name in the property (the file name). */
  name: string;
}

/** Writes of one batch before the items still missing are reported. */
const MAX_WRITES = 3;

/** Whole sentences per number form, so each language words its own plural. */
function propertyWriteText(names: string, property: string, writes: number, files: number): string {
  if (writes === 1) {
    return files === 1
      ? l10n.t('{0} did not stay in property "{1}": Notion\'s answer to 1 write did not hold it (another change to the page may have replaced the value). Nothing is recorded as attached; attach again.', names, property)
      : l10n.t('{0} did not stay in property "{1}": Notion\'s answer to 1 write did not hold them (another change to the page may have replaced the value). Nothing is recorded as attached; attach again.', names, property);
  }
  return files === 1
    ? l10n.t('{0} did not stay in property "{1}": Notion\'s answer to {2} writes did not hold it (another change to the page may have replaced the value). Nothing is recorded as attached; attach again.', names, property, writes)
    : l10n.t('{0} did not stay in property "{1}": Notion\'s answer to {2} writes did not hold them (another change to the page may have replaced the value). Nothing is recorded as attached; attach again.', names, property, writes);
}

/** Notion's answer to a files-property write did not hold these items after every try. */
export class PropertyWriteError extends ExpectedError {
  override readonly name = 'PropertyWriteError';
  constructor(readonly property: string, readonly files: string[], writes: number) {
    super(
      propertyWriteText(files.map((f) => `"${f}"`).join(', '), property, writes, files.length),
    );
  }
}

interface Waiting {
  item: PropertyItem;
  signal?: AbortSignal;
  resolve(): void;
  reject(e: unknown): void;
}

interface Lane {
  pageId: string;
  shownPage: string;
  property: string;
  waiting: Waiting[];
  /** Calls that said an item is coming (still uploading or reading) and have not added it yet. */
  coming: number;
  running: boolean;
}

/** A place in a property's queue taken when an attach starts: its write waits for this item. */
export interface PropertySlot {
  add(item: PropertyItem, signal?: AbortSignal): Promise<void>;
  /** Gives the place up (the call failed before its item was ready); idempotent. */
  release(): void;
}

export class FilesPropertyQueue {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly client: NotionApi) {}

  /**
   * Takes a place in the queue of (page, property) for an item that is not ready yet: the next
   * write waits until every place taken has added its item or been released, so the files of
   * one batch go in one read and one PATCH.
   */
  reserve(pageId: string, shownPage: string, property: string): PropertySlot {
    const key = `${pageId}\u0000${property}`;
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { pageId, shownPage, property, waiting: [], coming: 0, running: false }));
    const l = lane;
    l.coming++;
    let open = true;
    const leave = () => {
      if (!open) return false;
      open = false;
      l.coming--;
      return true;
    };
    return {
      add: (item, signal) => {
        if (!leave()) throw new Error('This place in the property queue was already used.');
        return this.enqueue(key, l, item, signal);
      },
      release: () => {
        if (leave()) this.kick(key, l);
      },
    };
  }

  /** Resolves once Notion's answer holds the item in the property; rejects naming the file otherwise. */
  add(pageId: string, shownPage: string, property: string, item: PropertyItem, signal?: AbortSignal): Promise<void> {
    return this.reserve(pageId, shownPage, property).add(item, signal);
  }

  private enqueue(key: string, l: Lane, item: PropertyItem, signal?: AbortSignal): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const w: Waiting = { item, signal, resolve, reject };
      l.waiting.push(w);
      // Cancelled while still waiting: leave the queue, nothing written for it.
      signal?.addEventListener('abort', () => {
        const i = l.waiting.indexOf(w);
        if (i >= 0) {
          l.waiting.splice(i, 1);
          reject(signal.reason);
          this.kick(key, l);
        }
      }, { once: true });
    });
    this.kick(key, l);
    return done;
  }

  /** Starts a write when items wait and no announced item is still on its way. */
  private kick(key: string, lane: Lane): void {
    if (lane.running) return;
    if (!lane.waiting.length) {
      if (!lane.coming) this.lanes.delete(key);
      return;
    }
    if (lane.coming) return;
    lane.running = true;
    void this.drain(lane).finally(() => {
      lane.running = false;
      this.kick(key, lane);
    });
  }

  private async drain(lane: Lane): Promise<void> {
    const batch = lane.waiting.splice(0);
    try {
      const missing = await this.write(lane, batch);
      const error = missing.length ? new PropertyWriteError(lane.property, missing.map((m) => m.item.name), MAX_WRITES) : undefined;
      for (const w of batch) (missing.includes(w) ? w.reject(error) : w.resolve());
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }

  /** Reads, writes what is not there yet, checks the answer; returns the items still missing. */
  private async write(lane: Lane, batch: Waiting[]): Promise<Waiting[]> {
    // The write stops only when every caller in it cancelled.
    const signal = batch.every((w) => w.signal) ? anyAll(batch.map((w) => w.signal!)) : undefined;
    let missing = batch;
    for (let writes = 0; writes < MAX_WRITES && missing.length; writes++) {
      const page = await fetchTargetPage(this.client, lane.pageId, lane.shownPage, signal);
      const current = checkFilesProperty(page, lane.property, missing.map((w) => w.item.name).join(', '), 0);
      const toAdd = missing.filter((w) => !current.some((it) => carries(it, w.item.ref)));
      if (!toAdd.length) return [];
      checkFilesProperty(page, lane.property, toAdd.map((w) => w.item.name).join(', '), toAdd.length);
      const answer = await this.client.updatePage(
        lane.pageId,
        { properties: { [lane.property]: { files: [...current.map(keepItem), ...toAdd.map((w) => fileObject(w.item.ref, w.item.name))] } } },
        { signal },
      );
      missing = toAdd.filter((w) => !itemsOf(answer, lane.property).some((it) => carries(it, w.item.ref)));
    }
    return missing;
  }
}

function itemsOf(page: Page, property: string): unknown[] {
  const v = page.properties?.[property];
  return v?.type === 'files' ? (v.files ?? []) : [];
}

/** An item as read, in the shape a write accepts (Notion-hosted files keep their url, minus expiry). */
function keepItem(item: unknown): Record<string, unknown> {
  const it = item as Record<string, any>;
  if (it.type === 'file') return { type: 'file', name: it.name, file: { url: it.file?.url } };
  if (it.type === 'external') return { type: 'external', name: it.name, external: { url: it.external?.url } };
  return { ...it };
}

/** A signal that aborts once all the given ones have. */
function anyAll(signals: AbortSignal[]): AbortSignal {
  const c = new AbortController();
  const check = () => signals.every((s) => s.aborted) && c.abort(signals[signals.length - 1].reason);
  for (const s of signals) s.addEventListener('abort', check, { once: true });
  check();
  return c.signal;
}
