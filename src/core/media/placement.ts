// Which placements fit which kind of file, and the block type a file gets by default.
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
  if (!category) return `.${ext || '(none)'} files are not supported by Notion`;
  if (fits(kind, category, ext)) return undefined;
  const what = kind === 'cover' || kind === 'icon' ? `a page ${kind}` : kind === 'property' ? 'a files property' : `an ${kind} block`.replace(/^an ([^aeiou])/, 'a $1');
  const needs = kind === 'pdf' ? 'only .pdf files' : `${kind === 'cover' || kind === 'icon' ? 'image' : kind} files`;
  return `a ${category} file (.${ext}) cannot be ${what}: it takes ${needs}`;
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
