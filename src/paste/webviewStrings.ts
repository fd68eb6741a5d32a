// The strings media/paste/paste.js and shrink.js show, worded in the display language. The
// page's scripts cannot call vscode.l10n, so panelHtml.ts hands them this table (data-l10n),
// keyed by the English text the scripts pass to their t()/worded(). Each entry is an l10n.t
// call so `npm run l10n` extracts it into the bundle with the rest.
import * as l10n from '@vscode/l10n';

export function webviewStrings(): Record<string, string> {
  const entries = [
    ['{0} is over this workspace\'s limit of {1}', l10n.t('{0} is over this workspace\'s limit of {1}')],
    ['the pasted file', l10n.t('the pasted file')],
    ['unknown type', l10n.t('unknown type')],
    ['the browser cannot decode this image', l10n.t('the browser cannot decode this image')],
    ['Image dropped.', l10n.t('Image dropped.')],
    ['{0} images dropped.', l10n.t('{0} images dropped.')],
    ['Image pasted.', l10n.t('Image pasted.')],
    ['{0} images pasted.', l10n.t('{0} images pasted.')],
    ['{0} images will go as one batch.', l10n.t('{0} images will go as one batch.')],
    ['Not an image Notion takes: {0}.', l10n.t('Not an image Notion takes: {0}.')],
    ['That is a link, not an image: {0}', l10n.t('That is a link, not an image: {0}')],
    ['The clipboard holds text, not an image. Copy an image (or a screenshot) and paste again.', l10n.t('The clipboard holds text, not an image. Copy an image (or a screenshot) and paste again.')],
    ['The clipboard holds no image. Copy an image (or take a screenshot) and paste again.', l10n.t('The clipboard holds no image. Copy an image (or take a screenshot) and paste again.')],
    ['{0} shrunk to {1}, {2}×{3} {4}.', l10n.t('{0} shrunk to {1}, {2}×{3} {4}.')],
    ['cannot shrink it: {0}', l10n.t('cannot shrink it: {0}')],
    ['{0}. Shrink it to fit or remove it.', l10n.t('{0}. Shrink it to fit or remove it.')],
    ['Every image needs a name.', l10n.t('Every image needs a name.')],
    ['Sending {0} to Notion…', l10n.t('Sending {0} to Notion…')],
    ['Sending {0} images to Notion…', l10n.t('Sending {0} images to Notion…')],
    ['Preview of {0}', l10n.t('Preview of {0}')],
    ['Shrunk from {0} · {1}×{2} {3}', l10n.t('Shrunk from {0} · {1}×{2} {3}')],
    ['{0}, and {1} images cannot be shrunk here (the browser cannot decode them).', l10n.t('{0}, and {1} images cannot be shrunk here (the browser cannot decode them).')],
    ['Shrink to Fit', l10n.t('Shrink to Fit')],
    ['Re-encode smaller (never below {0} px on the longest side)', l10n.t('Re-encode smaller (never below {0} px on the longest side)')],
    ['Name', l10n.t('Name')],
    ['Remove', l10n.t('Remove')],
    ['Remove {0}', l10n.t('Remove {0}')],
    ['{0} removed.', l10n.t('{0} removed.')],
    ['Upload {0} Images to Notion…', l10n.t('Upload {0} Images to Notion…')],
    ['Upload to Notion…', l10n.t('Upload to Notion…')],
    ['This workspace accepts files up to {0}. Larger images can be shrunk to fit (never below {1} px on the longest side).', l10n.t('This workspace accepts files up to {0}. Larger images can be shrunk to fit (never below {1} px on the longest side).')],
    ['{0} shrunk to {1} ({2}×{3} {4}); that copy is uploaded, {0} itself is not changed.', l10n.t('{0} shrunk to {1} ({2}×{3} {4}); that copy is uploaded, {0} itself is not changed.')],
    ['even at {0}×{1} (the floor is {2} px on the longest side) it is {3}, over the limit of {4}', l10n.t('even at {0}×{1} (the floor is {2} px on the longest side) it is {3}, over the limit of {4}')],
  ];
  return Object.fromEntries(entries);
}
