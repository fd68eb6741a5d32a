// Upload once, attach many: which earlier upload holds the same bytes (SHA-256 + size + bot)
// and is still usable — attached (permanent) or pending with time left in its hour.
import * as l10n from '@vscode/l10n';
import type { UploadHistory } from '../history/uploadHistory';
import type { UploadRecord } from '../history/types';
import type { NotionApi } from '../notion/api';
import type { FileUpload } from '../notion/types';
import { sha256File } from './hashFile';
import { assertUnchanged, type LocalFile } from './localFile';
import { isAbort, statusOf, untilAborted } from './retryable';

/** A pending upload is reused only with this much of its hour left. */
const REUSE_MARGIN_MS = 5 * 60_000;

export class ReuseIndex {
  private readonly hashing = new Set<Promise<void>>();

  constructor(private readonly client: NotionApi, private readonly history: UploadHistory) {}

  /** SHA-256 from an earlier record of the same path/size/mtime, or by hashing when a same-size upload could be reused. */
  async knownSha(file: LocalFile, botId: string, signal?: AbortSignal): Promise<string | undefined> {
    const cached = this.history
      .findBySource(file.path)
      .find((r) => r.sha256 && r.sizeBytes === file.sizeBytes && r.mtimeMs === file.mtimeMs);
    if (cached) return cached.sha256;
    // Hashing costs a full read: only worth it when some usable upload has the same size.
    if (!this.history.hasSize(file.sizeBytes, (r) => this.usable(r, botId))) return undefined;
    // A same-size upload may still be hashing in the background: waited for, but a cancel ends the wait.
    await untilAborted(this.whenHashed(), signal);
    return sha256File(file.path, signal);
  }

  /**
   * SHA-256 of an uploaded file, for later dedupe, computed after the upload resolves: on a
   * busy machine hashing alongside would slow the upload itself (see the benchmark). Stored
   * only if the file is still the one uploaded (same size and mtime).
   */
  hashLater(key: string, file: LocalFile): void {
    const job = sha256File(file.path)
      .then(async (sha256) => {
        await assertUnchanged(file);
        this.history.update(key, { sha256 });
      })
      .catch(() => undefined)
      .finally(() => this.hashing.delete(job));
    this.hashing.add(job);
  }

  /** Resolves once background hashing has finished (tests, benchmark, before deduping). */
  async whenHashed(): Promise<void> {
    while (this.hashing.size) await Promise.all([...this.hashing]);
  }

  private usable(r: UploadRecord, botId: string): boolean {
    if (!r.fileUploadId || r.botId !== botId) return false;
    if (r.state === 'attached') return true;
    // Cancelled while attaching: its bytes are all on Notion, as for a pending one.
    const uploaded = r.state === 'pending' || (r.state === 'cancelled' && r.mode !== 'external_url' && r.sentBytes >= r.sizeBytes);
    return uploaded && r.expiryTime !== null && Date.parse(r.expiryTime) - this.history.now() > REUSE_MARGIN_MS;
  }

  async findReusable(sha: string, file: LocalFile, botId: string, signal?: AbortSignal): Promise<{ key: string; upload: FileUpload } | undefined> {
    for (const r of this.history.findByContent(sha, file.sizeBytes)) {
      if (!this.usable(r, botId)) continue;
      try {
        // One cheap read confirms Notion still has it (and gives the caller the object).
        const upload = await this.client.getFileUpload(r.fileUploadId!, { signal });
        const left = upload.expiry_time === null ? Infinity : Date.parse(upload.expiry_time) - this.history.now();
        if (upload.status === 'uploaded' && left > REUSE_MARGIN_MS) return { key: r.key, upload };
        this.history.update(r.key, { state: upload.status === 'uploaded' ? 'pending' : upload.status === 'pending' ? 'expired' : upload.status });
      } catch (err) {
        if (isAbort(err, signal) || statusOf(err) !== 404) throw err;
        this.history.update(r.key, { state: 'failed', error: l10n.t('Notion no longer knows this upload (404).') });
      }
    }
    return undefined;
  }
}
