// Emulator time: expiry of uploads and signed URLs follows this clock, so tests can jump an
// hour ahead without waiting. Rate limiting and latency use real time (clients measure it).
export class Clock {
  private offsetMs: number;

  constructor(startTimeMs: number = Date.now()) {
    this.offsetMs = startTimeMs - Date.now();
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance: ms must be a non-negative number, got ${ms}`);
    this.offsetMs += ms;
  }

  iso(ms: number = this.now()): string {
    return new Date(ms).toISOString();
  }
}
