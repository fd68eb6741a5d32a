// The upload_url/complete_url the server gave for each pending upload, so send/complete can
// follow them (origin.ts decides whether they may be used).
import type { FileUpload } from './types';

const MAX_ENTRIES = 500;

export class UploadUrlCache {
  private readonly byId = new Map<string, { send?: string; complete?: string }>();

  get(id: string): { send?: string; complete?: string } | undefined {
    return this.byId.get(id);
  }

  /** Records the upload's URLs while it is pending and forgets them after; returns the upload. */
  remember(upload: FileUpload): FileUpload {
    this.byId.delete(upload.id);
    if (upload.status === 'pending' && (upload.upload_url || upload.complete_url)) {
      this.byId.set(upload.id, { send: upload.upload_url, complete: upload.complete_url });
      // Map order is insertion order: drop the oldest.
      if (this.byId.size > MAX_ENTRIES) this.byId.delete(this.byId.keys().next().value as string);
    }
    return upload;
  }
}
