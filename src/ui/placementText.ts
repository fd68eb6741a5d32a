// How every command names what is happening to files on a page: the progress title while it
// runs ("Adding "x.mp4" to "Home"") and the sentence once done ("… was added to "Home" as a
// video block"), so upload, import, link, Attach to… and Copy read the same.
import * as l10n from '@vscode/l10n';
import { categoryOf } from '../core/media/extensions';
import { defaultBlockType } from '../core/media/placement';
import { MAX_COMMENT_ATTACHMENTS } from '../core/upload/commentFiles';
import type { AttachTarget, Placement } from '../core/upload/types';

/** `"x.mp4"` for one file, `3 files` for several. */
function subject(names: readonly string[]): string {
  return names.length === 1 ? `"${names[0]}"` : l10n.t('{0} files', names.length);
}

/** The notification's title: the action, the file (or count) and the page, each named once. */
export function progressTitle(names: readonly string[], pageTitle: string, target: AttachTarget | undefined): string {
  const what = subject(names);
  if (!target) return l10n.t('Uploading {0} to Notion', what);
  switch (target.as) {
    case 'cover':
    case 'icon':
      return l10n.t('Setting {0} as the {1} of "{2}"', what, target.as, pageTitle);
    case 'block':
      return l10n.t('Adding {0} to "{1}"', what, pageTitle);
    case 'property':
      return l10n.t('Adding {0} to "{1}" (property "{2}")', what, pageTitle, target.property);
    case 'replace':
      return l10n.t('Replacing a file on "{0}" with {1}', pageTitle, what);
    case 'comment':
      return l10n.t('Commenting on "{0}" with {1}', pageTitle, what);
    case 'newPage':
      return l10n.t('Creating a page from {0} in "{1}"', what, pageTitle);
  }
}

const BLOCK_NAMES: Record<string, string> = { image: l10n.t('an image'), video: l10n.t('a video'), audio: l10n.t('an audio'), pdf: l10n.t('a PDF'), file: l10n.t('a file') };

/** Where the files went on the page: `as a video block`, `as its cover`, `in its "Files" property`. */
export function placementPhrase(names: readonly string[], target: AttachTarget): string {
  switch (target.as) {
    case 'cover':
    case 'icon':
      return l10n.t('as its {0}', target.as);
    case 'property':
      return l10n.t('in its "{0}" property', target.property);
    case 'block': {
      // A name without a known type (a link) becomes a file block unless a type was chosen.
      const types = [...new Set(names.map((n) => target.blockType ?? (categoryOf(n) ? defaultBlockType(n) : 'file')))];
      if (names.length === 1) return l10n.t('as {0} block', BLOCK_NAMES[types[0]]);
      return types.length === 1 ? l10n.t('as {0} blocks', BLOCK_NAMES[types[0]].replace(/^an? /, '')) : l10n.t('as blocks');
    }
    case 'replace':
      return l10n.t('in place of the block\'s file');
    case 'comment': {
      const comments = Math.ceil(names.length / MAX_COMMENT_ATTACHMENTS);
      return names.length === 1 ? l10n.t('as a comment attachment') : comments > 1 ? l10n.t('as comment attachments ({0} comments)', comments) : l10n.t('as comment attachments');
    }
    case 'newPage':
      return l10n.t('as a new page');
  }
}

/** `"x.mp4" was added to "Home" as a video block` (no final period: callers add notes). */
export function placedMessage(names: readonly string[], pageTitle: string, target: AttachTarget, verb: 'added' | 'copied' = 'added'): string {
  const who = subject(names);
  const where = placementPhrase(names, target);
  // Whole sentences per verb and number, so each language words its own grammar.
  if (verb === 'copied') {
    return names.length === 1 ? l10n.t('{0} was copied to "{1}" {2}', who, pageTitle, where) : l10n.t('{0} were copied to "{1}" {2}', who, pageTitle, where);
  }
  return names.length === 1 ? l10n.t('{0} was added to "{1}" {2}', who, pageTitle, where) : l10n.t('{0} were added to "{1}" {2}', who, pageTitle, where);
}

const PLACEMENT_TITLES: Record<Placement, string> = {
  cover: l10n.t('Set as Page Cover'),
  icon: l10n.t('Set as Page Icon'),
  block: l10n.t('Add to Page as Block'),
  property: l10n.t('Attach to Files Property'),
  replace: l10n.t('Replace a File on Page'),
  comment: l10n.t('Add as Comment on Page'),
  newPage: l10n.t('New Page from File'),
};

export function placementTitle(p: Placement): string {
  return PLACEMENT_TITLES[p];
}
