// Tells which hosted files on a page came from our own uploads, using the upload history.
// Notion reads an attached upload back as a plain `file` object, so this is inferred:
// the upload id in the signed URL's path, the block an attachment created, or the same
// page, placement and file name as a recorded attachment.
import type { UploadRecord } from '../history/types';
import type { PageFile } from './types';

export type UploadIdentifier = (file: PageFile) => string | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const compact = (id: string) => id.replace(/-/g, '').toLowerCase();

function uuidsInPath(url: string): string[] {
  try {
    return new URL(url).pathname.split('/').filter((s) => UUID.test(s)).map(compact);
  } catch {
    return [];
  }
}

/** An identifier over the records `list()` returns at the time of each call. */
export function identifyFromHistory(history: { list(): UploadRecord[] }): UploadIdentifier {
  return (file) => {
    if (file.kind === 'external') return undefined;
    const records = history.list().filter((r) => r.fileUploadId);
    const inPath = new Set(uuidsInPath(file.url));
    const loc = file.location;
    const page = compact(file.pageId);
    for (const r of records) {
      const id = r.fileUploadId!;
      if (inPath.has(compact(id))) return id;
      for (const a of r.attachments) {
        if (compact(a.pageId) !== page || a.placement !== loc.type) continue;
        if (loc.type === 'block') {
          if (a.blockId && compact(a.blockId) === compact(loc.blockId)) return id;
        } else if (r.filename === file.name && (loc.type !== 'property' || a.detail === loc.property)) {
          return id;
        }
      }
    }
    return undefined;
  };
}

/** Marks the file as ours when the identifier knows its upload. */
export function classify(file: PageFile, identify: UploadIdentifier | undefined): PageFile {
  const id = file.kind === 'hosted' ? identify?.(file) : undefined;
  return id ? { ...file, kind: 'upload', fileUploadId: id } : file;
}
