// Signed download URLs for attached files, valid one hour of emulator time, served by the
// emulator itself at /files/<uploadId>/<filename>?exp=<ms>&sig=<hmac>.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from './clock';

export const SIGNED_URL_TTL_MS = 60 * 60 * 1000;

export class UrlSigner {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly baseUrl: () => string,
    private readonly clock: Clock,
  ) {}

  private sig(uploadId: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${uploadId}\n${exp}`).digest('base64url');
  }

  /** A fresh URL and its expiry (ISO) for the upload's bytes. */
  sign(uploadId: string, filename: string): { url: string; expiry_time: string } {
    const exp = this.clock.now() + SIGNED_URL_TTL_MS;
    const url = `${this.baseUrl()}/files/${uploadId}/${encodeURIComponent(filename)}?exp=${exp}&sig=${this.sig(uploadId, exp)}`;
    return { url, expiry_time: new Date(exp).toISOString() };
  }

  /** The upload id a URL was signed for, or why it is refused. */
  verify(url: URL): { uploadId: string } | { refused: 'expired' | 'bad_signature' | 'not_a_file_url' } {
    const m = /^\/files\/([0-9a-f-]{36})\/[^/]+$/.exec(url.pathname);
    if (!m) return { refused: 'not_a_file_url' };
    const exp = Number(url.searchParams.get('exp'));
    const given = Buffer.from(url.searchParams.get('sig') ?? '');
    const want = Buffer.from(this.sig(m[1], exp));
    if (!Number.isFinite(exp) || given.length !== want.length || !timingSafeEqual(given, want)) return { refused: 'bad_signature' };
    if (this.clock.now() >= exp) return { refused: 'expired' };
    return { uploadId: m[1] };
  }

  /** True when `raw` is a URL this emulator could have issued (same origin, /files/ path). */
  isOwnUrl(raw: string): boolean {
    try {
      const u = new URL(raw);
      return u.origin === new URL(this.baseUrl()).origin && u.pathname.startsWith('/files/');
    } catch {
      return false;
    }
  }
}
