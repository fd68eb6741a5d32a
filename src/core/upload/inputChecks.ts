// The values a user or caller gives, checked before any request: target (page id or link,
// placement, block type, caption, property name) and the service's options. Each refusal
// names the value and the rule (UploadValidationError), so nothing is uploaded that the
// attach would then refuse, and Retry never repeats a refusal that cannot change.
import * as l10n from '@vscode/l10n';
import type { MediaBlockType } from '../notion/types';
import { UploadValidationError } from './errors';
import { checkPartSize } from './partPlan';
import { resolvePageId } from './target';
import type { AttachTarget } from './types';

/** Notion's limit on one rich-text item's `text.content`. */
export const MAX_TEXT_CONTENT = 2000;
/** Notion's limit on a property name (data source schema). */
export const MAX_PROPERTY_NAME = 1000;

const PLACEMENTS: readonly AttachTarget['as'][] = ['cover', 'icon', 'block', 'property', 'replace', 'comment', 'newPage'];
const BLOCK_TYPES: readonly MediaBlockType[] = ['image', 'video', 'audio', 'pdf', 'file'];
/** C0 controls but newline and tab, DEL and C1 controls: Notion rejects or mangles them. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Checks everything about a target that needs no request; returns the page id. */
export function checkTargetInput(target: AttachTarget): string {
  if (!target || typeof target !== 'object') throw invalid(String(target), 'invalid-target', l10n.t('The target must be an object { pageId, as }.'));
  if (typeof target.pageId !== 'string') throw invalid(String(target.pageId), 'invalid-page-id', l10n.t('The target page must be given as a Notion link or id (a string).'));
  if (!PLACEMENTS.includes(target.as)) {
    throw invalid(String(target.as), 'invalid-target', l10n.t('"{0}" is not a placement; use one of {1}.', String(target.as), PLACEMENTS.join(', ')));
  }
  const pageId = resolvePageId(target);
  if (target.as === 'block') {
    if (target.blockType !== undefined && !BLOCK_TYPES.includes(target.blockType)) {
      throw invalid(String(target.blockType), 'invalid-block-type', l10n.t('"{0}" is not a block type for files; use one of {1}.', String(target.blockType), BLOCK_TYPES.join(', ')));
    }
    checkCaption(target.caption);
  }
  if (target.as === 'property') checkPropertyName(target.property);
  if (target.as === 'replace') {
    if (typeof target.blockId !== 'string' || !target.blockId.trim()) throw invalid(String(target.blockId), 'invalid-block-id', l10n.t('Give the block whose file to replace (a block id or #block- link).'));
    checkCaption(target.caption);
  }
  if (target.as === 'comment') checkText(target.comment, 'invalid-comment', l10n.t('The comment'));
  if (target.as === 'newPage') {
    if (target.property !== undefined) checkPropertyName(target.property);
    if (target.title !== undefined) checkText(target.title, 'invalid-target', l10n.t('The page title'));
  }
  return pageId;
}

/** A caption: one text item of at most 2000 characters, no control characters but newline and tab. */
export function checkCaption(caption: unknown): void {
  checkText(caption, 'invalid-caption', l10n.t('The caption'));
}

/** Text sent as one rich-text item: a string of at most 2000 characters, no control characters but newline and tab. */
function checkText(text: unknown, rule: Rule, what: string): void {
  if (text === undefined) return;
  if (typeof text !== 'string') throw invalid(String(text), rule, l10n.t('{0} must be text (a string).', what));
  if (text.length > MAX_TEXT_CONTENT) {
    throw invalid(`${text.slice(0, 40)}…`, rule, l10n.t('{0} is {1} characters; Notion allows {2} in one text item. Shorten it.', what, text.length, MAX_TEXT_CONTENT));
  }
  const bad = CONTROL.exec(text);
  if (bad) throw invalid(text, rule, l10n.t('{0} contains the control character {1} at position {2}; only newline and tab are allowed.', what, codePoint(bad[0]), bad.index + 1));
}

/** The caption as Notion's rich text (empty when there is none). */
export function captionRichText(caption: string | undefined): Array<Record<string, unknown>> {
  return caption ? [{ type: 'text', text: { content: caption } }] : [];
}

export function checkPropertyName(name: unknown): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw invalid(String(name), 'invalid-property', l10n.t('Give the name of a files property (a non-empty string).'));
  }
  if (name.length > MAX_PROPERTY_NAME) throw invalid(`${name.slice(0, 40)}…`, 'invalid-property', l10n.t('The property name is {0} characters; Notion allows {1}.', name.length, MAX_PROPERTY_NAME));
  const bad = CONTROL.exec(name);
  if (bad || name.includes('\n') || name.includes('\t')) {
    throw invalid(name, 'invalid-property', l10n.t('The property name "{0}" contains a control character ({1}); no property is named like that.', name, codePoint(bad?.[0] ?? (name.includes('\n') ? '\n' : '\t'))));
  }
}

/** Part size (5–20 MiB) and concurrency (1–16 parts in flight). */
export function checkServiceOptions(partSizeBytes: number, concurrency: number): void {
  try {
    checkPartSize(partSizeBytes);
  } catch (e) {
    throw invalid(String(partSizeBytes), 'invalid-options', `${(e as Error).message}.`);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
    throw invalid(String(concurrency), 'invalid-options', `concurrency must be an integer from 1 to 16, got ${concurrency}.`);
  }
}

type Rule = ConstructorParameters<typeof UploadValidationError>[1];

function invalid(value: string, rule: Rule, message: string): UploadValidationError {
  return new UploadValidationError(value, rule, message);
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** checkCaption's refusal as text (input-box validation), or undefined when the caption is fine. */
export function captionProblem(caption: string): string | undefined {
  try {
    checkCaption(caption);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
