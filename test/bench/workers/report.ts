// What every bench worker prints as its last stdout line: timings and its own memory.
import { readFileSync } from 'node:fs';

export interface WorkerReport {
  wallMs: number;
  idleRssBytes: number;
  peakRssBytes: number;
  [extra: string]: unknown;
}

/** RSS now, once the worker's modules are loaded and before any file work. */
export function idleRss(): number {
  global.gc?.();
  return process.memoryUsage().rss;
}

/** This process's user + system CPU (all threads) since `from` (process.cpuUsage() taken at the start). */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

export function report(r: Omit<WorkerReport, 'peakRssBytes'>): void {
  process.stdout.write(JSON.stringify({ ...r, peakRssBytes: peakRss() }) + '\n');
}

/**
 * This process's peak RSS. Not getrusage's maxRSS: Linux carries that across fork+exec, so a
 * worker spawned by the bench (whose process holds the emulator) would start at the parent's
 * RSS. VmHWM belongs to the address space the worker got at exec.
 */
function peakRss(): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

export function arg(name: string): string {
  const v = process.env[name];
  if (v === undefined) throw new Error(`bench worker: ${name} is not set`);
  return v;
}

/** Samples heap and external (ArrayBuffer) memory while a run lasts, to explain RSS. */
export function sampleMemory(everyMs = 25): () => { heapTotalMiB: number; externalMiB: number } {
  let heapTotal = 0;
  let external = 0;
  const t = setInterval(() => {
    const m = process.memoryUsage();
    heapTotal = Math.max(heapTotal, m.heapTotal);
    external = Math.max(external, m.external);
  }, everyMs);
  return () => {
    clearInterval(t);
    const mib = (b: number) => Math.round(b / 1048576);
    return { heapTotalMiB: mib(heapTotal), externalMiB: mib(external) };
  };
}
