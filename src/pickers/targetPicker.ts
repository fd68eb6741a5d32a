// The questions between "these files" and "upload": which page, which placement, which
// files property, which caption. Each is skipped when the caller supplied the answer.
import * as vscode from 'vscode';
import { parseNotionId } from '../core/ids';
import { categoryOf, describeExtensions, extensionOf, SUPPORTED_EXTENSIONS } from '../core/media/extensions';
import { defaultBlockType, placementProblem, type PlacementKind } from '../core/media/placement';
import type { NotionApi } from '../core/notion/api';
import type { MediaBlockType } from '../core/notion/types';
import type { AttachTarget, Placement } from '../core/upload/types';
import { pickPage, type PickedPage } from './pagePicker';
import type { RecentTargets } from '../storage/recentTargets';
import type { Services } from '../common/services';

/** A placement, or "upload only" (attach later from the Uploads view). */
export type PlacementChoice = Placement | 'none';

const PLACEMENT_TITLES: Record<Placement, string> = {
  cover: 'Set as Page Cover',
  icon: 'Set as Page Icon',
  block: 'Add to Page as Block',
  property: 'Attach to Files Property',
  replace: 'Replace a File on Page',
  comment: 'Add as Comment on Page',
  newPage: 'New Page from File',
};

/** What a placement asks of each file's type (replace: any supported type until its block is read). */
function kindFor(placement: Placement | undefined, blockType?: MediaBlockType): PlacementKind | undefined {
  switch (placement) {
    case undefined: return undefined;
    case 'block': return blockType ?? 'file';
    case 'replace': case 'comment': case 'newPage': return 'file';
    default: return placement;
  }
}

export function placementTitle(p: Placement): string {
  return PLACEMENT_TITLES[p];
}

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

/** A page the integration cannot see: said once, before any file is touched. */
export class PageNotSharedError extends Error {
  override readonly name = 'PageNotSharedError';
  readonly code = 'object_not_found';
  constructor(readonly pageId: string) {
    super(
      `Notion cannot show page ${pageId} to the integration: it is not shared with it (or it is not a page). ` +
      'In Notion, open the page, choose ••• → Connections and add the integration, then try again.',
    );
  }
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

/** Why these files cannot go to this placement (undefined when they all fit). Checked before any request. */
export function placementProblems(filenames: string[], placement: Placement, blockType?: MediaBlockType): string | undefined {
  if ((placement === 'cover' || placement === 'icon') && filenames.length > 1) {
    return `A page has one ${placement}: choose a single image (${filenames.length} files were given).`;
  }
  const kind = kindFor(placement, blockType)!;
  const problems = filenames.map((f) => placementProblem(f, kind)).filter((p): p is string => !!p);
  if (problems.length === 0) return undefined;
  const needed = placement === 'cover' || placement === 'icon' || blockType === 'image' ? 'image' : blockType === 'video' ? 'video' : blockType === 'audio' ? 'audio' : undefined;
  const list = blockType === 'pdf' ? '.pdf' : describeExtensions(needed);
  return `${problems.join('; ')}. Supported: ${list}.`;
}

/** Unsupported types, named, with the list of what Notion accepts. */
export function unsupportedFiles(filenames: string[]): string | undefined {
  const bad = filenames.filter((f) => !categoryOf(f));
  if (!bad.length) return undefined;
  return `Notion does not accept ${bad.map((b) => `"${b}"`).join(', ')}: the file type is not supported. Supported — ${describeExtensions()}.`;
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
      return [{ index, name, reason: ext ? `type .${ext} not supported` : 'no file extension, so no type Notion accepts' }];
    }
    const problem = kind && placementProblem(name, kind);
    return problem ? [{ index, name, reason: problem }] : [];
  });
}

/** "1 of 4 files can't go to Notion: notes.md (type .md not supported)." */
export function refusalSummary(refused: readonly RefusedFile[], total: number): string {
  const max = 4;
  const listed = refused.slice(0, max).map((r) => `${r.name} (${r.reason})`).join(', ');
  const more = refused.length > max ? ` and ${refused.length - max} more` : '';
  return `${refused.length} of ${total} files can't go to Notion: ${listed}${more}.`;
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
  if (!placementProblems(filenames, 'block')) items.push({ label: '$(add) Add to Page as Block', description: `${blockKinds} block${single ? '' : 's'}`, choice: 'block' });
  if (single && !placementProblems(filenames, 'cover')) {
    items.push({ label: '$(file-media) Set as Page Cover', choice: 'cover' });
    items.push({ label: '$(symbol-misc) Set as Page Icon', choice: 'icon' });
  }
  if (inDatabase !== false) items.push({ label: '$(database) Attach to Files Property', description: 'database pages', choice: 'property' });
  // Comments take uploaded files only, not links.
  if (allowComment) items.push({ label: '$(comment) Add as Comment on Page', description: single ? 'a comment with the file attached' : 'up to 3 files per comment', choice: 'comment' });
  if (allowNone) items.push({ label: '$(cloud-upload) Upload Only', description: 'attach later from the Uploads view (within an hour)', choice: 'none' });
  const picked = await vscode.window.showQuickPick(items, { title: `Where on "${pageTitle}"?`, placeHolder: 'Choose where the file goes', ignoreFocusOut: true });
  return picked?.choice;
}

/** The page's files properties: the given one (checked later by the service) or a pick. */
export async function askProperty(services: Services, page: PickedPage, given: string | undefined): Promise<string | undefined> {
  if (given) return given;
  const service = await services.uploads();
  const names = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Reading the page\'s properties…' },
    () => service.listFilesProperties(page.id),
  );
  if (names.length === 0) {
    throw new Error(`"${page.title}" has no files property. Only pages in a database have properties; add a "Files & media" property to the database, or choose another placement.`);
  }
  if (names.length === 1) return names[0];
  return vscode.window.showQuickPick(names, { title: `Which files property of "${page.title}"?`, ignoreFocusOut: true });
}

/** An optional caption for new blocks (Escape cancels the whole command, Enter on empty skips). */
export async function askCaption(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Caption (optional)',
    prompt: 'Shown under the block. Leave empty for none.',
    ignoreFocusOut: true,
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
  return { page, target: buildTarget(page.id, placement, { property, blockType: given.blockType, caption: given.caption, comment }) };
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
    title: `Comment on "${pageTitle}"`,
    prompt: 'The comment\'s text (required: Notion does not take attachments without text). Up to 3 files per comment.',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Type the comment (Notion needs text with the attachments)'),
  });
}

/** Open-dialog filters from Notion's supported types. */
export function openDialogFilters(imagesOnly: boolean): Record<string, string[]> {
  if (imagesOnly) return { Images: [...SUPPORTED_EXTENSIONS.image] };
  return {
    'Supported files': Object.values(SUPPORTED_EXTENSIONS).flat(),
    Images: [...SUPPORTED_EXTENSIONS.image],
    Video: [...SUPPORTED_EXTENSIONS.video],
    Audio: [...SUPPORTED_EXTENSIONS.audio],
    Documents: [...SUPPORTED_EXTENSIONS.document],
  };
}
