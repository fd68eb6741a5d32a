// A minimal raw HTTP client for the emulator's own tests (the product's client is tested
// elsewhere): every request states its headers so refusals can be provoked on purpose.
import { DEFAULT_TOKEN } from './index';

export interface RawResponse {
  status: number;
  headers: Headers;
  json: any; // test assertions read arbitrary fields
}

export interface SendOptions {
  filename?: string;
  contentType?: string;
  partNumber?: number | string;
}

export class TestApi {
  constructor(
    readonly baseUrl: string,
    readonly token: string = DEFAULT_TOKEN,
    readonly version: string = '2025-09-03',
  ) {}

  as(token: string): TestApi {
    return new TestApi(this.baseUrl, token, this.version);
  }

  withVersion(version: string): TestApi {
    return new TestApi(this.baseUrl, this.token, version);
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'notion-version': this.version, ...extra };
  }

  async raw(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<RawResponse> {
    const res = await fetch(`${this.baseUrl}${path}`, { method, body: init.body, headers: init.headers ?? this.headers(), signal: init.signal });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, json };
  }

  call(method: string, path: string, body?: unknown): Promise<RawResponse> {
    return this.raw(method, path, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
    });
  }

  createUpload(body: Record<string, unknown>): Promise<RawResponse> {
    return this.call('POST', '/v1/file_uploads', body);
  }

  send(id: string, bytes: Uint8Array, o: SendOptions = {}): Promise<RawResponse> {
    const form = new FormData();
    if (o.partNumber !== undefined) form.append('part_number', String(o.partNumber));
    // TS 5.9 types Uint8Array<ArrayBufferLike> as not a BlobPart; at runtime it is one.
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: o.contentType ?? '' }), o.filename ?? 'file');
    return this.raw('POST', `/v1/file_uploads/${id}/send`, { body: form, headers: this.headers() });
  }

  /** Creates a multi-part movie.mp4 (video/mp4) upload of `parts` parts; returns its id. */
  async createMultiPart(parts: number): Promise<string> {
    const r = await this.createUpload({ mode: 'multi_part', filename: 'movie.mp4', content_type: 'video/mp4', number_of_parts: parts });
    if (r.status !== 200) throw new Error(`create failed: ${JSON.stringify(r.json)}`);
    return r.json.id as string;
  }

  /** Create + send a single-part upload; returns the uploaded object. */
  async uploadSingle(filename: string, contentType: string, bytes: Uint8Array): Promise<any> {
    const created = await this.createUpload({ filename, content_type: contentType });
    if (created.status !== 200) throw new Error(`create failed: ${JSON.stringify(created.json)}`);
    const sent = await this.send(created.json.id, bytes, { filename, contentType });
    if (sent.status !== 200) throw new Error(`send failed: ${JSON.stringify(sent.json)}`);
    return sent.json;
  }
}

export const MIB = 1024 * 1024;

/** Deterministic pseudo-random bytes (fast, no crypto needed). */
export function bytesOf(size: number, seed = 1): Buffer {
  const b = Buffer.allocUnsafe(Math.ceil(size / 4) * 4);
  let x = (seed * 2654435761) | 0 || 1;
  for (let i = 0; i < b.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b.writeInt32LE(x | 0, i);
  }
  return b.subarray(0, size);
}
