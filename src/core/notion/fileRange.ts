// A byte range of a local file read straight from disk in 1 MiB chunks: the send body's fast
// path. A Blob from fs.openAsBlob streams 64 KiB chunks through two web-stream layers, which
// cost the upload about three times the CPU of the socket writes themselves. The Blob also
// refuses to read a file modified since it was made; this reader keeps that promise by
// comparing the open file's size and mtime with the caller's snapshot before the first and
// the last chunk, so a part read from a changed file never reaches its final byte.
// Two buffers per range, used in turn: fresh 1 MiB buffers cost as much CPU again as the whole
// send (page faults on new memory, then GC of a GiB of external memory).
import * as l10n from '@vscode/l10n';
import { open, type FileHandle } from 'node:fs/promises';

export interface FileRange {
  path: string;
  /** First byte (inclusive) and end (exclusive) of the range. */
  start: number;
  end: number;
  /** The file as it was when the upload started: a read fails if it differs. */
  sizeBytes: number;
  mtimeMs: number;
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * Closes the file when done, failed or returned early. A yielded chunk is overwritten two
 * chunks later, so the consumer must be done with it by then. undici's body writer is: a
 * 1 MiB write exceeds the socket's 16 KiB high-water mark, so it waits for 'drain' (every
 * byte handed to the kernel or TLS) before it asks for the next chunk.
 */
export async function* readFileRange(r: FileRange): AsyncGenerator<Buffer> {
  const fh = await open(r.path, 'r');
  try {
    await assertSnapshot(fh, r);
    const ring: Buffer[] = [];
    for (let pos = r.start, i = 0; pos < r.end; i++) {
      const want = Math.min(CHUNK_BYTES, r.end - pos);
      const buf = (ring[i % 2] ??= Buffer.allocUnsafe(CHUNK_BYTES)).subarray(0, want);
      for (let got = 0; got < want; ) {
        const { bytesRead } = await fh.read(buf, got, want - got, pos + got);
        if (bytesRead === 0) throw changedError(r, l10n.t('it ends before byte {0}', pos + got));
        got += bytesRead;
      }
      pos += want;
      if (pos === r.end) await assertSnapshot(fh, r);
      yield buf;
    }
  } finally {
    await fh.close();
  }
}

async function assertSnapshot(fh: FileHandle, r: FileRange): Promise<void> {
  const st = await fh.stat();
  if (st.size !== r.sizeBytes) throw changedError(r, `size ${r.sizeBytes} → ${st.size} bytes`);
  if (st.mtimeMs !== r.mtimeMs) throw changedError(r, l10n.t('modified time changed'));
}

function changedError(r: FileRange, why: string): Error {
  return Object.assign(new Error(l10n.t('{0} changed while it was being read ({1}).', r.path, why)), { name: 'NotReadableError' });
}
