// GET /files/<uploadId>/<name>?exp=&sig=: the bytes behind a signed URL, streamed with
// Content-Type and Content-Length. Expired or forged signatures get S3's 403 XML.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { World } from './world';

function denied(res: ServerResponse, status: number, code: string, message: string): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
  res.end(xml);
}

export async function serveDownload(w: World, req: IncomingMessage, res: ServerResponse, url: URL, drop: boolean): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return denied(res, 405, 'MethodNotAllowed', 'Only GET and HEAD are allowed.');
  const verdict = w.signer.verify(url);
  if (!('uploadId' in verdict)) {
    return verdict.refused === 'expired'
      ? denied(res, 403, 'AccessDenied', 'Request has expired')
      : denied(res, 403, 'SignatureDoesNotMatch', 'The request signature does not match.');
  }
  const r = w.uploads.peek(verdict.uploadId);
  if (!r || r.state !== 'uploaded') return denied(res, 404, 'NoSuchKey', 'The specified key does not exist.');
  const size = r.contentLength ?? 0;
  res.writeHead(200, {
    'content-type': r.contentType ?? 'application/octet-stream',
    'content-length': String(size),
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(r.filename ?? 'file')}`,
  });
  if (req.method === 'HEAD') return void res.end();
  const cutAt = drop ? Math.floor(size / 2) : Infinity;
  let sent = 0;
  for await (const chunk of r.bytes.stream()) {
    const piece = sent + chunk.length > cutAt ? chunk.subarray(0, cutAt - sent) : chunk;
    sent += piece.length;
    if (sent >= cutAt) {
      // dropConnection fault: half the body, then the socket goes away.
      res.write(piece, () => res.socket?.destroy());
      return;
    }
    if (!res.write(piece)) {
      await new Promise((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
    if (res.destroyed) return;
  }
  res.end();
}
