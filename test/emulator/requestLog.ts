// The request log a test can read: one entry per request, in arrival order.
export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  requestId: string;
  durationMs: number;
  code?: string;
  /** The Notion-Version sent, and the bot the token belongs to (never the token itself). */
  version?: string;
  botId?: string;
  /** Which armed fault answered, if any. */
  fault?: 'status' | 'hang' | 'dropConnection';
}
