// Where a path really leads and whether that is inside the workspace folders: a repository
// can ship `logo.png → ~/.ssh/id_rsa`, and following it would upload the key. Node built-ins
// only, so the VS Code side can ask before anything else is loaded or sent.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

/** True when `real` is one of the folders or inside one (folders' own links resolved). */
export async function insideAny(real: string, folders: readonly string[]): Promise<boolean> {
  for (const f of folders) {
    const root = await fsp.realpath(f).catch(() => path.resolve(f));
    const rel = path.relative(root, real);
    if (rel === '' || (rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel))) return true;
  }
  return false;
}

/**
 * The real path of `filePath` when a link on the way leads outside the folders; undefined
 * when it is no link, stays inside, or cannot be resolved (the upload's checks say why).
 */
export async function linkOutside(filePath: string, folders: readonly string[]): Promise<string | undefined> {
  const abs = path.resolve(filePath);
  const real = await fsp.realpath(abs).catch(() => undefined);
  if (real === undefined || real === abs) return undefined;
  return (await insideAny(real, folders)) ? undefined : real;
}
