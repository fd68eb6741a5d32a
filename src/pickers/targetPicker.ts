// The questions between "these files" and "upload": which page, which placement, which
// files property, which caption. Each is skipped when the caller supplied the answer.
import * as vscode from 'vscode';
import { parseNotionId } from '../core/ids';
import { categoryOf } from '../core/media/extensions';
import { defaultBlockType } from '../core/media/placement';
import type { NotionApi } from '../core/notion/api';
import type { MediaBlockType } from '../core/notion/types';
import type { AttachTarget, Placement } from '../core/upload/types';
import { captionProblem } from '../core/upload/inputChecks';
import { pickPage, type PickedPage } from './pagePicker';
import type { RecentTargets } from '../storage/recentTargets';
import { PageNotSharedError } from '../common/errors';
import { placementProblems } from '../upload/refusals';
import type { Services } from '../common/services';

/** A placement, or "upload only" (attach later from the Uploads view). */
export type PlacementChoice = Placement | 'none';

/** The page: the caller's URL/id, else the workspace default, else the picker. Undefined when dismissed. */
export async function askPage(
  services: Services,
  recents: RecentTargets,
  given: string | undefined,
  title: string,
): Promise<PickedPage | undefined> {
  const client = await services.client();
  if (given) {
    const id = parseNotionId(given, 'page');
    return { id, title: recents.title(id) ?? (await titleOf(client, id)) ?? id };
  }
  const picked = await pickPage({
    title,
    recents: recents.list(),
    search: async (query, signal) => (await client.searchPages(query, { pageSize: 25 }, { signal })).results,
    onError: (e) => services.log.error('Page search failed', e),
  });
  // A pasted link has no title yet: read it, so messages and recent targets name the page.
  if (picked && picked.title === picked.id) return { ...picked, title: (await titleOf(client, picked.id)) ?? picked.id };
  return picked;
}

/**
 * The page's title. Throws PageNotSharedError when Notion answers 404 (nothing is uploaded
 * for a page that cannot take it); undefined for other failures (the upload reports them).
 */
async function titleOf(client: NotionApi, pageId: string): Promise<string | undefined> {
  try {
    const page = await client.getPage(pageId);
    const prop = Object.values(page.properties ?? {}).find((p) => p?.type === 'title');
    const text = (prop?.title ?? []).map((t) => t.plain_text ?? t.text?.content ?? '').join('');
    return text || 'Untitled';
  } catch (e) {
    const s = e as { status?: number; code?: string };
    if (s.status === 404 || s.code === 'object_not_found') throw new PageNotSharedError(pageId);
    return undefined;
  }
}

interface PlacementItem extends vscode.QuickPickItem {
  choice: PlacementChoice;
}

/**
 * Placements that fit every file; "upload only" when allowed. `inDatabase` false (a page known
 * not to be in a database) leaves out the files property, which only database pages have.
 */
export async function askPlacement(filenames: string[], pageTitle: string, allowNone: boolean, inDatabase?: boolean, allowComment = true): Promise<PlacementChoice | undefined> {
  const single = filenames.length === 1;
  const blockKinds = [...new Set(filenames.map((f) => (categoryOf(f) ? defaultBlockType(f) : 'file')))].join(', ');
  const items: PlacementItem[] = [];
  if (!placementProblems(filenames, 'block')) items.push({ label: vscode.l10n.t('$(add) Add to Page as Block'), description: single ? vscode.l10n.t('{0} block', blockKinds) : vscode.l10n.t('{0} blocks', blockKinds), choice: 'block' });
  if (single && !placementProblems(filenames, 'cover')) {
    items.push({ label: vscode.l10n.t('$(file-media) Set as Page Cover'), choice: 'cover' });
    items.push({ label: vscode.l10n.t('$(symbol-misc) Set as Page Icon'), choice: 'icon' });
  }
  if (inDatabase !== false) items.push({ label: vscode.l10n.t('$(database) Attach to Files Property'), description: vscode.l10n.t('database pages'), choice: 'property' });
  // Comments take uploaded files only, not links.
  if (allowComment) items.push({ label: vscode.l10n.t('$(comment) Add as Comment on Page'), description: single ? vscode.l10n.t('a comment with the file attached') : vscode.l10n.t('up to 3 files per comment'), choice: 'comment' });
  if (allowNone) items.push({ label: vscode.l10n.t('$(cloud-upload) Upload Only'), description: vscode.l10n.t('attach later from the Uploads view (within an hour)'), choice: 'none' });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Where on "{0}"?', pageTitle), placeHolder: vscode.l10n.t('Choose where the file goes'), ignoreFocusOut: true });
  return picked?.choice;
}

