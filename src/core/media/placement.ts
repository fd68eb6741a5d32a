// Which placements fit which kind of file, and the block type a file gets by default.
import * as l10n from '@vscode/l10n';
import type { MediaBlockType } from '../notion/types';
import { categoryOf, extensionOf, type MediaCategory } from './extensions';

export type PlacementKind = 'cover' | 'icon' | 'property' | MediaBlockType;

/** The block a file becomes when the caller does not choose: its category's media block. */
export function defaultBlockType(filename: string): MediaBlockType {
  const category = categoryOf(filename);
  if (category === 'image' || category === 'video' || category === 'audio') return category;
  return extensionOf(filename) === 'pdf' ? 'pdf' : 'file';
}

/** Categories (and for pdf: the extension) each placement takes. */
function fits(kind: PlacementKind, category: MediaCategory, ext: string): boolean {
  switch (kind) {
    case 'cover':
    case 'icon':
    case 'image':
      return category === 'image';
    case 'video':
      return category === 'video';
    case 'audio':
      return category === 'audio';
    case 'pdf':
      return ext === 'pdf';
    case 'file':
    case 'property':
      return true;
  }
}

/** Why the file does not fit the placement, or undefined when it does. Unsupported names never fit. */
export function placementProblem(filename: string, kind: PlacementKind): string | undefined {
  const category = categoryOf(filename);
  const ext = extensionOf(filename);
  if (!category) return l10n.t('.{0} files are not supported by Notion', ext || '(none)');
  if (fits(kind, category, ext)) return undefined;
  return l10n.t('a {0} file (.{1}) cannot be {2}: it takes {3}', category, ext, placementWords(kind), neededWords(kind));
}

/** "a page cover", "an image block", …: what a file would become, one string per placement. */
function placementWords(kind: PlacementKind): string {
  switch (kind) {
    case 'cover': return l10n.t('a page cover');
    case 'icon': return l10n.t('a page icon');
    case 'property': return l10n.t('a files property');
    case 'image': return l10n.t('an image block');
    case 'video': return l10n.t('a video block');
    case 'audio': return l10n.t('an audio block');
    case 'pdf': return l10n.t('a pdf block');
    default: return l10n.t('a file block');
  }
}

/** What a placement takes: "image files", "only .pdf files", …. */
function neededWords(kind: PlacementKind): string {
  switch (kind) {
    case 'cover': case 'icon': case 'image': return l10n.t('image files');
    case 'video': return l10n.t('video files');
    case 'audio': return l10n.t('audio files');
    case 'pdf': return l10n.t('only .pdf files');
    default: return l10n.t('file files');
  }
}

/** The category a placement needs (for listing extensions), undefined when any supported file fits. */
export function categoryForPlacement(kind: PlacementKind): MediaCategory | undefined {
  switch (kind) {
    case 'cover': case 'icon': case 'image': return 'image';
    case 'video': return 'video';
    case 'audio': return 'audio';
    default: return undefined;
  }
}
