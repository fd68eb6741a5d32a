// Uploads end to end against the emulator: single part, multi-part, progress, content type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openEnv, randomFile, MiB, SEND, CREATE, type Env } from './helpers';
import { UploadService } from '../../../src/core/upload/uploadService';

let env: Env;
before(async () => (env = await openEnv({ service: { partSizeBytes: 5 * MiB } })));
after(() => env.close());

test('single part: the emulator stores exactly the file bytes; status uploaded; progress reaches the size', async () => {
  const f = await randomFile(env.dir, 'photo.png', 300 * 1024 + 7);
  const progress: Array<[number, number]> = [];
  const up = await env.service.upload(f.path, { onProgress: (s, t) => progress.push([s, t]) });
  assert.equal(up.status, 'uploaded');
  assert.equal(up.filename, 'photo.png');
  assert.equal(up.content_type, 'image/png');
  assert.equal(env.emu.uploadSha256(up.id), f.sha256);
  assert.deepEqual(progress.at(-1), [300 * 1024 + 7, 300 * 1024 + 7]);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i][0] >= progress[i - 1][0], 'progress never goes back');
  await env.service.whenHashed();
  const rec = env.history.findByUploadId(up.id)!;
  assert.equal(rec.state, 'pending');
  assert.equal(rec.mode, 'single_part');
  assert.equal(rec.sha256, f.sha256, 'hash computed after the upload, for dedupe');
  assert.ok(rec.expiryTime && Date.parse(rec.expiryTime) > env.emu.clock.now());
});

test('a file of exactly 20,000,000 bytes goes in one part; one byte more goes multi-part in 10 MiB parts', async () => {
  const svc = new UploadService(env.client, { dedupe: false });
  const at = await randomFile(env.dir, 'edge.pdf', 20_000_000);
  const mark0 = env.emu.requests.length;
  const up = await svc.upload(at.path);
  const sends = env.emu.requests.slice(mark0).filter((r) => SEND.test(r.path));
  assert.deepEqual(sends.map((r) => r.send), [{ filename: 'edge.pdf', contentType: 'application/pdf', sizeBytes: 20_000_000, partNumber: null }]);
  assert.equal(env.emu.uploadSha256(up.id), at.sha256);

  const over = await randomFile(env.dir, 'over.pdf', 20_000_001);
  const mark = env.emu.requests.length;
  const up2 = await svc.upload(over.path);
  const log = env.emu.requests.slice(mark);
  const create = log.find((r) => r.method === 'POST' && r.path === '/v1/file_uploads')!;
  assert.deepEqual(create.body, { mode: 'multi_part', filename: 'over.pdf', content_type: 'application/pdf', number_of_parts: 2 });
  // What the client sent, whatever the emulator would have let through: parts of 10 MiB (≥ 5 MiB
  // except the last), named with the file's extension, typed like the upload.
  const parts = log.filter((r) => SEND.test(r.path)).map((r) => r.send!).sort((a, b) => Number(a.partNumber) - Number(b.partNumber));
  assert.deepEqual(parts, [
    { filename: 'over.pdf', contentType: 'application/pdf', sizeBytes: 10 * MiB, partNumber: '1' },
    { filename: 'over.pdf', contentType: 'application/pdf', sizeBytes: 20_000_001 - 10 * MiB, partNumber: '2' },
  ]);
  assert.equal(env.emu.uploadSha256(up2.id), over.sha256);
  assert.equal(up2.content_length, 20_000_001);
});

test('the service also passes the emulator\'s docRules mode (agreeing names and types, 5 MiB parts, 20,000,000-byte single part)', async (t) => {
  env.emu.setDocRules(true);
  t.after(() => env.emu.setDocRules(false));
  const svc = new UploadService(env.client, { dedupe: false });
  for (const [name, size] of [['strict.pdf', 20_000_000], ['strict.mov', 26 * MiB + 1]] as const) {
    const f = await randomFile(env.dir, name, size);
    const up = await svc.upload(f.path);
    assert.equal(env.emu.uploadSha256(up.id), f.sha256, name);
  }
});

test('multi-part: parts of the configured size, last smaller, byte-exact, progress monotonic to the total', async () => {
  const size = 23 * MiB + 12345;
  const f = await randomFile(env.dir, 'movie.mp4', size);
  const mark = env.emu.requests.length;
  const seen: number[] = [];
  const up = await env.service.upload(f.path, { onProgress: (s) => seen.push(s) });
  assert.equal(up.status, 'uploaded');
  assert.equal(up.content_type, 'video/mp4');
  assert.equal(env.emu.uploadSha256(up.id), f.sha256);
  const reqs = env.emu.requests.slice(mark);
  const parts = reqs.filter((r) => SEND.test(r.path)).map((r) => r.send!).sort((a, b) => Number(a.partNumber) - Number(b.partNumber));
  // From what the client sent (the emulator, as recorded, would take smaller or mistyped parts).
  assert.deepEqual(
    parts.map((p) => [p.partNumber, p.filename, p.contentType, p.sizeBytes]),
    [1, 2, 3, 4].map((n) => [String(n), 'movie.mp4', 'video/mp4', 5 * MiB]).concat([['5', 'movie.mp4', 'video/mp4', 3 * MiB + 12345]]),
    '4 parts of 5 MiB and a smaller last one, each named and typed like the upload',
  );
  assert.equal(reqs.filter((r) => /\/complete$/.test(r.path)).length, 1);
  assert.equal(reqs.filter((r) => CREATE.test(r.path)).length, 1);
  assert.equal(seen.at(-1), size);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1]);
  await env.service.whenHashed();
  const rec = env.history.findByUploadId(up.id)!;
  assert.equal(rec.numberOfParts, 5);
  assert.deepEqual(rec.partsDone, [1, 2, 3, 4, 5]);
  assert.equal(rec.sha256, f.sha256);
});

test('parts go in parallel up to the configured concurrency, never more', async () => {
  env.emu.setLatency(100);
  try {
    let inFlight = 0;
    let maxInFlight = 0;
    // The client as the service sees it, counting sends in flight.
    const counting = Object.create(env.client, {
      sendFileUpload: {
        value: async (...args: Parameters<typeof env.client.sendFileUpload>) => {
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          try {
            return await env.client.sendFileUpload(...args);
          } finally {
            inFlight--;
          }
        },
      },
    });
    const svc = new UploadService(counting, { partSizeBytes: 5 * MiB, concurrency: 2, dedupe: false });
    const f = await randomFile(env.dir, 'par.mov', 26 * MiB);
    const up = await svc.upload(f.path);
    assert.equal(env.emu.uploadSha256(up.id), f.sha256);
    assert.equal(maxInFlight, 2);
  } finally {
    env.emu.setLatency(0);
  }
});

test('progress is throttled for display: few reports however many chunks, always the final one', async () => {
  const svc = new UploadService(env.client, { partSizeBytes: 5 * MiB, dedupe: false, progressIntervalMs: 60_000 });
  const f = await randomFile(env.dir, 'throttled.mp4', 21 * MiB);
  const seen: number[] = [];
  await svc.upload(f.path, { onProgress: (s) => seen.push(s) });
  assert.ok(seen.length <= 3, `reports: ${seen.length}`);
  assert.equal(seen.at(-1), 21 * MiB);
});
