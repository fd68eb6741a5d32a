// Which files a placement refuses and why, in words, before any request: unsupported types,
// files that do not fit the placement, and the summary a mixed selection is asked about.
// No vscode import: tested in the node tier.
import * as l10n from '@vscode/l10n';
import { categoryOf, describeExtensions, extensionOf, SUPPORTED_EXTENSIONS } from '../core/media/extensions';
import { placementProblem, type PlacementKind } from '../core/media/placement';
import type { MediaBlockType } from '../core/notion/types';
import type { Placement } from '../core/upload/types';

/** What a placement asks of each file's type (replace: any supported type until its block is read). */
function kindFor(placement: Placement | undefined, blockType?: MediaBlockType): PlacementKind | undefined {
  switch (placement) {
    case undefined: return undefined;
    case 'block': return blockType ?? 'file';
    case 'replace': case 'comment': case 'newPage': return 'file';
    default: return placement;
  }
}

/** Why these files cannot go to this placement (undefined when they all fit). Checked before any request. */
export function placementProblems(filenames: string[], placement: Placement, blockType?: MediaBlockType): string | undefined {
  if ((placement === 'cover' || placement === 'icon') && filenames.length > 1) {
    return l10n.t('A page has one {0}: choose a single image ({1} files were given).', placement, filenames.length);
  }
  const kind = kindFor(placement, blockType)!;
  const problems = filenames.map((f) => placementProblem(f, kind)).filter((p): p is string => !!p);
  if (problems.length === 0) return undefined;
  return l10n.t('{0}. Supported: {1}.', problems.join('; '), acceptedTypes(placement, blockType));
}

/** The types a placement takes, listed ("image: .png .jpg …; video: …"). */
export function acceptedTypes(placement?: Placement, blockType?: MediaBlockType): string {
  const needed = placement === 'cover' || placement === 'icon' || blockType === 'image' ? 'image' : blockType === 'video' ? 'video' : blockType === 'audio' ? 'audio' : undefined;
  return blockType === 'pdf' ? '.pdf' : describeExtensions(needed);
}

/** Unsupported types, named, with the list of what Notion accepts. */
export function unsupportedFiles(filenames: string[]): string | undefined {
  const bad = filenames.filter((f) => !categoryOf(f));
  if (!bad.length) return undefined;
  return l10n.t('Notion does not accept {0}: the file type is not supported. Supported — {1}.', bad.map((b) => `"${b}"`).join(', '), describeExtensions());
}

/** A file of a batch that cannot go to Notion (as asked), and why in a few words. */
export interface RefusedFile {
  index: number;
  name: string;
  reason: string;
}

/** Each file that cannot go: an unsupported type, or (with a placement) one that does not fit it. */
export function refusedFiles(filenames: string[], placement?: Placement, blockType?: MediaBlockType): RefusedFile[] {
  const kind = kindFor(placement, blockType);
  return filenames.flatMap((name, index) => {
    if (!categoryOf(name)) {
      const ext = extensionOf(name);
      return [{ index, name, reason: ext ? l10n.t('type .{0} not supported', ext) : l10n.t('no file extension, so no type Notion accepts') }];
    }
    const problem = kind && placementProblem(name, kind);
    return problem ? [{ index, name, reason: problem }] : [];
  });
}

/** "1 of 4 files can't go to Notion: notes.md (type .md not supported)." */
export function refusalSummary(refused: readonly RefusedFile[], total: number): string {
  const max = 4;
  const listed = refused.slice(0, max).map((r) => `${r.name} (${r.reason})`).join(', ');
  const more = refused.length > max ? l10n.t(' and {0} more', refused.length - max) : '';
  return l10n.t('{0} of {1} files can\'t go to Notion: {2}{3}.', refused.length, total, listed, more);
}

/** Open-dialog filters from Notion's supported types. */
export function openDialogFilters(imagesOnly: boolean): Record<string, string[]> {
  if (imagesOnly) return { [l10n.t('Images')]: [...SUPPORTED_EXTENSIONS.image] };
  return {
    [l10n.t('Supported files')]: Object.values(SUPPORTED_EXTENSIONS).flat(),
    [l10n.t('Images')]: [...SUPPORTED_EXTENSIONS.image],
    [l10n.t('Video')]: [...SUPPORTED_EXTENSIONS.video],
    [l10n.t('Audio')]: [...SUPPORTED_EXTENSIONS.audio],
    [l10n.t('Documents')]: [...SUPPORTED_EXTENSIONS.document],
  };
}
