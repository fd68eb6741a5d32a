// The numbers behind a batch's progress notification, without VS Code: a byte-weighted
// percentage over all files, the file being sent (when there are several: the title names a
// single one), what happens once its bytes are sent, and reports at most every `intervalMs`
// (VS Code's progress takes increments, so each report carries the growth since the last).
import { percent } from '../ui/format';

export interface ProgressReport {
  /** Percentage points since the previous report (never negative). */
  increment: number;
  percent: number;
  message: string;
}

export interface BatchProgressOptions {
  now?: () => number;
  /** Minimum time between throttled reports (default 200 ms). */
  intervalMs?: number;
  /** Shown for a file whose bytes are all sent but which is not done yet, e.g. "attaching…". */
  afterSent?: string;
}

export class BatchProgress {
  private readonly sent: number[];
  private readonly total: number;
  private reportedPercent = 0;
  private lastReportAt = -Infinity;
  private current = 0;
  private readonly done = new Set<number>();
  private readonly now: () => number;
  private readonly intervalMs: number;

  constructor(private readonly jobs: readonly { label: string; sizeBytes: number }[], private readonly options: BatchProgressOptions = {}) {
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? 200;
    this.sent = jobs.map(() => 0);
    // Empty files still count for something, so a batch of them moves.
    this.total = jobs.reduce((n, j) => n + Math.max(j.sizeBytes, 1), 0);
  }

  /** The job `index` became the one shown. */
  start(index: number): ProgressReport {
    this.current = index;
    return this.report(true)!;
  }

  /** Bytes acknowledged for job `index`; undefined when a report now would come too soon. */
  update(index: number, sentBytes: number): ProgressReport | undefined {
    const wasSent = this.allSent(index);
    this.sent[index] = Math.min(Math.max(0, sentBytes), Math.max(this.jobs[index].sizeBytes, 1));
    this.current = index;
    // The switch to "attaching…" is always shown: it may be the last report for a while.
    return this.report(!wasSent && this.allSent(index) && this.options.afterSent !== undefined);
  }

  /** Job `index` ended (done, failed or cancelled): its whole weight counts as handled. */
  finish(index: number): ProgressReport {
    this.sent[index] = Math.max(this.jobs[index].sizeBytes, 1);
    this.done.add(index);
    return this.report(true)!;
  }

  get percent(): number {
    return percent(this.sent.reduce((a, b) => a + b, 0), this.total);
  }

  private report(force: boolean): ProgressReport | undefined {
    const t = this.now();
    if (!force && t - this.lastReportAt < this.intervalMs) return undefined;
    this.lastReportAt = t;
    const percent = this.percent;
    const increment = Math.max(0, percent - this.reportedPercent);
    this.reportedPercent = Math.max(this.reportedPercent, percent);
    const n = this.jobs.length;
    const i = this.current;
    const state = this.options.afterSent !== undefined && this.allSent(i) && !this.done.has(i) ? this.options.afterSent : `${percent} %`;
    if (n === 1) return { increment, percent, message: state };
    const counter = `${Math.min(this.done.size + 1, n)}/${n}`;
    return { increment, percent, message: `${counter} · ${this.jobs[i]?.label ?? ''} — ${state}` };
  }

  private allSent(index: number): boolean {
    return this.sent[index] >= Math.max(this.jobs[index].sizeBytes, 1);
  }
}
