// The list of files on one page, as the file browser shows it. Filled while a walk runs
// (so a cancelled or failed walk keeps what it found) and updated when a link is renewed.
import { Emitter, type Disposable, type Event } from '../events';
import type { PageFile, WalkProgress } from './types';

export type WalkState = 'idle' | 'walking' | 'done' | 'cancelled' | 'failed';

export type PageFilesChange =
  | { type: 'reset' }
  | { type: 'added'; file: PageFile }
  | { type: 'updated'; file: PageFile }
  | { type: 'progress'; progress: WalkProgress }
  | { type: 'state'; state: WalkState };

export class PageFilesModel implements Disposable {
  private readonly changed = new Emitter<PageFilesChange>();
  readonly onDidChange: Event<PageFilesChange> = this.changed.event;

  private items = new Map<string, PageFile>();
  pageId: string | undefined;
  title = '';
  state: WalkState = 'idle';
  progress: WalkProgress = { blocks: 0, files: 0, requests: 0, skippedDeep: 0 };
  error: Error | undefined;

  get files(): PageFile[] {
    return [...this.items.values()];
  }

  get(key: string): PageFile | undefined {
    return this.items.get(key);
  }

  reset(pageId: string | undefined): void {
    this.items = new Map();
    this.pageId = pageId;
    this.title = '';
    this.error = undefined;
    this.progress = { blocks: 0, files: 0, requests: 0, skippedDeep: 0 };
    this.state = pageId ? 'walking' : 'idle';
    this.changed.fire({ type: 'reset' });
  }

  add(file: PageFile): void {
    this.items.set(file.key, file);
    this.changed.fire({ type: 'added', file });
  }

  /** Replaces a listed file (same key), e.g. after its link was renewed. Ignored if not listed. */
  update(file: PageFile): void {
    if (file.pageId !== this.pageId || !this.items.has(file.key)) return;
    this.items.set(file.key, file);
    this.changed.fire({ type: 'updated', file });
  }

  setProgress(progress: WalkProgress): void {
    this.progress = progress;
    this.changed.fire({ type: 'progress', progress });
  }

  finish(state: Exclude<WalkState, 'idle' | 'walking'>, error?: Error): void {
    this.state = state;
    this.error = error;
    this.changed.fire({ type: 'state', state });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
