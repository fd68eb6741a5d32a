// Known tokens and the bot users behind them. Unknown or missing tokens are a 401.
import { NotionError } from './errors';
import { newId } from './ids';

export interface BotSpec {
  name?: string;
  workspaceName?: string;
  maxFileUploadSizeBytes?: number;
  workspaceId?: string;
}

export interface Bot {
  id: string;
  name: string;
  workspaceName: string;
  workspaceId: string;
  maxFileUploadSizeBytes: number;
}

export const GIB = 1024 * 1024 * 1024;
const DEFAULT_WORKSPACE_ID = newId();

export class Bots {
  private readonly byToken = new Map<string, Bot>();

  add(token: string, spec: BotSpec = {}): Bot {
    if (!token) throw new Error('addToken: token must be a non-empty string');
    const bot: Bot = {
      id: newId(),
      name: spec.name ?? 'Emulator Bot',
      workspaceName: spec.workspaceName ?? 'Emulator Workspace',
      workspaceId: spec.workspaceId ?? DEFAULT_WORKSPACE_ID,
      maxFileUploadSizeBytes: spec.maxFileUploadSizeBytes ?? 5 * GIB,
    };
    this.byToken.set(token, bot);
    return bot;
  }

  all(): Bot[] {
    return [...this.byToken.values()];
  }

  botForToken(token: string): Bot | undefined {
    return this.byToken.get(token);
  }

  /** The bot for an `Authorization: Bearer <token>` header, or a 401. */
  authenticate(header: string | undefined): { bot: Bot; token: string } {
    const m = /^Bearer (.+)$/.exec(header ?? '');
    const bot = m ? this.byToken.get(m[1]) : undefined;
    if (!m || !bot) throw new NotionError(401, 'unauthorized', 'API token is invalid.');
    return { bot, token: m[1] };
  }
}

export function botUserJson(bot: Bot): Record<string, unknown> {
  return {
    object: 'user',
    id: bot.id,
    name: bot.name,
    avatar_url: null,
    type: 'bot',
    bot: {
      owner: { type: 'workspace', workspace: true },
      workspace_id: bot.workspaceId,
      workspace_name: bot.workspaceName,
      workspace_limits: { max_file_upload_size_in_bytes: bot.maxFileUploadSizeBytes },
    },
  };
}
