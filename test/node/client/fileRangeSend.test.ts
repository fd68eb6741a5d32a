// A part read from a file range (the upload service's path) arrives byte-exact while the server
// reads slowly: the reader reuses its buffers, which is only right if each chunk has left
// before the one two chunks later is read into the same memory.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openAsBlob, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { NotionClient } from '../../../src/core/notion/client';
import { closeAllPools } from '../../../src/core/notion/dispatcher';
import { startEmulator, type Emulator } from '../../emulator/index';

const TOKEN = 'ntn_client_file_range_token';
let emu: Emulator;
let dir: string;

before(async () => {
  emu = await startEmulator({ rateLimit: { enabled: false } });
  emu.addToken(TOKEN);
  dir = mkdtempSync(path.join(tmpdir(), 'file-range-send-'));
});
after(async () => {
  await emu.close();
  await closeAllPools();
  rmSync(dir, { recursive: true, force: true });
});

test('parts read from a file range arrive byte-exact under backpressure, two at a time', async () => {
  const c = new NotionClient({ token: TOKEN, baseUrl: emu.url, limiter: false });
  const MiB = 1024 * 1024;
  const size = 12 * MiB + 4321;
  const bytes = randomBytes(size);
  const file = path.join(dir, 'clip.mp4');
  writeFileSync(file, bytes);
  const st = statSync(file);
  const blob = await openAsBlob(file);
  const partBytes = 6 * MiB;
  const up = await c.createFileUpload({ mode: 'multi_part', filename: 'clip.mp4', contentType: 'video/mp4', numberOfParts: 3 });
  // The server waits before reading each body: the socket fills and every write goes async.
  emu.setLatency(300);
  try {
    await Promise.all(
      [1, 2, 3].map((n) => {
        const start = (n - 1) * partBytes;
        const end = Math.min(size, n * partBytes);
        return c.sendFileUpload(up.id, {
          data: blob.slice(start, end),
          file: { path: file, start, end, sizeBytes: st.size, mtimeMs: st.mtimeMs },
          filename: 'clip.mp4',
          contentType: 'video/mp4',
          partNumber: n,
        });
      }),
    );
  } finally {
    emu.setLatency(0);
  }
  await c.completeFileUpload(up.id);
  const stored = emu.uploadBytes(up.id);
  assert.ok(stored, 'the upload is complete with its bytes');
  assert.equal(stored.length, size);
  assert.ok(stored.equals(bytes), 'the stored bytes equal the file');
});
