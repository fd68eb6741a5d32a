// Bench floors: curl sending the same parts to the same emulator with the same concurrency.
// (b) one curl process per part, `concurrency` at a time (a new connection each);
// (b1) ONE curl process for all parts, `--parallel --parallel-max <concurrency>` with `--next`
// between parts, so its connections stay alive like the service's. Create and complete are a
// curl each before and after (the parts need the id, and complete must follow every part).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CurlResult {
  wallMs: number;
  /** Sum of the largest `concurrency` per-process peaks (an upper bound for what ran at once); (b1): its one process. */
  peakRssBytes: number;
  /** User + system CPU of every curl process. */
  cpuMs: number;
  fileUploadId: string;
}

interface CurlJob {
  url: string;
  token: string;
  notionVersion: string;
  filename: string;
  contentType: string;
  partPaths: string[];
  concurrency: number;
  /** (b1): all parts from one kept-alive curl process. */
  oneProcess?: boolean;
}

let cpuMs = 0;

async function curl(args: string[]): Promise<{ body: string; rssBytes: number }> {
  // /usr/bin/time prints curl's peak RSS (KiB) and its user and system CPU seconds on stderr.
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', '%M %U %S', '/usr/bin/curl', '-sS', '--fail-with-body', ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const [kib, user, sys] = stderr.trim().split('\n').pop()!.split(' ').map(Number);
  cpuMs += (user + sys) * 1000;
  return { body: stdout, rssBytes: kib * 1024 };
}

export async function curlUpload(job: CurlJob): Promise<CurlResult> {
  const headers = ['-H', `Authorization: Bearer ${job.token}`, '-H', `Notion-Version: ${job.notionVersion}`];
  const rss: number[] = [];
  cpuMs = 0;
  const t0 = performance.now();
  const created = await curl([
    ...headers, '-H', 'Content-Type: application/json', '-X', 'POST', `${job.url}/v1/file_uploads`,
    '-d', JSON.stringify({ mode: 'multi_part', number_of_parts: job.partPaths.length, filename: job.filename, content_type: job.contentType }),
  ]);
  const id = (JSON.parse(created.body) as { id: string }).id;
  const sendArgs = (p: string, n: number) => [
    ...headers, '-X', 'POST', `${job.url}/v1/file_uploads/${id}/send`,
    '-F', `part_number=${n}`, '-F', `file=@${p};type=${job.contentType};filename=${job.filename}`, '-o', '/dev/null',
  ];
  if (job.oneProcess) {
    // Options before the first --next apply to the first transfer only (--parallel is global);
    // every part repeats its headers and --fail-with-body.
    const transfers = job.partPaths.flatMap((p, i) => [...(i ? ['--next', '-sS', '--fail-with-body'] : []), ...sendArgs(p, i + 1)]);
    const r = await curl(['--parallel', '--parallel-max', String(job.concurrency), ...transfers]);
    rss.push(r.rssBytes);
  } else {
    const queue = job.partPaths.map((p, i) => ({ p, n: i + 1 }));
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) rss.push((await curl(sendArgs(next.p, next.n))).rssBytes);
    };
    await Promise.all(Array.from({ length: job.concurrency }, worker));
  }
  await curl([...headers, '-X', 'POST', `${job.url}/v1/file_uploads/${id}/complete`, '-o', '/dev/null']);
  const wallMs = performance.now() - t0;
  const peak = rss.sort((a, b) => b - a).slice(0, job.oneProcess ? 1 : job.concurrency).reduce((s, v) => s + v, 0);
  return { wallMs, peakRssBytes: peak, cpuMs, fileUploadId: id };
}
