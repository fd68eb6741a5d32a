// Files as comment attachments (POST /v1/comments with `attachments: [{file_upload_id}]`):
// Notion takes at most 3 per comment and needs rich text, so more files become several
// comments, each with the text and its part ("(2/3)").
import * as l10n from '@vscode/l10n';
import { UploadValidationError } from './errors';

/** Notion's reference ("Comment attachment"): up to 3 attachments per comment. */
export const MAX_COMMENT_ATTACHMENTS = 3;
/** A rich-text item holds at most 2000 characters; a little is kept for the "(n/m)" suffix. */
export const MAX_COMMENT_CHARS = 1990;

/** The comment's text, trimmed; refused (before any request) when empty or too long. */
export function checkCommentText(text: unknown): string {
  const t = typeof text === 'string' ? text.trim() : '';
  if (!t) throw new UploadValidationError('comment', 'invalid-comment', l10n.t('A comment needs text: Notion does not take attachments without it.'));
  if (t.length > MAX_COMMENT_CHARS) {
    throw new UploadValidationError('comment', 'invalid-comment', l10n.t('The comment is {0} characters; Notion takes at most {1} here.', t.length, MAX_COMMENT_CHARS));
  }
  return t;
}

/** Files in groups of three, one group per comment. */
export function commentGroups<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_COMMENT_ATTACHMENTS) out.push(items.slice(i, i + MAX_COMMENT_ATTACHMENTS));
  return out;
}

/** The text of comment `index` of `total` written for one batch of files: "Screens (2/3)". */
export function commentPartText(text: string, index: number, total: number): string {
  return total > 1 ? `${text} (${index + 1}/${total})` : text;
}

export function commentBody(pageId: string, text: string, uploadIds: string[], part?: { index: number; total: number }): Record<string, unknown> {
  const content = part ? commentPartText(text, part.index, part.total) : text;
  return {
    parent: { page_id: pageId },
    rich_text: [{ type: 'text', text: { content } }],
    attachments: uploadIds.map((id) => ({ type: 'file_upload', file_upload_id: id })),
  };
}
