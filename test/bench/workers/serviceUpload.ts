// Bench contender (a): this project's UploadService uploading one file.
import { NotionClient } from '../../../src/core/notion/client';
import { UploadService } from '../../../src/core/upload/uploadService';
import { arg, cpuMsSince, idleRss, report, sampleMemory } from './report';

async function main(): Promise<void> {
  const client = new NotionClient({ token: arg('BENCH_TOKEN'), baseUrl: arg('BENCH_URL'), limiter: false });
  const service = new UploadService(client, {
    concurrency: Number(arg('BENCH_CONCURRENCY')),
    partSizeBytes: Number(arg('BENCH_PART_BYTES')),
    dedupe: arg('BENCH_DEDUPE') === '1',
  });
  await client.getBotUser(); // warm the connection and the workspace cache like a running extension
  const idle = idleRss();
  const stopSampling = sampleMemory();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const up = await service.upload(arg('BENCH_FILE'));
  const wallMs = performance.now() - t0;
  const cpuMs = cpuMsSince(cpu0);
  // The dedupe hash is computed after the upload resolves: how long until it is recorded.
  await service.whenHashed();
  const hashReadyMs = performance.now() - t0;
  const record = service.history.findByUploadId(up.id);
  report({ wallMs, cpuMs, hashReadyMs, idleRssBytes: idle, fileUploadId: up.id, hashed: Boolean(record?.sha256), ...stopSampling() });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
