// The numbers behind a batch's progress notification, without VS Code: a byte-weighted
// percentage over all files, the file being sent, and reports at most every `intervalMs`
// (VS Code's progress takes increments, so each report carries the growth since the last).

export interface ProgressReport {
  /** Percentage points since the previous report (never negative). */
  increment: number;
  percent: number;
  message: string;
}

export class BatchProgress {
  private readonly sent: number[];
  private readonly total: number;
  private reportedPercent = 0;
  private lastReportAt = -Infinity;
  private current = 0;
  private finished = 0;

  constructor(
    private readonly jobs: readonly { label: string; sizeBytes: number }[],
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 200,
  ) {
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
    this.sent[index] = Math.min(Math.max(0, sentBytes), Math.max(this.jobs[index].sizeBytes, 1));
    this.current = index;
    return this.report(false);
  }

  /** Job `index` ended (done, failed or cancelled): its whole weight counts as handled. */
  finish(index: number): ProgressReport {
    this.sent[index] = Math.max(this.jobs[index].sizeBytes, 1);
    this.finished++;
    return this.report(true)!;
  }

  get percent(): number {
    return Math.min(100, Math.floor((100 * this.sent.reduce((a, b) => a + b, 0)) / this.total));
  }

  private report(force: boolean): ProgressReport | undefined {
    const t = this.now();
    if (!force && t - this.lastReportAt < this.intervalMs) return undefined;
    this.lastReportAt = t;
    const percent = this.percent;
    const increment = Math.max(0, percent - this.reportedPercent);
    this.reportedPercent = Math.max(this.reportedPercent, percent);
    const n = this.jobs.length;
    const counter = n > 1 ? `${Math.min(this.finished + 1, n)}/${n} · ` : '';
    return { increment, percent, message: `${counter}${this.jobs[this.current]?.label ?? ''} — ${percent} %` };
  }
}
