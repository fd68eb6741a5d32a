// Comments on pages and blocks: what the emulator keeps for each and how it renders them
// (shapes from the recordings in notion-sdk-py / notion_ruby_mapping and the SDK's
// CommentObjectResponse, including `attachments: [{category, file: {url, expiry_time}}]`).
import type { Clock } from '../clock';
import { categoryOf, extensionOf } from '../fileTypes';
import { newId } from '../ids';
import type { UrlSigner } from '../signedUrls';
import type { UploadRecord } from '../uploads/record';
import { renderRichText, type TextItem } from './richText';

/** Notion's cap on attachments of one comment (reference: Comment attachment). */
export const MAX_COMMENT_ATTACHMENTS = 3;

export interface CommentRecord {
  id: string;
  parent: { type: 'page_id' | 'block_id'; id: string };
  discussionId: string;
  createdMs: number;
  createdBy: string;
  /** The integration's name, shown as the comment's display name. */
  createdByName: string;
  richText: TextItem[];
  attachments: { uploadId: string; filename: string; category: AttachmentCategory }[];
}

/** The SDK's comment attachment categories; documents are "productivity". */
export type AttachmentCategory = 'audio' | 'image' | 'pdf' | 'productivity' | 'video';

export function attachmentCategory(upload: UploadRecord): AttachmentCategory {
  const ext = extensionOf(upload.filename ?? '');
  if (ext === 'pdf') return 'pdf';
  const c = categoryOf(ext, upload.contentType);
  return c === 'image' || c === 'video' || c === 'audio' ? c : 'productivity';
}

export class Comments {
  private readonly all: CommentRecord[] = [];

  constructor(private readonly clock: Clock, private readonly signer: UrlSigner) {}

  add(c: Omit<CommentRecord, 'id' | 'createdMs' | 'discussionId'> & { discussionId?: string }): CommentRecord {
    const rec: CommentRecord = { ...c, id: newId(), createdMs: this.clock.now(), discussionId: c.discussionId ?? newId() };
    this.all.push(rec);
    return rec;
  }

  /** Comments on a page or block, oldest first (as the list endpoint returns them). */
  on(parentId: string): CommentRecord[] {
    return this.all.filter((c) => c.parent.id === parentId);
  }

  discussion(id: string): CommentRecord | undefined {
    return this.all.find((c) => c.discussionId === id);
  }

  render(c: CommentRecord): Record<string, unknown> {
    const time = this.clock.iso(c.createdMs);
    return {
      object: 'comment',
      id: c.id,
      parent: c.parent.type === 'page_id' ? { type: 'page_id', page_id: c.parent.id } : { type: 'block_id', block_id: c.parent.id },
      discussion_id: c.discussionId,
      created_time: time,
      last_edited_time: time,
      created_by: { object: 'user', id: c.createdBy },
      rich_text: renderRichText(c.richText),
      display_name: { type: 'integration', resolved_name: c.createdByName },
      attachments: c.attachments.map((a) => ({ category: a.category, file: this.signer.sign(a.uploadId, a.filename) })),
    };
  }
}
