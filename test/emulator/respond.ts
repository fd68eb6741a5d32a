// Writing responses: JSON with `request_id` in body and `x-notion-request-id` header, the
// error envelope, and cutting a response mid-body for dropConnection faults.
import type { ServerResponse } from 'node:http';
import { NotionError } from './errors';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: object,
  requestId: string,
  opts: { headers?: Record<string, string>; drop?: boolean } = {},
): void {
  const json = Buffer.from(JSON.stringify({ ...body, request_id: requestId }));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(json.length),
    'x-notion-request-id': requestId,
    ...opts.headers,
  });
  if (opts.drop) {
    res.write(json.subarray(0, Math.floor(json.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(json);
}

export function sendError(res: ServerResponse, err: NotionError, requestId: string, drop = false): void {
  sendJson(
    res,
    err.status,
    { object: 'error', status: err.status, code: err.code, message: err.message, ...err.extra },
    requestId,
    { headers: err.headers, drop },
  );
}
