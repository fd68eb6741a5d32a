// Bench: many small files through one service under Notion's 3 requests/s, with the client's
// default pacing. Prints wall time and failures.
import { NotionClient } from '../../../src/core/notion/client';
import { UploadService } from '../../../src/core/upload/uploadService';
import { arg, idleRss, report } from './report';

async function main(): Promise<void> {
  const files = JSON.parse(arg('BENCH_FILES')) as string[];
  const client = new NotionClient({ token: arg('BENCH_TOKEN'), baseUrl: arg('BENCH_URL') });
  const service = new UploadService(client);
  const idle = idleRss();
  const t0 = performance.now();
  let failed = 0;
  const errors: string[] = [];
  // Everything queued at once, as a multi-file command would: the client's pacing orders it.
  await Promise.all(
    files.map((f) =>
      service.upload(f).catch((e) => {
        failed++;
        if (errors.length < 5) errors.push(String((e as Error).message));
      }),
    ),
  );
  report({ wallMs: performance.now() - t0, idleRssBytes: idle, failed, errors });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
