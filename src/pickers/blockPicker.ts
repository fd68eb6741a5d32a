// Replace a File on Page…: the page's image/video/audio/pdf/file blocks, each with the file
// it holds and its type; only blocks the chosen file fits are offered.
import * as vscode from 'vscode';
import { placementProblem } from '../core/media/placement';
import type { MediaBlockChoice } from '../core/upload/replaceBlock';

const KIND_WORDS: Record<string, string> = { hosted: vscode.l10n.t('Notion-hosted'), upload: vscode.l10n.t('our upload'), external: vscode.l10n.t('external link') };

export function blockDescription(b: MediaBlockChoice): string {
  const nested = b.depth === 0 ? '' : b.depth === 1 ? vscode.l10n.t(' · nested 1 level') : vscode.l10n.t(' · nested {0} levels', b.depth);
  return vscode.l10n.t('{0} block · {1}', b.blockType, KIND_WORDS[b.kind] ?? b.kind) + nested;
}

/** Undefined when dismissed; throws when no block on the page can take the file. */
export async function askBlock(blocks: MediaBlockChoice[], filename: string, pageTitle: string): Promise<MediaBlockChoice | undefined> {
  const fitting = blocks.filter((b) => !placementProblem(filename, b.blockType));
  if (fitting.length === 0) {
    const there = blocks.length ? vscode.l10n.t(' (its media blocks: {0})', [...new Set(blocks.map((b) => b.blockType))].join(', ')) : vscode.l10n.t(' (it has none)');
    throw new Error(vscode.l10n.t('"{0}" has no block that can take "{1}"{2}: an image block takes images, a video block videos, an audio block audio, a pdf block .pdf files, a file block any supported file.', pageTitle, filename, there));
  }
  const picked = await vscode.window.showQuickPick(
    fitting.map((b) => ({ label: b.name, description: blockDescription(b), block: b })),
    { title: vscode.l10n.t('Replace which file on "{0}" with "{1}"?', pageTitle, filename), matchOnDescription: true, ignoreFocusOut: true },
  );
  return picked?.block;
}
