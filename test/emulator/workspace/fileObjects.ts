// File objects in request bodies (cover, icon, media blocks, files property items) and how
// stored files render: attached uploads read back as {type: "file", file: {url, expiry_time}}
// with a fresh signed URL served by the emulator.
import type { Bot } from '../bots';
import { validation } from '../errors';
import type { UrlSigner } from '../signedUrls';
import type { UploadRecord } from '../uploads/record';
import type { Slot, UploadStore } from '../uploads/store';
import { isObject } from '../isObject';

export type StoredFile =
  | { kind: 'upload'; uploadId: string; name?: string }
  | { kind: 'external'; url: string; name?: string }
  | { kind: 'emoji'; emoji: string };

/** A parsed file object plus the upload it attaches (marked attached only once all checks pass). */
export interface ParsedFile {
  stored: StoredFile;
  attaches?: UploadRecord;
}

export class FileObjects {
  constructor(
    private readonly uploads: UploadStore,
    private readonly signer: UrlSigner,
  ) {}

  parse(bot: Bot, raw: unknown, slot: Slot, where: string, opts: { emoji?: boolean } = {}): ParsedFile {
    if (!isObject(raw)) throw validation(`${where} should be an object, instead was \`${JSON.stringify(raw)}\`.`);
    const type = raw.type ?? ['file_upload', 'external', 'file', 'emoji'].find((k) => k in raw);
    const name = raw.name === undefined ? undefined : String(raw.name);
    // SDK: files property items of type file/external require a name; file_upload ones may omit it.
    if (slot === 'files_property' && (type === 'external' || type === 'file') && !name) {
      throw validation(`${where}.name should be defined for a ${type} item, instead was \`undefined\`.`);
    }
    switch (type) {
      case 'file_upload': {
        const fu = raw.file_upload;
        const r = this.uploads.attachable(bot, isObject(fu) ? fu.id : undefined, slot, where);
        return { stored: { kind: 'upload', uploadId: r.id, name }, attaches: r };
      }
      case 'external': {
        const ext = raw.external;
        const url = isObject(ext) ? ext.url : undefined;
        if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url)) {
          throw validation(`${where}.external.url should be a valid http(s) URL, instead was \`${JSON.stringify(url)}\`.`);
        }
        return { stored: { kind: 'external', url, name } };
      }
      case 'file': {
        // Keeping an existing Notion-hosted file (e.g. in a files property) means sending back
        // the url this emulator issued; it must still be valid.
        const f = raw.file;
        const url = isObject(f) ? f.url : undefined;
        const verdict = typeof url === 'string' && this.signer.isOwnUrl(url) ? this.signer.verify(new URL(url)) : undefined;
        if (!verdict || !('uploadId' in verdict)) {
          throw validation(`${where}.file.url must be a current Notion-hosted file URL (re-fetch the page for a fresh one); to attach new bytes use type "file_upload".`);
        }
        const r = this.uploads.attachable(bot, verdict.uploadId, slot, where);
        return { stored: { kind: 'upload', uploadId: r.id, name } };
      }
      case 'emoji':
        if (opts.emoji && typeof raw.emoji === 'string' && raw.emoji.length > 0) return { stored: { kind: 'emoji', emoji: raw.emoji } };
        throw validation(`${where} of type emoji is not accepted here or has no emoji.`);
      default:
        throw validation(`${where}.type should be "file_upload" or "external", instead was \`${JSON.stringify(type)}\`.`);
    }
  }

  render(f: StoredFile, opts: { withName?: boolean } = {}): Record<string, unknown> {
    if (f.kind === 'emoji') return { type: 'emoji', emoji: f.emoji };
    let out: Record<string, unknown>;
    if (f.kind === 'external') out = { type: 'external', external: { url: f.url } };
    else {
      const r = this.uploads.peek(f.uploadId);
      out = { type: 'file', file: this.signer.sign(f.uploadId, r?.filename ?? 'file') };
    }
    if (opts.withName) out.name = f.name ?? (f.kind === 'upload' ? (this.uploads.peek(f.uploadId)?.filename ?? 'file') : f.url.split('/').pop());
    return out;
  }

  markAttached(parsed: ParsedFile[]): void {
    for (const p of parsed) if (p.attaches) this.uploads.markAttached(p.attaches);
  }
}
