// A small streaming multipart/form-data parser (RFC 7578): bytes go to the handler as they
// arrive, nothing is buffered beyond a delimiter's length, so a 20 MiB part costs one copy.
import { NotionError } from './errors';

export interface PartInfo {
  name: string;
  filename?: string;
  contentType?: string;
}

export interface MultipartHandler {
  onPart(part: PartInfo): void;
  onData(chunk: Buffer): void;
  onPartEnd(): void;
}

const MAX_HEADER_BYTES = 16 * 1024;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

const malformed = (why: string) => new NotionError(400, 'invalid_request', `Failed to parse multipart/form-data body: ${why}.`);

/** The boundary from a Content-Type header; throws when it is not multipart/form-data or lacks one. */
export function boundaryOf(contentType: string | undefined): string {
  const [type, ...params] = (contentType ?? '').split(';');
  if (type.trim().toLowerCase() !== 'multipart/form-data') {
    throw new NotionError(400, 'invalid_request', `Content-Type must be multipart/form-data, instead was \`${contentType ?? 'undefined'}\`.`);
  }
  for (const p of params) {
    const m = /^\s*boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))\s*$/i.exec(p);
    if (m) return m[1] ?? m[2];
  }
  throw new NotionError(400, 'invalid_request', 'Content-Type multipart/form-data is missing its boundary parameter.');
}

/** Undici and browsers escape `"`, CR and LF in names as %22, %0D, %0A. */
function unescapeName(v: string): string {
  return v.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

function parseHeaders(block: string): PartInfo {
  let name: string | undefined;
  let filename: string | undefined;
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) throw malformed(`bad part header line \`${line}\``);
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-type') contentType = value;
    if (key !== 'content-disposition') continue;
    if (!/^form-data\s*(;|$)/i.test(value)) throw malformed('part Content-Disposition is not form-data');
    for (const m of value.matchAll(/;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
      const param = m[1].toLowerCase();
      const v = m[2] !== undefined ? unescapeName(m[2].replace(/\\(.)/g, '$1')) : m[3].trim();
      if (param === 'name') name = v;
      else if (param === 'filename' && filename === undefined) filename = v;
      else if (param === 'filename*') filename = decodeURIComponent(v.replace(/^[^']*'[^']*'/, ''));
    }
  }
  if (name === undefined) throw malformed('a part has no name in its Content-Disposition');
  return { name, filename, contentType };
}

type State = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';

export class MultipartParser {
  private readonly delimiter: Buffer;
  private buf: Buffer = CRLF; // lets the first delimiter match without special-casing
  private state: State = 'preamble';

  constructor(
    boundary: string,
    private readonly handler: MultipartHandler,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  write(chunk: Buffer): void {
    this.buf = this.join(chunk);
    for (;;) {
      if (this.state === 'done') {
        this.buf = Buffer.alloc(0); // epilogue is ignored
        return;
      }
      if (!this.step()) return;
    }
  }

  /** Unparsed tail + new chunk. In a part body the tail is shorter than the delimiter: when
   * no delimiter starts inside it, hand it over as data and keep the chunk uncopied. */
  private join(chunk: Buffer): Buffer {
    const tail = this.buf;
    if (!tail.length) return chunk;
    const d = this.delimiter;
    if (this.state === 'body' && tail.length < d.length && chunk.length >= d.length) {
      const i = Buffer.concat([tail, chunk.subarray(0, d.length - 1)]).indexOf(d);
      if (i < 0 || i >= tail.length) {
        this.handler.onData(tail);
        return chunk;
      }
    }
    return Buffer.concat([tail, chunk]);
  }

  end(): void {
    if (this.state !== 'done') throw malformed('the body ended before the closing boundary');
  }

  /** Advances one state; false when more bytes are needed. */
  private step(): boolean {
    const d = this.delimiter;
    switch (this.state) {
      case 'preamble': {
        const i = this.buf.indexOf(d);
        if (i < 0) {
          this.buf = this.buf.subarray(Math.max(0, this.buf.length - d.length + 1));
          return false;
        }
        this.buf = this.buf.subarray(i + d.length);
        this.state = 'afterDelimiter';
        return true;
      }
      case 'afterDelimiter': {
        if (this.buf.length < 2) return false;
        if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
          this.state = 'done';
          return true;
        }
        const eol = this.buf.indexOf(CRLF);
        if (eol < 0) {
          if (this.buf.length > 256) throw malformed('garbage after a boundary');
          return false;
        }
        if (this.buf.subarray(0, eol).toString('latin1').trim() !== '') throw malformed('garbage after a boundary');
        this.buf = this.buf.subarray(eol + 2);
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        const end = this.buf.indexOf(HEADER_END);
        if (end < 0) {
          if (this.buf.length > MAX_HEADER_BYTES) throw malformed('part headers too large');
          return false;
        }
        this.handler.onPart(parseHeaders(this.buf.subarray(0, end).toString('utf8')));
        this.buf = this.buf.subarray(end + HEADER_END.length);
        this.state = 'body';
        return true;
      }
      case 'body': {
        const i = this.buf.indexOf(d);
        if (i < 0) {
          // Keep a possible partial delimiter at the end for the next chunk.
          const safe = this.buf.length - d.length + 1;
          if (safe > 0) {
            this.handler.onData(this.buf.subarray(0, safe));
            this.buf = this.buf.subarray(safe);
          }
          return false;
        }
        if (i > 0) this.handler.onData(this.buf.subarray(0, i));
        this.handler.onPartEnd();
        this.buf = this.buf.subarray(i + d.length);
        this.state = 'afterDelimiter';
        return true;
      }
      default:
        return false;
    }
  }
}
