// Notion-Version handling. Stricter reading of the notes: each version shows only its own
// trash field (`archived` up to 2025-09-03, `in_trash` on 2026-03-11), so clients must cope.
import { NotionError } from './errors';

export type NotionVersion = '2022-06-28' | '2025-09-03' | '2026-03-11';
export const SUPPORTED_VERSIONS: readonly NotionVersion[] = ['2022-06-28', '2025-09-03', '2026-03-11'];

export function checkVersion(header: string | string[] | undefined): NotionVersion {
  if (header === undefined || header === '') {
    throw new NotionError(
      400,
      'missing_version',
      'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
    );
  }
  const v = Array.isArray(header) ? header.join(',') : header;
  if (!(SUPPORTED_VERSIONS as readonly string[]).includes(v)) {
    throw new NotionError(
      400,
      'validation_error',
      `Notion-Version header failed validation: Notion-Version should be one of ${SUPPORTED_VERSIONS.map((s) => `"${s}"`).join(', ')}, instead was \`${v}\`.`,
    );
  }
  return v as NotionVersion;
}

export const usesInTrash = (v: NotionVersion): boolean => v >= '2026-03-11';

export function trashField(v: NotionVersion, inTrash: boolean): { in_trash: boolean } | { archived: boolean } {
  return usesInTrash(v) ? { in_trash: inTrash } : { archived: inTrash };
}
