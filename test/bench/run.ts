// `npm run bench`: the upload service against the emulator on loopback.
//  1. One 1 GiB file: (a) UploadService with its default 10 MiB parts, timed inside its process
//     from upload() to the answer (an extension host is already running when a user uploads),
//     (b) curl with the same parts and concurrency, one process per part, (b1) the same parts from
//     ONE kept-alive curl process (`--parallel`, `--next`) — the floors —, (c) Notion's guide
//     with @notionhq/client (10 MiB parts in memory, one at a time),
//     each in its own process (peak RSS is per process), with 0 and 50 ms emulator latency.
//     The emulator runs in a process of its own (its CPU is reported apart). First one untimed
//     run of each contender with the emulator keeping the bytes: SHA-256 equality is the
//     "bytes verified" column. The timed runs then use `storeUploadBytes: false` (the emulator
//     counts and checks sizes, parts and types but writes and hashes nothing, work that is not
//     what is measured), and each is checked as `uploaded` with the right content_length.
//  2. 200 files of 100 KiB with the emulator's 3 requests/s limit on.
// Prints a table (median of --reps runs, interleaved) and writes bench-results/bench.json.
// Options: --size-mib N, --files N, --latencies 0,50, --reps N (quicker runs while developing),
// --sequential (the many-files run after the 1 GiB runs instead of alongside them).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { DEFAULT_TOKEN, startEmulator, type Emulator } from '../emulator';
import { spawnEmulator, type EmulatorProcess } from './emulatorProcess';
import { DEFAULT_NOTION_VERSION } from '../../src/core/notion/types';
import { writeRandomFile, splitInto } from './bigFile';
import { DEFAULT_PART_BYTES } from '../../src/core/upload/partPlan';
import { curlUpload } from './curlUpload';
import type { WorkerReport } from './workers/report';

const execFileP = promisify(execFile);
const MiB = 1024 * 1024;
/** The service's default; curl sends the same parts. */
const PART_BYTES = DEFAULT_PART_BYTES;
const CONCURRENCY = 3;

