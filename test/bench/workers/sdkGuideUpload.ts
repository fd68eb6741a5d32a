// Bench contender (c): Notion's multi-part guide with the official SDK — parts of 10 MiB read
// into memory and sent one after another.
import { Client } from '@notionhq/client';
import { open } from 'node:fs/promises';
import * as path from 'node:path';
import { arg, cpuMsSince, idleRss, report } from './report';

const PART = 10 * 1024 * 1024;

async function main(): Promise<void> {
  const notion = new Client({ auth: arg('BENCH_TOKEN'), baseUrl: arg('BENCH_URL') });
  const file = arg('BENCH_FILE');
  await notion.users.me({});
  const idle = idleRss();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const fh = await open(file, 'r');
  const size = (await fh.stat()).size;
  const parts = Math.ceil(size / PART);
  const filename = path.basename(file);
  const upload = await notion.fileUploads.create({ mode: 'multi_part', number_of_parts: parts, filename, content_type: 'video/mp4' });
  for (let n = 1; n <= parts; n++) {
    const buf = Buffer.alloc(Math.min(PART, size - (n - 1) * PART));
    await fh.read(buf, 0, buf.length, (n - 1) * PART);
    await notion.fileUploads.send({
      file_upload_id: upload.id,
      part_number: String(n),
      file: { filename, data: new Blob([buf], { type: 'video/mp4' }) },
    });
  }
  await fh.close();
  const done = await notion.fileUploads.complete({ file_upload_id: upload.id });
  const wallMs = performance.now() - t0;
  const cpuMs = cpuMsSince(cpu0);
  if (done.status !== 'uploaded') throw new Error(`SDK upload ended ${done.status}`);
  report({ wallMs, cpuMs, idleRssBytes: idle, fileUploadId: upload.id });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
