// Persists the upload history in globalState (machine-local, survives restarts). Signed
// Notion URLs are never part of a record, so nothing stored expires or leaks.
import type * as vscode from 'vscode';
import type { HistoryStore, UploadRecord } from '../core/history/types';

const KEY = 'notionAssets.uploadHistory.v1';

export class GlobalStateHistoryStore implements HistoryStore {
  constructor(private readonly memento: vscode.Memento) {}

  load(): UploadRecord[] {
    const v = this.memento.get<unknown>(KEY);
    return Array.isArray(v) ? (v as UploadRecord[]) : [];
  }

  async save(records: UploadRecord[]): Promise<void> {
    await this.memento.update(KEY, records);
  }
}
