// Token bucket per token: `perSecond` average, `burst` capacity. Real time, not emulator time,
// because clients measure the Retry-After they honour.
export interface RateLimitSettings {
  enabled: boolean;
  perSecond: number;
  burst: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  settings: RateLimitSettings;

  constructor(s: Partial<RateLimitSettings> = {}) {
    this.settings = { enabled: s.enabled ?? true, perSecond: s.perSecond ?? 3, burst: s.burst ?? 10 };
  }

  configure(s: { enabled: boolean; perSecond?: number; burst?: number }): void {
    this.settings = { enabled: s.enabled, perSecond: s.perSecond ?? this.settings.perSecond, burst: s.burst ?? this.settings.burst };
    this.buckets.clear();
  }

  /** 0 when the request may go ahead, otherwise the seconds to wait (Retry-After). */
  take(key: string): number {
    const { enabled, perSecond, burst } = this.settings;
    if (!enabled) return 0;
    const now = Date.now();
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
  }
}
