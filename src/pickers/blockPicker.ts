// Replace a File on Page…: the page's image/video/audio/pdf/file blocks, each with the file
// it holds and its type; only blocks the chosen file fits are offered.
import * as vscode from 'vscode';
import { placementProblem } from '../core/media/placement';
import type { MediaBlockChoice } from '../core/upload/replaceBlock';

const KIND_WORDS: Record<string, string> = { hosted: 'Notion-hosted', upload: 'our upload', external: 'external link' };

export function blockDescription(b: MediaBlockChoice): string {
  return `${b.blockType} block · ${KIND_WORDS[b.kind] ?? b.kind}${b.depth > 0 ? ` · nested ${b.depth} level${b.depth > 1 ? 's' : ''}` : ''}`;
}

/** Undefined when dismissed; throws when no block on the page can take the file. */
export async function askBlock(blocks: MediaBlockChoice[], filename: string, pageTitle: string): Promise<MediaBlockChoice | undefined> {
  const fitting = blocks.filter((b) => !placementProblem(filename, b.blockType));
  if (fitting.length === 0) {
    const there = blocks.length ? ` (its media blocks: ${[...new Set(blocks.map((b) => b.blockType))].join(', ')})` : ' (it has none)';
    throw new Error(`"${pageTitle}" has no block that can take "${filename}"${there}: an image block takes images, a video block videos, an audio block audio, a pdf block .pdf files, a file block any supported file.`);
  }
  const picked = await vscode.window.showQuickPick(
    fitting.map((b) => ({ label: b.name, description: blockDescription(b), block: b })),
    { title: `Replace which file on "${pageTitle}" with "${filename}"?`, matchOnDescription: true, ignoreFocusOut: true },
  );
  return picked?.block;
}
