// Files over the workspace's per-file limit (users/me), found before any upload request:
// images the webview can re-encode get a "Shrink to Fit" offer next to the refusal (a smaller
// copy is uploaded instead, the original is never changed); other files, and HEIC/TIFF
// images the browser cannot decode, are refused with the limit and their size named.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { categoryOf } from '../core/media/extensions';
import { Dismissed } from '../ui/commandRunner';
import { formatBytes } from '../ui/format';

/** Longest side, in pixels, a shrunk image never goes below (shown to the user). */
export const SHRINK_FLOOR_PX = 1280;

/** Extensions the webview's codecs decode and re-encode without losing anything but pixels and quality (not GIF: its animation would be lost). */
const SHRINKABLE = new Set(['png', 'jpg', 'jpeg', 'webp']);

export function isShrinkable(fileName: string): boolean {
  return SHRINKABLE.has(path.extname(fileName).slice(1).toLowerCase());
}

/** A smaller copy of an image in a temporary file, and what the history says about it. */
export interface ShrunkImage {
  path: string;
  /** Recorded as the upload's source: shrunk from what to what. */
  origin: string;
  /** Why Retry cannot redo it (the temporary copy is gone). */
  noRetry: string;
  /** Deletes the temporary copy. */
  dispose(): Promise<void>;
}

/** Re-encodes an image to fit `limitBytes` (implemented by a webview: src/paste/shrinkPanel.ts). */
export interface ImageShrinker {
  shrink(file: string, sizeBytes: number, limitBytes: number): Promise<ShrunkImage>;
}

/** Bytes from a temporary file: what the record says instead of its path, and why Retry cannot redo it. */
export interface TemporarySource {
  origin: string;
  noRetry: string;
}

export interface FittedFiles {
  files: vscode.Uri[];
  /** Shrunk copies by path (their record's origin). */
  temporary: Map<string, TemporarySource>;
  dispose(): Promise<void>;
}

const TYPE_NAMES: Record<string, string> = { heic: 'HEIC', tif: 'TIFF', tiff: 'TIFF' };

function whyNot(name: string): string {
  const ext = path.extname(name).slice(1).toLowerCase();
  if (ext === 'gif') return vscode.l10n.t('a GIF cannot be shrunk here without losing its animation');
  if (ext === 'svg') return vscode.l10n.t('an SVG is a drawing, not pixels: it cannot be shrunk here');
  if (TYPE_NAMES[ext]) return vscode.l10n.t('{0} images cannot be shrunk here (the browser cannot decode them); export it as PNG or JPEG first', TYPE_NAMES[ext]);
  return categoryOf(name) === 'image' ? vscode.l10n.t('only PNG, JPEG and WebP images can be shrunk') : vscode.l10n.t('only images can be shrunk to fit');
}

/**
 * Checks every file's size against the limit. Interactive: one question names each file over it
 * ("Shrink to Fit" for images, the others refused); scripted: shrinks only when `shrink` is set,
 * else leaves the refusal to the upload (which fails before any request).
 */
export async function fitToLimit(
  uris: vscode.Uri[], limitBytes: number | undefined, shrinker: ImageShrinker | undefined, o: { scripted: boolean; shrink?: boolean },
): Promise<FittedFiles> {
  const unchanged: FittedFiles = { files: uris, temporary: new Map(), dispose: async () => undefined };
  if (limitBytes === undefined || !shrinker) return unchanged;
  const sizes = await Promise.all(uris.map((u) => vscode.workspace.fs.stat(u).then((s) => s.size, () => 0)));
  const over = uris.map((u, i) => ({ u, size: sizes[i], name: path.basename(u.fsPath) })).filter((f) => f.size > limitBytes);
  if (over.length === 0) return unchanged;
  const shrinkable = over.filter((f) => isShrinkable(f.name));
  const stuck = over.filter((f) => !isShrinkable(f.name));
  const limit = vscode.l10n.t('this workspace accepts files up to {0}', formatBytes(limitBytes));
  const sized = (fs: typeof over) => fs.map((f) => vscode.l10n.t('"{0}" is {1}', f.name, formatBytes(f.size))).join(', ');
  if (o.scripted && !o.shrink) return unchanged;
  if (!o.scripted) {
    const rest = uris.length - over.length;
    const parts = [`${sized(over)}; ${limit}.`];
    for (const f of stuck) parts.push(`"${f.name}": ${whyNot(f.name)}.`);
    if (shrinkable.length === 0) {
      if (rest === 0) throw new Error(parts.join(' '));
    }
    const shrinkButton = vscode.l10n.t('Shrink to Fit');
    const othersButton = vscode.l10n.t('Upload the Other {0}', rest);
    const buttons = [...(shrinkable.length ? [shrinkButton] : []), ...(rest > 0 ? [othersButton] : [])];
    const question = shrinkable.length
      ? shrinkable.length === 1 ? vscode.l10n.t('Shrink "{0}" to fit?', shrinkable[0].name) : vscode.l10n.t('Shrink the {0} images to fit?', shrinkable.length)
      : vscode.l10n.t('Upload the other {0}?', rest);
    const answer = await vscode.window.showWarningMessage(`${parts.join(' ')} ${question}`, {
      modal: true,
      detail: shrinkable.length
        ? vscode.l10n.t('A smaller copy (WebP or JPEG, lower quality first, then smaller, never below {0} px on the longest side) is uploaded instead; the original file is not changed.', SHRINK_FLOOR_PX)
        : undefined,
    }, ...buttons);
    if (answer === othersButton) return { ...unchanged, files: uris.filter((u) => !over.some((f) => f.u === u)) };
    if (answer !== shrinkButton) throw new Dismissed();
  }
  const shrunk = new Map<vscode.Uri, ShrunkImage>();
  const dispose = async () => void (await Promise.all([...shrunk.values()].map((s) => s.dispose())));
  try {
    for (const f of shrinkable) shrunk.set(f.u, await shrinker.shrink(f.u.fsPath, f.size, limitBytes));
  } catch (e) {
    await dispose();
    throw e;
  }
  // A script's unshrinkable files go on and are refused by the upload itself, naming the limit.
  const files = uris.filter((u) => o.scripted || !stuck.some((f) => f.u === u)).map((u) => (shrunk.has(u) ? vscode.Uri.file(shrunk.get(u)!.path) : u));
  const temporary = new Map([...shrunk.values()].map((s) => [vscode.Uri.file(s.path).fsPath, { origin: s.origin, noRetry: s.noRetry }] as const));
  return { files, temporary, dispose };
}