/** The page's files properties: the given one (checked later by the service) or a pick. */
export async function askProperty(services: Services, page: PickedPage, given: string | undefined): Promise<string | undefined> {
  if (given) return given;
  const service = await services.uploads();
  const names = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the page\'s properties…') },
    () => service.listFilesProperties(page.id),
  );
  if (names.length === 0) {
    throw new Error(vscode.l10n.t('"{0}" has no files property. Only pages in a database have properties; add a "Files & media" property to the database, or choose another placement.', page.title));
  }
  if (names.length === 1) return names[0];
  return vscode.window.showQuickPick(names, { title: vscode.l10n.t('Which files property of "{0}"?', page.title), ignoreFocusOut: true });
}

/**
 * An optional caption for new blocks (Escape cancels the whole command, Enter on empty skips).
 * With several files one caption goes under every block: the prompt says so.
 */
export async function askCaption(files = 1): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: files > 1 ? vscode.l10n.t('Caption for all {0} blocks (optional)', files) : vscode.l10n.t('Caption (optional)'),
    prompt: files > 1 ? vscode.l10n.t('The same caption is shown under each of the {0} blocks. Leave empty for none.', files) : vscode.l10n.t('Shown under the block. Leave empty for none.'),
    ignoreFocusOut: true,
    // The core's rule (2000 characters, no control characters), said while typing.
    validateInput: (v) => captionProblem(v),
  });
}

/** What a caller may already know of a target; the rest is asked. */
export interface TargetAnswers {
  page?: string;
  /** 'none' (upload only) means there is nothing to attach: the question ends there. */
  placement?: PlacementChoice;
  property?: string;
  blockType?: MediaBlockType;
  caption?: string;
  /** The comment's text (placement "comment"). */
  comment?: string;
}

/** Page → placement → files property for one file already in Notion (no "upload only"). Undefined when dismissed. */
export async function askTarget(
  services: Services,
  recents: RecentTargets,
  name: string,
  given: TargetAnswers,
  title: string,
): Promise<{ page: PickedPage; target: AttachTarget } | undefined> {
  const page = await askPage(services, recents, given.page, title);
  if (!page) return undefined;
  const placement = given.placement ?? (await askPlacement([name], page.title, false, page.inDatabase));
  if (!placement || placement === 'none') return undefined;
  const property = placement === 'property' ? await askProperty(services, page, given.property) : undefined;
  if (placement === 'property' && !property) return undefined;
  const comment = placement === 'comment' ? await askComment(given.comment, page.title) : undefined;
  if (placement === 'comment' && !comment) return undefined;
  // A block takes a caption (a files property item, cover or icon has none): asked unless a script gave the page.
  const asksCaption = placement === 'block' && given.caption === undefined && given.page === undefined;
  const caption = asksCaption ? await askCaption() : given.caption;
  if (asksCaption && caption === undefined) return undefined;
  return { page, target: buildTarget(page.id, placement, { property, blockType: given.blockType, caption, comment }) };
}

export function buildTarget(
  pageId: string,
  placement: Placement,
  extra: { property?: string; blockType?: MediaBlockType; caption?: string; comment?: string; block?: string; title?: string },
): AttachTarget {
  switch (placement) {
    case 'cover':
    case 'icon':
      return { pageId, as: placement };
    case 'block':
      return { pageId, as: 'block', ...(extra.blockType ? { blockType: extra.blockType } : {}), ...(extra.caption ? { caption: extra.caption } : {}) };
    case 'property':
      return { pageId, as: 'property', property: extra.property! };
    case 'replace':
      return { pageId, as: 'replace', blockId: extra.block!, ...(extra.caption !== undefined ? { caption: extra.caption } : {}) };
    case 'comment':
      return { pageId, as: 'comment', comment: extra.comment ?? '' };
    case 'newPage':
      return { pageId, as: 'newPage', ...(extra.property ? { property: extra.property } : {}), ...(extra.title ? { title: extra.title } : {}) };
  }
}

/** The comment's text: the given one, else asked (Escape cancels). Notion needs text with attachments. */
export async function askComment(given: string | undefined, pageTitle: string): Promise<string | undefined> {
  if (given !== undefined) return given;
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Comment on "{0}"', pageTitle),
    prompt: vscode.l10n.t('The comment\'s text (required: Notion does not take attachments without text). Up to 3 files per comment.'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type the comment (Notion needs text with the attachments)')),
  });
}
