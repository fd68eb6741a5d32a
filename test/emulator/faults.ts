// Armed faults: the next `count` requests matching method + path answer as told.
export interface FaultSpec {
  method?: string;
  path: string | RegExp;
  count?: number;
  status?: number;
  code?: string;
  retryAfterSeconds?: number;
  message?: string;
  hang?: boolean;
  dropConnection?: boolean;
}

export class Faults {
  private armed: Array<FaultSpec & { remaining: number }> = [];

  arm(f: FaultSpec): void {
    if (!f.hang && !f.dropConnection && f.status === undefined) {
      throw new Error('faults.arm: give a status, hang: true or dropConnection: true');
    }
    if (f.count !== undefined && (!Number.isInteger(f.count) || f.count < 1)) throw new Error(`faults.arm: count must be a positive integer, got ${f.count}`);
    this.armed.push({ ...f, remaining: f.count ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** Consumes and returns the first armed fault matching the request, if any. */
  take(method: string, pathname: string): FaultSpec | undefined {
    const i = this.armed.findIndex(
      (f) =>
        (!f.method || f.method.toUpperCase() === method) &&
        (typeof f.path === 'string' ? f.path === pathname : ((f.path.lastIndex = 0), f.path.test(pathname))),
    );
    if (i < 0) return undefined;
    const f = this.armed[i];
    if (--f.remaining <= 0) this.armed.splice(i, 1);
    return f;
  }
}
