// A HistoryStore kept in memory (tests, CLI tools). Copies on save/load like real storage would.
import type { HistoryStore, UploadRecord } from './types';

export class MemoryHistoryStore implements HistoryStore {
  saves = 0;
  private data: UploadRecord[];

  constructor(initial: UploadRecord[] = []) {
    this.data = structuredClone(initial);
  }

  load(): UploadRecord[] {
    return structuredClone(this.data);
  }

  save(records: UploadRecord[]): void {
    this.saves++;
    this.data = structuredClone(records);
  }
}
