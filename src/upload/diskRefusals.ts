// What the disk alone says against a file (missing, a folder, empty), checked with the type
// and placement rules before the first question: a page is never asked for a file that
// cannot go. The upload service checks again when it opens the file (it may change meanwhile).
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { RefusedFile } from './refusals';

/** The files (by index) that cannot be sent as they are on disk, with why; `skip`: indexes already refused. */
export async function diskRefusals(paths: readonly string[], skip: ReadonlySet<number> = new Set()): Promise<RefusedFile[]> {
  const out: RefusedFile[] = [];
  await Promise.all(paths.map(async (p, index) => {
    if (skip.has(index)) return;
    const reason = await diskProblem(p);
    if (reason) out.push({ index, name: path.basename(p), reason });
  }));
  return out.sort((a, b) => a.index - b.index);
}

async function diskProblem(p: string): Promise<string | undefined> {
  try {
    const s = await stat(p);
    if (s.isDirectory()) return l10n.t('a folder, not a file');
    if (s.isFile() && s.size === 0) return l10n.t('empty (0 bytes); Notion does not accept empty files');
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? l10n.t('not found on disk') : l10n.t('cannot be read ({0})', code ?? 'error');
  }
}
