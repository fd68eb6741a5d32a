// The request log a test can read: one entry per request, in arrival order.
export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  requestId: string;
  durationMs: number;
  code?: string;
  /** Which armed fault answered, if any. */
  fault?: 'status' | 'hang' | 'dropConnection';
}
