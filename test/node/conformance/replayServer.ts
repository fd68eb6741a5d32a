// A loopback HTTP server that answers with recorded Notion responses, in order, and keeps what
// each request carried (method, path, query, headers, JSON body or the send form's fields) so a
// test can hold the client's requests to what real traffic shows.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Interaction } from './recordings';

export interface ReceivedRequest {
  method: string;
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
  /** Raw body length in bytes. */
  bodyBytes: number;
  json?: unknown;
  /** A multipart body: its text fields, and the file part's filename and Content-Type. */
  form?: { fields: Record<string, string>; file?: { filename: string; contentType: string; sizeBytes: number } };
}

const bareIds = (p: string) => p.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => id.replace(/-/g, '')).toLowerCase();

function parseForm(body: Buffer, contentType: string): ReceivedRequest['form'] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) return undefined;
  const fields: Record<string, string> = {};
  let file: { filename: string; contentType: string; sizeBytes: number } | undefined;
  const text = body.toString('latin1');
  for (const part of text.split(`--${boundary}`).slice(1, -1)) {
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.slice(0, headEnd);
    const data = part.slice(headEnd + 4, -2);
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined) file = { filename, contentType: /Content-Type: (.*)/i.exec(head)?.[1].trim() ?? '', sizeBytes: Buffer.byteLength(data, 'latin1') };
    else fields[name] = data;
  }
  return { fields, file };
}

export class ReplayServer {
  readonly received: ReceivedRequest[] = [];
  readonly mismatches: string[] = [];
  private queue: Array<{ i: Interaction; path: string }> = [];
  private server!: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.answer(req, Buffer.concat(chunks), res));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Queues recorded answers; `path` overrides the path the request must have (default: the recorded one). */
  serve(interactions: Interaction[], opts: { path?: string } = {}): void {
    for (const i of interactions) this.queue.push({ i, path: opts.path ?? i.request.path });
  }

  /** Ends a test: what went wrong, with the server emptied so the next test starts clean. */
  reset(): { mismatches: string[]; unanswered: number } {
    const out = { mismatches: this.mismatches.splice(0), unanswered: this.queue.length };
    this.queue = [];
    this.received.length = 0;
    return out;
  }

  private answer(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const type = String(req.headers['content-type'] ?? '');
    const got: ReceivedRequest = { method: req.method ?? '', path: url.pathname, query: url.search, headers: req.headers, bodyBytes: body.length };
    if (type.startsWith('application/json') && body.length) got.json = JSON.parse(body.toString('utf8'));
    if (type.startsWith('multipart/form-data')) got.form = parseForm(body, type);
    this.received.push(got);
    const next = this.queue.shift();
    const expected = next ? `${next.i.request.method} ${bareIds(next.path)}` : 'nothing';
    if (!next || expected !== `${got.method} ${bareIds(got.path)}`) {
      this.mismatches.push(`expected ${expected}, got ${got.method} ${got.path}`);
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'error', status: 500, code: 'internal_server_error', message: 'replay mismatch' }));
      return;
    }
    const json = JSON.stringify(next.i.response.body);
    res.writeHead(next.i.response.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-notion-request-id': String(next.i.response.body.request_id ?? ''),
    });
    res.end(json);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}
