// The multipart/form-data body of a file upload `send`, streamed from disk as the socket takes
// it, never held in memory: from the file range when the caller names one (1 MiB reads, see
// fileRange.ts), else from the caller's Blob (e.g. `fs.openAsBlob(path).slice(a, b)`). Written here rather than with undici's FormData because undici's encoder copies
// every chunk (`new Uint8Array(chunk)`) through two extra web streams; on a 1 GiB upload
// that was a third of the client's CPU. The encoding follows undici's (and the HTML spec's):
// CRLF line ends, `"`/CR/LF in names escaped as %22/%0D/%0A, an exact Content-Length.
import { randomBytes } from 'node:crypto';
import type { SendPartParams } from './api';
import { readFileRange } from './fileRange';

/** The body carries exactly what a send is given. */
export type SendBodyParts = SendPartParams;

export interface MultipartBody {
  /** Yields the body once; undici pulls it as the socket drains. */
  body: AsyncIterable<Uint8Array>;
  /** `multipart/form-data; boundary=…` */
  contentType: string;
  contentLength: number;
}

const escapeName = (s: string) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');

/** As a Blob would keep it: printable ASCII, lower-cased; anything else is sent as octet-stream. */
function partType(t: string): string {
  return t && /^[\x20-\x7e]*$/.test(t) ? t.toLowerCase() : 'application/octet-stream';
}

/** A fresh body for one attempt (a retry builds a new one: the blob is read again from the start). */
export function sendBody(p: SendBodyParts): MultipartBody {
  const boundary = `----notion-assets-${randomBytes(12).toString('hex')}`;
  // The small field first, so the part number can be checked before the bytes arrive.
  const field = p.partNumber === undefined ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="part_number"\r\n\r\n${p.partNumber}\r\n`;
  const head = Buffer.from(
    `${field}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escapeName(p.filename)}"\r\n` +
      `Content-Type: ${partType(p.contentType)}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { data, file, onBytes } = p;
  async function* body(): AsyncGenerator<Uint8Array> {
    yield head;
    let sent = 0;
    // Disk reads on demand, counted as undici pulls each chunk.
    const chunks = file ? readFileRange(file) : (data.stream() as unknown as AsyncIterable<Uint8Array>);
    for await (const chunk of chunks) {
      sent += chunk.byteLength;
      onBytes?.(sent);
      yield chunk;
    }
    yield tail;
  }
  return { body: body(), contentType: `multipart/form-data; boundary=${boundary}`, contentLength: head.length + data.size + tail.length };
}
