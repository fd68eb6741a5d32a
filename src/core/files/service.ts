// The file browser's operations, without vscode: list a page's files, renew a link,
// download a file, copy a file to another page.
import * as l10n from '@vscode/l10n';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseNotionId } from '../ids';
import type { NotionApi, RequestOptions } from '../notion/api';
import type { AttachTarget } from '../upload/types';
import { copyFileToPage, type CopyOptions, type CopyResult, type CopyUploader } from './copy';
import { DownloadHttpError, downloadToFile, TargetExistsError, type DownloadOptions, type DownloadResult } from './download';
import { assertSafeFileName, deriveFileName } from './fileName';
import { ensureFresh } from './freshLink';
import { probeLink } from './fileHost';
import { isLoopbackBase } from './redirectPolicy';
import { classify, type UploadIdentifier } from './ourUploads';
import { isNotionHosted, type PageFile } from './types';
import { walkPageFiles, type WalkOptions, type WalkResult } from './walk';

export interface PageFilesServiceOptions {
  api: NotionApi;
  /** Needed for copyToPage only. */
  uploads?: CopyUploader;
  /** Recognises our own uploads (see identifyFromHistory). */
  identifyUpload?: UploadIdentifier;
  /** Clock for link expiry, ms since epoch (default Date.now). */
  now?: () => number;
  /** Default nesting depth for walks (default 5). */
  maxDepth?: () => number | undefined;
}

export interface FreshFileOptions extends RequestOptions {
  /** Re-read the owner even if the link looks fresh. */
  force?: boolean;
  /** Also check a fresh-looking link on the file host (one ranged GET) before trusting it. */
  verify?: boolean;
}

export interface PageDownloadOptions extends DownloadOptions {
  /** Folder to write into (must exist). */
  directory: string;
  /** File name to use instead of the one derived from Notion's name; refused if unsafe. */
  fileName?: string;
}

/** A file host refusing a signed URL is how an expired (or revoked) link looks. */
const DEAD_LINK_STATUSES = new Set([400, 401, 403, 404, 410]);

export class PageFilesService {
  constructor(private readonly opts: PageFilesServiceOptions) {}

  get api(): NotionApi {
    return this.opts.api;
  }

  /** Walks the page (`pageInput` is an id or a Notion URL), reporting files as they are found. */
  async walk(pageInput: string, opts: WalkOptions = {}): Promise<WalkResult> {
    const pageId = parseNotionId(pageInput, 'page');
    const onFile = opts.onFile && ((f: PageFile) => opts.onFile!(classify(f, this.opts.identifyUpload)));
    return walkPageFiles(this.opts.api, pageId, { maxDepth: this.opts.maxDepth?.(), ...opts, onFile });
  }

  /** Every file on the page. */
  async listFiles(pageInput: string, opts: Omit<WalkOptions, 'onFile'> = {}): Promise<PageFile[]> {
    const files: PageFile[] = [];
    await this.walk(pageInput, { ...opts, onFile: (f) => files.push(f) });
    return files;
  }

  /**
   * The file with a link good for at least five more minutes (re-reads its owner if needed).
   * With `verify`, a link that still looks fresh is also tried on the file host (one byte),
   * and renewed if refused: the local clock may be off from Notion's by more than the margin.
   */
  async freshFile(file: PageFile, opts: FreshFileOptions = {}): Promise<PageFile> {
    const fresh = await ensureFresh(this.opts.api, file, { signal: opts.signal, force: opts.force, now: this.opts.now });
    if (!opts.verify || fresh !== file || !isNotionHosted(file)) return fresh;
    const status = await probeLink(fresh.url, opts.signal, isLoopbackBase(this.opts.api.baseUrl));
    if (status === undefined || !DEAD_LINK_STATUSES.has(status)) return fresh;
    return ensureFresh(this.opts.api, file, { signal: opts.signal, force: true });
  }

  async freshUrl(file: PageFile, opts: FreshFileOptions = {}): Promise<string> {
    return (await this.freshFile(file, opts)).url;
  }

  /** The name a download of `file` gets unless the caller chooses one. */
  suggestedFileName(file: PageFile): string {
    return deriveFileName(file.name, file.location.type === 'block' ? file.location.blockType : file.location.type);
  }

  /**
   * Downloads the file into `directory`. A hosted link the file host refuses is renewed
   * once and tried again (our clock and Notion's may disagree about its expiry).
   */
  async download(file: PageFile, opts: PageDownloadOptions): Promise<DownloadResult & { file: PageFile }> {
    const name = opts.fileName ?? this.suggestedFileName(file);
    assertSafeFileName(name);
    const dir = await stat(opts.directory).catch(() => undefined);
    if (!dir?.isDirectory()) throw new Error(l10n.t('Cannot download “{0}” into {1}: no such folder.', file.name, opts.directory));
    const target = join(opts.directory, name);
    // Ask about overwriting at most once, even if the download is retried.
    let answer: Promise<boolean> | undefined;
    const confirmOverwrite = (p: string) => (answer ??= Promise.resolve(opts.confirmOverwrite?.(p) ?? false));
    const dl = { ...opts, confirmOverwrite, allowLoopback: isLoopbackBase(this.opts.api.baseUrl) };
    // Settle "replace it?" before any request (downloadToFile checks again at the end).
    if ((await stat(target).catch(() => undefined)) && !(await confirmOverwrite(target))) throw new TargetExistsError(target);

    let current = await this.freshFile(file, { signal: opts.signal });
    try {
      return { ...(await downloadToFile(current.url, target, dl)), file: current };
    } catch (e) {
      if (!(e instanceof DownloadHttpError) || !DEAD_LINK_STATUSES.has(e.status) || !isNotionHosted(file)) throw e;
      current = await this.freshFile(file, { signal: opts.signal, force: true });
      return { ...(await downloadToFile(current.url, target, dl)), file: current };
    }
  }

  /**
   * Copies the file to another page (see copyFileToPage): by Notion's import of a fresh link,
   * or, when Notion cannot import it, by a download to a temp file and a new upload.
   */
  async copyToPage(file: PageFile, target: AttachTarget, opts: CopyOptions = {}): Promise<CopyResult> {
    if (!this.opts.uploads) throw new Error(l10n.t('Copying files needs the upload service, which is not configured.'));
    return copyFileToPage(this, this.opts.uploads, file, target, opts);
  }
}
