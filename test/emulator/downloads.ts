// GET /files/<uploadId>/<name>?exp=&sig=: the bytes behind a signed URL, streamed with
// Content-Type and Content-Length, single byte ranges answered 206 like S3. Expired or forged
// signatures, and methods other than GET, get S3's 403 XML.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { World } from './world';

function denied(res: ServerResponse, status: number, code: string, message: string): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
  res.end(xml);
}

/** A single `bytes=` range as [start, end), 'unsatisfiable', or undefined to serve it all. */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // absent, malformed or multi-range: whole object
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size];
  }
  const first = Number(m[1]);
  const last = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (first >= size || last < first) return 'unsatisfiable';
  return [first, last + 1];
}

export async function serveDownload(w: World, req: IncomingMessage, res: ServerResponse, url: URL, drop: boolean): Promise<void> {
  // Like S3, a URL signed for GET refuses other methods (HEAD included): probe with a range.
  if (req.method !== 'GET') return denied(res, 403, 'SignatureDoesNotMatch', `The request signature does not match: this URL is signed for GET, not ${req.method}.`);
  const verdict = w.signer.verify(url);
  if (!('uploadId' in verdict)) {
    return verdict.refused === 'expired'
      ? denied(res, 403, 'AccessDenied', 'Request has expired')
      : denied(res, 403, 'SignatureDoesNotMatch', 'The request signature does not match.');
  }
  const r = w.uploads.peek(verdict.uploadId);
  if (!r || r.state !== 'uploaded' || r.bytes.discarded) return denied(res, 404, 'NoSuchKey', 'The specified key does not exist.');
  const size = r.contentLength ?? 0;
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.setHeader('content-range', `bytes */${size}`);
    return denied(res, 416, 'InvalidRange', 'The requested range is not satisfiable');
  }
  const [start, end] = range ?? [0, size];
  res.writeHead(range ? 206 : 200, {
    'content-type': r.contentType ?? 'application/octet-stream',
    'content-length': String(end - start),
    'accept-ranges': 'bytes',
    ...(range ? { 'content-range': `bytes ${start}-${end - 1}/${size}` } : {}),
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(r.filename ?? 'file')}`,
  });
  const cutAt = drop ? Math.floor((end - start) / 2) : Infinity;
  let sent = 0;
  for await (const chunk of r.bytes.stream(start, end)) {    const piece = sent + chunk.length > cutAt ? chunk.subarray(0, cutAt - sent) : chunk;
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
