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
  /** A JSON request's parsed body (tests check what the client sent). */
  body?: unknown;
  /** A send's `file` part as it arrived: name and Content-Type as sent (null when absent). */
  send?: { filename: string | null; contentType: string | null; sizeBytes: number; partNumber: string | null };
  /** True when the client went away before the answer reached it (it aborted the request in flight). */
  abandoned?: boolean;
  /** Which armed fault answered, if any. */
  fault?: 'status' | 'hang' | 'dropConnection';
}