async function worker(name: string, env: Record<string, string>): Promise<WorkerReport> {
  const script = path.join(__dirname, 'workers', `${name}.js`);
  const { stdout } = await execFileP(process.execPath, ['--expose-gc', script], {
    env: { ...process.env, ...env },
    maxBuffer: 16 * MiB,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as WorkerReport;
}

interface Run {
  wallMs: number;
  /** The contender's own CPU (user + system) during the run. */
  cpuMs?: number;
  /** The emulator process's CPU during the run. */
  emulatorCpuMs?: number;
  peakRssBytes: number;
  idleRssBytes?: number;
  fileUploadId?: unknown;
  verified?: boolean;
  [extra: string]: unknown;
}

function medianOf(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface Row {
  scenario: string;
  contender: string;
  /** Median over the repetitions. */
  wallMs: number;
  wallAllMs: number[];
  cpuMs?: number;
  emulatorCpuMs?: number;
  /** Peak RSS: highest over the repetitions; above idle: median, and every run. */
  peakRssMiB?: number;
  rssAboveIdleMiB?: number;
  rssAboveIdleAllMiB?: number[];
  memorySamples?: Array<{ heapTotalMiB: unknown; externalMiB: unknown }>;
  /** Service with dedupe: when the SHA-256 (computed after the upload) was recorded. */
  hashReadyMs?: number;
  verified: boolean;
}

const mib = (b: number) => Math.round((b / MiB) * 10) / 10;

/** The upload as GET /v1/file_uploads/{id} shows it: uploaded, with the file's length. */
async function checkUploaded(emu: EmulatorProcess, id: string, size: number): Promise<void> {
  const res = await fetch(`${emu.url}/v1/file_uploads/${id}`, {
    headers: { authorization: `Bearer ${DEFAULT_TOKEN}`, 'notion-version': DEFAULT_NOTION_VERSION },
  });
  const u = (await res.json()) as { status?: string; content_length?: number };
  if (u.status !== 'uploaded' || u.content_length !== size) throw new Error(`bench: upload ${id} is ${u.status}, ${u.content_length} bytes (want uploaded, ${size})`);
}

async function bigFile(emu: EmulatorProcess, dir: string, sizeMiB: number, latencies: number[], reps: number) {
  const file = path.join(dir, 'bench-1gib.mp4');
  const size = sizeMiB * MiB;
  process.stderr.write(`writing ${sizeMiB} MiB test file…\n`);
  const sha = await writeRandomFile(file, size);
  const partDir = path.join(dir, 'parts');
  mkdirSync(partDir);
  const partPath = (n: number) => path.join(partDir, `part-${n}`);
  const parts = await splitInto(file, PART_BYTES, size, partPath);
  const base = { BENCH_URL: emu.url, BENCH_TOKEN: DEFAULT_TOKEN, BENCH_FILE: file };
  const rows: Row[] = [];
  const ratios: Record<string, number> = {};
  const svcEnv = { ...base, BENCH_CONCURRENCY: String(CONCURRENCY), BENCH_PART_BYTES: String(PART_BYTES) };
  const curlRun = (oneProcess: boolean) => async (): Promise<Run> => {
    const r = await curlUpload({
      url: emu.url, token: DEFAULT_TOKEN, notionVersion: DEFAULT_NOTION_VERSION, filename: path.basename(file),
      contentType: 'video/mp4', partPaths: Array.from({ length: parts }, (_, i) => partPath(i + 1)), concurrency: CONCURRENCY, oneProcess,
    });
    return { wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssBytes: r.peakRssBytes, fileUploadId: r.fileUploadId };
  };
  const contenders: Array<{ id: string; label: string; run: () => Promise<Run> }> = [
    { id: 'b', label: '(b) curl, one process per part, 3 in flight', run: curlRun(false) },
    { id: 'b1', label: '(b1) curl, one kept-alive process, --parallel-max 3', run: curlRun(true) },
    { id: 'a', label: '(a) UploadService (default: dedupe on)', run: () => worker('serviceUpload', { ...svcEnv, BENCH_DEDUPE: '1' }) },
    { id: 'a0', label: '(a0) UploadService, dedupe off (no hash)', run: () => worker('serviceUpload', { ...svcEnv, BENCH_DEDUPE: '0' }) },
    { id: 'c', label: '(c) @notionhq/client guide, 10 MiB sequential', run: () => worker('sdkGuideUpload', base) },
  ];
  // Byte-exactness, untimed: the emulator keeps the bytes and hashes them.
  const verified = new Map<string, boolean>();
  await emu.setStoreUploadBytes(true);
  for (const c of contenders) {
    process.stderr.write(`verifying bytes: ${c.label}…\n`);
    const r = await c.run();
    verified.set(c.id, (await emu.uploadSha256(String(r.fileUploadId))) === sha && (c.id !== 'a' || r.hashed === true));
    await emu.discardUploadBytes(String(r.fileUploadId)); // keep the digest, free the emulator's 1 GiB of part files
  }
  await emu.setStoreUploadBytes(false);
  for (const latency of latencies) {
    await emu.setLatency(latency);
    const scenario = `${sizeMiB} MiB file, latency ${latency} ms`;
    const runs = new Map<string, Run[]>(contenders.map((c) => [c.id, []]));
    // Interleaved repetitions: the machine is shared, so a slow moment hits every contender.
    for (let rep = 1; rep <= reps; rep++) {
      for (const c of contenders) {
        process.stderr.write(`${scenario}: ${c.label}, run ${rep}/${reps}…\n`);
        const cpu0 = await emu.cpuMs();
        const r = await c.run();
        r.emulatorCpuMs = (await emu.cpuMs()) - cpu0;
        await checkUploaded(emu, String(r.fileUploadId), size);
        r.verified = verified.get(c.id)! && (c.id !== 'a' || r.hashed === true);
        runs.get(c.id)!.push(r);
      }
    }
    const median = (id: string, f: (r: Run) => number | undefined) => medianOf(runs.get(id)!.map(f).filter((x): x is number => x !== undefined));
    for (const c of contenders) {
      const rs = runs.get(c.id)!;
      rows.push({
        scenario,
        contender: c.label,
        wallMs: median(c.id, (r) => r.wallMs)!,
        wallAllMs: rs.map((r) => Math.round(r.wallMs)),
        cpuMs: median(c.id, (r) => r.cpuMs),
        emulatorCpuMs: median(c.id, (r) => r.emulatorCpuMs),
        hashReadyMs: median(c.id, (r) => r.hashReadyMs as number | undefined),
        peakRssMiB: mib(Math.max(...rs.map((r) => r.peakRssBytes))),
        rssAboveIdleMiB: c.id.startsWith('b') ? undefined : mib(median(c.id, (r) => r.peakRssBytes - (r.idleRssBytes ?? 0))!),
        rssAboveIdleAllMiB: c.id.startsWith('b') ? undefined : rs.map((r) => mib(r.peakRssBytes - (r.idleRssBytes ?? 0))),
        // Where the RSS went (service runs): highest V8 heap and external (ArrayBuffer) memory seen.
        memorySamples: rs.filter((r) => r.heapTotalMiB !== undefined).map((r) => ({ heapTotalMiB: r.heapTotalMiB, externalMiB: r.externalMiB })),
        verified: rs.every((r) => r.verified),
      });
    }
    const w = (id: string) => median(id, (r) => r.wallMs)!;
    ratios[`a/b @${latency}ms`] = round2(w('a') / w('b'));
    ratios[`a/b1 @${latency}ms`] = round2(w('a') / w('b1'));
    ratios[`a0/b @${latency}ms`] = round2(w('a0') / w('b'));
    ratios[`c/a @${latency}ms`] = round2(w('c') / w('a'));
    // a is at best as fast as the floor b, so c/b bounds what c/a can reach.
    ratios[`c/b @${latency}ms (upper bound of c/a)`] = round2(w('c') / w('b'));
  }
  await emu.setLatency(0);
  return { rows, ratios, parts, partBytes: PART_BYTES };
}

async function manyFiles(emu: Emulator, sub: string, count: number) {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const f = path.join(sub, `small-${i}.png`);
    writeFileSync(f, require('node:crypto').randomBytes(100 * 1024));
    files.push(f);
  }
  const mark = emu.requests.length;
  process.stderr.write(`${count} files × 100 KiB at 3 requests/s…\n`);
  const r = await worker('manyFiles', { BENCH_URL: emu.url, BENCH_TOKEN: DEFAULT_TOKEN, BENCH_FILES: JSON.stringify(files) });
  const seen = emu.requests.slice(mark);
  const throttled = seen.filter((q) => q.status === 429).length;
  const served = seen.length - throttled;
  const boundMs = (served / 3) * 1000;
  return {
    files: count, requests: served, throttled429: throttled, failed: r.failed as number, errors: r.errors,
    wallMs: r.wallMs, boundMs, ratioToBound: round2(r.wallMs / boundMs),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'size-mib': { type: 'string', default: '1024' },
      files: { type: 'string', default: '200' },
      latencies: { type: 'string', default: '0,50' },
      reps: { type: 'string', default: '3' },
      sequential: { type: 'boolean', default: false },
    },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'notion-bench-'));
  mkdirSync(path.join(dir, 'big'));
  mkdirSync(path.join(dir, 'small'));
  // Two emulators: the many-files run needs the rate limit on, the 1 GiB runs need it off.
  const emu = await spawnEmulator({ rateLimit: { enabled: false } });
  const limited = await startEmulator({ rateLimit: { enabled: true } });
  try {
    const runBig = () =>
      bigFile(emu, path.join(dir, 'big'), Number(values['size-mib']), values.latencies!.split(',').map(Number), Number(values.reps));
    const runMany = () => manyFiles(limited, path.join(dir, 'small'), Number(values.files));
    // The rate-limited run is mostly waiting (3 small requests/s): by default it runs alongside
    // the 1 GiB runs so the whole bench takes minutes, not ten; --sequential keeps them apart.
    const [big, many] = values.sequential ? [await runBig(), await runMany()] : await Promise.all([runBig(), runMany()]);
    const result = {
      date: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, sequential: values.sequential, big, many,
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(path.join('bench-results', 'bench.json'), JSON.stringify(result, null, 2));
    printTables(big.rows, big.ratios, many);
  } finally {
    await Promise.all([emu.close(), limited.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTables(rows: Row[], ratios: Record<string, number>, many: Awaited<ReturnType<typeof manyFiles>>): void {
  const lines = [
    '| scenario | contender | wall s (median) | wall s (runs) | CPU s: contender / emulator | hash ready s | peak RSS MiB (max) | RSS above idle MiB: median (runs) | bytes verified |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  const s = (ms: number | undefined) => (ms === undefined ? '' : (ms / 1000).toFixed(2));
  for (const r of rows) {
    lines.push(`| ${r.scenario} | ${r.contender} | ${s(r.wallMs)} | ${r.wallAllMs.map(s).join(', ')} | ${s(r.cpuMs)} / ${s(r.emulatorCpuMs)} | ${s(r.hashReadyMs)} | ${r.peakRssMiB ?? ''} | ${r.rssAboveIdleMiB === undefined ? '' : `${r.rssAboveIdleMiB} (${r.rssAboveIdleAllMiB!.join(', ')})`} | ${r.verified ? 'yes' : 'NO'} |`);
  }
  lines.push('', '| ratio | value |', '|---|---:|', ...Object.entries(ratios).map(([k, v]) => `| ${k} | ${v} |`));
  lines.push(
    '',
    '| many files | value |',
    '|---|---:|',
    `| files × 100 KiB | ${many.files} |`,
    `| requests served | ${many.requests} |`,
    `| bound (requests ÷ 3/s) s | ${(many.boundMs / 1000).toFixed(1)} |`,
    `| wall s | ${(many.wallMs / 1000).toFixed(1)} |`,
    `| wall ÷ bound | ${many.ratioToBound} |`,
    `| 429s seen | ${many.throttled429} |`,
    `| failed uploads | ${many.failed} |`,
  );
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
