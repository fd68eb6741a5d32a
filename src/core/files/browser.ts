// Drives a PageFilesModel: one walk at a time (opening another page cancels the running
// walk), files streamed into the model as found, links renewed in place.
import { parseNotionId, tryParseNotionId } from '../ids';
import { isAbortError } from '../notion/errors';
import { PageFilesModel, type WalkState } from './model';
import type { FreshFileOptions, PageFilesService } from './service';
import type { PageFile } from './types';

export class PageFilesBrowser {
  readonly model = new PageFilesModel();
  private running: AbortController | undefined;
  private pageInput: string | undefined;

  constructor(readonly service: PageFilesService) {}

  /** Lists `pageInput`'s files into the model. Resolves with how the walk ended; never rejects. */
  async open(pageInput: string, opts: { signal?: AbortSignal; maxDepth?: number } = {}): Promise<WalkState> {
    this.cancel();
    const controller = new AbortController();
    this.running = controller;
    const onOuterAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    if (opts.signal?.aborted) controller.abort();
    this.pageInput = pageInput;
    const model = this.model;
    const pageId = tryParseNotionId(pageInput, 'page');
    model.reset(pageId);
    if (!pageId) {
      try {
        parseNotionId(pageInput, 'page');
      } catch (e) {
        model.finish('failed', e as Error);
      }
      return 'failed';
    }
    const live = () => this.running === controller;
    try {
      const result = await this.service.walk(pageId, {
        signal: controller.signal,
        maxDepth: opts.maxDepth,
        onFile: (f) => live() && model.add(f),
        onProgress: (p) => live() && model.setProgress(p),
      });
      if (live()) {
        model.pageId = result.pageId;
        model.title = result.title;
        model.finish('done');
      }
      return 'done';
    } catch (e) {
      const state = controller.signal.aborted || isAbortError(e) ? 'cancelled' : 'failed';
      if (live()) model.finish(state, state === 'failed' ? (e as Error) : undefined);
      return state;
    } finally {
      opts.signal?.removeEventListener('abort', onOuterAbort);
      if (live()) this.running = undefined;
    }
  }

  /** Lists the current page again. */
  async refresh(opts: { signal?: AbortSignal } = {}): Promise<WalkState> {
    return this.pageInput ? this.open(this.pageInput, opts) : 'idle';
  }

  cancel(): void {
    this.running?.abort();
    this.running = undefined;
  }

  /** The file with a fresh link; the model shows the new link and expiry. */
  async freshFile(file: PageFile, opts: FreshFileOptions = {}): Promise<PageFile> {
    const fresh = await this.service.freshFile(file, opts);
    if (fresh !== file) this.model.update(fresh);
    return fresh;
  }

  dispose(): void {
    this.cancel();
    this.model.dispose();
  }
}
