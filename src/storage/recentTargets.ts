// Pages recently used as upload targets, newest first, shown at the top of the page picker.
import type * as vscode from 'vscode';

const KEY = 'notionAssets.recentTargets.v1';
const MAX = 8;

export interface RecentTarget {
  id: string;
  title: string;
  url?: string;
  /** True for a database page (it can have files properties); unknown for pasted links. */
  inDatabase?: boolean;
}

export class RecentTargets {
  constructor(private readonly memento: vscode.Memento) {}

  list(): RecentTarget[] {
    const v = this.memento.get<unknown>(KEY);
    return Array.isArray(v) ? (v as RecentTarget[]).filter((r) => r && typeof r.id === 'string') : [];
  }

  async add(t: RecentTarget): Promise<void> {
    const rest = this.list().filter((r) => r.id !== t.id);
    await this.memento.update(KEY, [t, ...rest].slice(0, MAX));
  }

  title(id: string): string | undefined {
    return this.list().find((r) => r.id === id)?.title;
  }
}
