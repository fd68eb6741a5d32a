// Temporary copies of pasted or shrunk images: one private folder per copy (names may repeat),
// named as the file should be called in Notion, deleted once the batch ends.
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TemporaryFile {
  path: string;
  dispose(): Promise<void>;
}

export async function writeTemporaryFile(name: string, bytes: Uint8Array): Promise<TemporaryFile> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'notion-assets-'));
  const file = path.join(dir, name);
  try {
    await fsp.writeFile(file, bytes, { mode: 0o600 });
  } catch (e) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { path: file, dispose: () => fsp.rm(dir, { recursive: true, force: true }) };
}

/**
 * A name typed in the panel, made safe as one file name: no separators, `..`, control or
 * reserved characters; the extension the image's type needs is kept or added.
 */
export function safeImageName(typed: string, ext: string): string {
  let name = typed.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '-').replace(/^[.\s]+|[.\s]+$/g, '').trim();
  if (!name) name = l10n.t('Pasted image');
  const want = `.${ext}`;
  const has = path.extname(name).toLowerCase();
  if (has !== want && !(ext === 'jpg' && has === '.jpeg')) name += want;
  return name;
}
