// The multipart/form-data body of a file upload `send`: undici's FormData writes the boundary
// and an exact Content-Length; the file part is a File over the caller's Blob, so a blob from
// `fs.openAsBlob(path).slice(a, b)` is streamed from disk, never held in memory.
import { File } from 'node:buffer';
import { FormData } from 'undici';

/** A File whose stream reports how many bytes have been read from it so far. */
class ProgressFile extends File {
  constructor(data: Blob, filename: string, type: string, private readonly onBytes?: (sent: number) => void) {
    // Node's File keeps a reference to the blob's backing data (no copy, still disk-backed).
    super([data as import('node:buffer').Blob], filename, { type });
  }

  override stream(): ReturnType<File['stream']> {
    const source = super.stream();
    const onBytes = this.onBytes;
    if (!onBytes) return source;
    let sent = 0;
    return (source as unknown as ReadableStream<Uint8Array>).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          sent += chunk.byteLength;
          onBytes(sent);
          controller.enqueue(chunk);
        },
      }),
    ) as unknown as ReturnType<File['stream']>;
  }
}

export interface SendBodyParts {
  data: Blob;
  filename: string;
  contentType: string;
  partNumber?: number;
  onBytes?: (sent: number) => void;
}

/** A fresh body for one attempt (a retry builds a new one: the blob is read again from the start). */
export function sendFormData(p: SendBodyParts): FormData {
  const form = new FormData();
  // The small field first, so the part number can be checked before the bytes arrive.
  if (p.partNumber !== undefined) form.append('part_number', String(p.partNumber));
  form.append('file', new ProgressFile(p.data, p.filename, p.contentType, p.onBytes) as unknown as Blob);
  return form;
}
