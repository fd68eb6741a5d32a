// Streams a file URL to disk. The bytes go to a temporary file next to the target, renamed
// into place only once complete, so a cancelled or failed download leaves nothing behind.
// Signed file URLs live on a file host, not the API origin: the request carries no
// Authorization header (its own connection pool, see fileHost.ts, not the Notion client).
import * as l10n from '@vscode/l10n';
import { ExpectedError } from '../expectedError';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeFileName } from './fileName';
import { getFile } from './fileHost';
import { redactUrl } from '../notion/redact';

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Bytes written so far, and the total when the server announced one. */
  onProgress?: (received: number, total: number | undefined) => void;
  /** Asked when the target exists; resolve true to overwrite. Without it, existing files are never replaced. */
  confirmOverwrite?: (path: string) => boolean | Promise<boolean>;
  /** Follow redirects to loopback (only when the API base is loopback; see redirectPolicy.ts). */
  allowLoopback?: boolean;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  sha256: string;
}

/** The file host answered with an error status (an expired signed URL reads as 400/403). `url` is without its query. */
export class DownloadHttpError extends ExpectedError {
  readonly url: string;
  constructor(readonly status: number, url: string) {
    super(l10n.t('The file host answered {0} for {1}.', status, redactUrl(url)));
    this.name = 'DownloadHttpError';
    this.url = redactUrl(url);
  }
}

export class TargetExistsError extends ExpectedError {
  constructor(readonly path: string) {
    super(l10n.t('{0} already exists; not overwriting it.', path));
    this.name = 'TargetExistsError';
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
}

/** Moves the finished temp file into place without clobbering unless allowed. */
async function moveIntoPlace(temp: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) return rename(temp, target);
  try {
    await link(temp, target); // fails with EEXIST instead of replacing: no race with another writer
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TargetExistsError(target);
    // File systems without hard links: check, then rename.
    if (await exists(target)) throw new TargetExistsError(target);
    return rename(temp, target);
  }
  await unlink(temp);
}

/** Downloads `url` to `targetPath` (its file name must be a plain, safe name). */
export async function downloadToFile(url: string, targetPath: string, opts: DownloadOptions = {}): Promise<DownloadResult> {
  const target = resolve(targetPath);
  assertSafeFileName(basename(target));
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error(l10n.t('Cannot download {0}: not a valid URL.', JSON.stringify(redactUrl(url))));
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(l10n.t('Cannot download a {0} URL: only http and https links are fetched.', protocol));
  }
  let overwrite = false;
  if (await exists(target)) {
    overwrite = (await opts.confirmOverwrite?.(target)) ?? false;
    if (!overwrite) throw new TargetExistsError(target);
  }
  opts.signal?.throwIfAborted();

  const res = await getFile(url, { signal: opts.signal, allowLoopback: opts.allowLoopback });
  if (res.statusCode < 200 || res.statusCode >= 300) {
    await res.body.dump().catch(() => undefined);
    throw new DownloadHttpError(res.statusCode, url);
  }
  const announced = Number(res.headers['content-length']);
  const total = Number.isFinite(announced) && announced >= 0 ? announced : undefined;

  // A short hidden name: the target's own name may already be at the 255-byte limit.
  const temp = join(dirname(target), `.notion-download-${randomBytes(6).toString('hex')}.part`);
  const hash = createHash('sha256');
  let received = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      hash.update(chunk);
      opts.onProgress?.(received, total);
      done(null, chunk);
    },
  });
  try {
    await pipeline(res.body, meter, createWriteStream(temp, { flags: 'wx' }), { signal: opts.signal });
    if (total !== undefined && received !== total) {
      throw new Error(l10n.t('Download of {0} ended after {1} of {2} bytes.', redactUrl(url), received, total));
    }
    await moveIntoPlace(temp, target, overwrite);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    res.body.destroy();
    throw e;
  }
  return { path: target, bytes: received, sha256: hash.digest('hex') };
}
