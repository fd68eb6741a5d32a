// How every command names what is happening to files on a page: the progress title while it
// runs ("Adding "x.mp4" to "Home"") and the sentence once done ("… was added to "Home" as a
// video block"), so upload, import, link, Attach to… and Copy read the same.
import { categoryOf } from '../core/media/extensions';
import { defaultBlockType } from '../core/media/placement';
import { MAX_COMMENT_ATTACHMENTS } from '../core/upload/commentFiles';
import type { AttachTarget, Placement } from '../core/upload/types';

/** `"x.mp4"` for one file, `3 files` for several. */
function subject(names: readonly string[]): string {
  return names.length === 1 ? `"${names[0]}"` : `${names.length} files`;
}

/** The notification's title: the action, the file (or count) and the page, each named once. */
export function progressTitle(names: readonly string[], pageTitle: string, target: AttachTarget | undefined): string {
  const what = subject(names);
  if (!target) return `Uploading ${what} to Notion`;
  switch (target.as) {
    case 'cover':
    case 'icon':
      return `Setting ${what} as the ${target.as} of "${pageTitle}"`;
    case 'block':
      return `Adding ${what} to "${pageTitle}"`;
    case 'property':
      return `Adding ${what} to "${pageTitle}" (property "${target.property}")`;
    case 'replace':
      return `Replacing a file on "${pageTitle}" with ${what}`;
    case 'comment':
      return `Commenting on "${pageTitle}" with ${what}`;
    case 'newPage':
      return `Creating a page from ${what} in "${pageTitle}"`;
  }
}

const BLOCK_NAMES: Record<string, string> = { image: 'an image', video: 'a video', audio: 'an audio', pdf: 'a PDF', file: 'a file' };

/** Where the files went on the page: `as a video block`, `as its cover`, `in its "Files" property`. */
export function placementPhrase(names: readonly string[], target: AttachTarget): string {
  switch (target.as) {
    case 'cover':
    case 'icon':
      return `as its ${target.as}`;
    case 'property':
      return `in its "${target.property}" property`;
    case 'block': {
      // A name without a known type (a link) becomes a file block unless a type was chosen.
      const types = [...new Set(names.map((n) => target.blockType ?? (categoryOf(n) ? defaultBlockType(n) : 'file')))];
      if (names.length === 1) return `as ${BLOCK_NAMES[types[0]]} block`;
      return types.length === 1 ? `as ${BLOCK_NAMES[types[0]].replace(/^an? /, '')} blocks` : 'as blocks';
    }
    case 'replace':
      return 'in place of the block\'s file';
    case 'comment': {
      const comments = Math.ceil(names.length / MAX_COMMENT_ATTACHMENTS);
      return names.length === 1 ? 'as a comment attachment' : `as comment attachments${comments > 1 ? ` (${comments} comments)` : ''}`;
    }
    case 'newPage':
      return 'as a new page';
  }
}

/** `"x.mp4" was added to "Home" as a video block` (no final period: callers add notes). */
export function placedMessage(names: readonly string[], pageTitle: string, target: AttachTarget, verb: 'added' | 'copied' = 'added'): string {
  return `${subject(names)} ${names.length === 1 ? 'was' : 'were'} ${verb} to "${pageTitle}" ${placementPhrase(names, target)}`;
}

const PLACEMENT_TITLES: Record<Placement, string> = {
  cover: 'Set as Page Cover',
  icon: 'Set as Page Icon',
  block: 'Add to Page as Block',
  property: 'Attach to Files Property',
  replace: 'Replace a File on Page',
  comment: 'Add as Comment on Page',
  newPage: 'New Page from File',
};

export function placementTitle(p: Placement): string {
  return PLACEMENT_TITLES[p];
}
