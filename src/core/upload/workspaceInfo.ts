// The bot behind the token (its id scopes uploads) and the workspace's per-file limit,
// read once from GET /v1/users/me and cached; a failed read is not cached.
import type { NotionApi } from '../notion/api';
import type { BotUser } from '../notion/types';

export interface WorkspaceInfo {
  botId: string;
  maxFileUploadSizeBytes: number | undefined;
}

export class WorkspaceInfoCache {
  private pending: Promise<WorkspaceInfo> | undefined;

  constructor(private readonly client: NotionApi) {}

  get(signal?: AbortSignal): Promise<WorkspaceInfo> {
    if (!this.pending) {
      this.pending = this.client.getBotUser({ signal }).then(toInfo);
      this.pending.catch(() => (this.pending = undefined));
    }
    return this.pending;
  }

  invalidate(): void {
    this.pending = undefined;
  }
}

function toInfo(bot: BotUser): WorkspaceInfo {
  return { botId: bot.id, maxFileUploadSizeBytes: bot.bot?.workspace_limits?.max_file_upload_size_in_bytes };
}
