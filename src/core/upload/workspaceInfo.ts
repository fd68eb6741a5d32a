// The bot behind the token (its id scopes uploads) and the workspace's per-file limit,
// read once from GET /v1/users/me and cached; a failed read is not cached.
import type { NotionApi } from '../notion/api';
import type { BotUser } from '../notion/types';
import { untilAborted } from './retryable';

export interface WorkspaceInfo {
  botId: string;
  maxFileUploadSizeBytes: number | undefined;
}

export class WorkspaceInfoCache {
  private pending: Promise<WorkspaceInfo> | undefined;
  /** Who waits for the read in flight: it is cancelled only once every caller has cancelled. */
  private waiting: { ctl: AbortController; count: number; pinned: boolean } | undefined;

  constructor(private readonly client: NotionApi) {}

  /**
   * One read shared by every caller; each caller's cancel ends its own wait at once (not
   * another caller's), and the read itself stops when nobody waits for it any more.
   */
  get(signal?: AbortSignal): Promise<WorkspaceInfo> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.pending) {
      const w = (this.waiting = { ctl: new AbortController(), count: 0, pinned: false });
      const read = (this.pending = this.client.getBotUser({ signal: w.ctl.signal }).then(toInfo));
      read.then(() => undefined, () => this.pending === read && (this.pending = undefined)).finally(() => this.waiting === w && (this.waiting = undefined));
    }
    const w = this.waiting;
    if (w && !signal) w.pinned = true;
    if (w && signal) {
      w.count++;
      signal.addEventListener('abort', () => --w.count === 0 && !w.pinned && w.ctl.abort(), { once: true });
    }
    return untilAborted(this.pending, signal);
  }

  invalidate(): void {
    this.pending = undefined;
  }
}

function toInfo(bot: BotUser): WorkspaceInfo {
  return { botId: bot.id, maxFileUploadSizeBytes: bot.bot?.workspace_limits?.max_file_upload_size_in_bytes };
}
