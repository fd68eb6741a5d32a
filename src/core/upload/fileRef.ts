// What is attached (an upload id or an https link) and how to recognise it when read back:
// Notion returns an attached upload as a Notion-hosted file whose signed URL carries its id.
import type { FileObjectRequest } from '../notion/types';

export type FileRef = { type: 'file_upload'; id: string } | { type: 'external'; url: string };

/** The file object a write sends for `ref` (with a name for files property items and file blocks). */
export function fileObject(ref: FileRef, name?: string): FileObjectRequest {
  const base: FileObjectRequest =
    ref.type === 'file_upload'
      ? { type: 'file_upload', file_upload: { id: ref.id } }
      : { type: 'external', external: { url: ref.url } };
  return name === undefined ? base : { ...base, name };
}

/** True when a file object as read (cover, icon, a block's payload, a property item) is `ref`. */
export function carries(fileObj: unknown, ref: FileRef): boolean {
  const payload = fileObj as Record<string, any> | null | undefined;
  if (!payload || typeof payload !== 'object') return false;
  if (ref.type === 'external') return payload.type === 'external' && payload.external?.url === ref.url;
  if (payload.type === 'file_upload') return payload.file_upload?.id === ref.id;
  // Read back as a Notion-hosted file: its signed URL's path carries the upload id.
  const url: unknown = payload.file?.url;
  if (typeof url !== 'string') return false;
  const path = url.split('?')[0];
  return path.includes(ref.id) || path.includes(ref.id.replace(/-/g, ''));
}
