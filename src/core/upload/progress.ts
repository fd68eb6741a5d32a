// Byte progress for display: at most one report per interval, plus the final one.
export class ThrottledProgress {
  private last = 0;
  private lastSent = -1;

  constructor(
    private readonly total: number,
    private readonly report: ((sent: number, total: number) => void) | undefined,
    private readonly intervalMs = 100,
  ) {}

  update(sent: number, force = false): void {
    if (!this.report || sent === this.lastSent) return;
    const now = Date.now();
    if (!force && sent < this.total && now - this.last < this.intervalMs) return;
    this.last = now;
    this.lastSent = sent;
    this.report(Math.min(sent, this.total), this.total);
  }
}
