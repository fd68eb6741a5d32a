// GET/HEAD /samples/<name>: files the emulator hosts itself, so that an external_url import can
// succeed without network (the sandbox's sample files; tests). An emulator convenience, not
// Notion: Content-Type and Content-Length as a plain web server sends them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { World } from './world';

export interface Sample {
  contentType: string;
  bytes: Buffer;
}

export function serveSample(w: World, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const name = decodeURIComponent(url.pathname.slice('/samples/'.length));
  const s = w.samples.get(name);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    return void res.end();
  }
  if (!s) {
    const msg = `No sample file "${name}".`;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(msg) });
    return void res.end(req.method === 'HEAD' ? undefined : msg);
  }
  res.writeHead(200, { 'content-type': s.contentType, 'content-length': String(s.bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : s.bytes);
}
