// Notion-Version handling and the trash fields each version shows. Recorded (notion-sdk-py
// cassettes, 2025-09-03, 2026-07): pages, blocks and file uploads carry both `archived` and
// `in_trash`, pages also `is_archived`; 2026-03-11 has no recording, so the docs' reading
// (`in_trash` only) stays there.
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

/** Blocks and file uploads: `in_trash` and `archived` up to 2025-09-03, `in_trash` only after. */
export function trashField(v: NotionVersion, inTrash: boolean): Record<string, boolean> {
  return usesInTrash(v) ? { in_trash: inTrash } : { in_trash: inTrash, archived: inTrash };
}

/** Pages add `is_archived` on 2025-09-03 (test_pages_retrieve.yaml and every page in the 2026-07 cassettes). */
export function pageTrashFields(v: NotionVersion, inTrash: boolean): Record<string, boolean> {
  return v === '2025-09-03' ? { ...trashField(v, inTrash), is_archived: inTrash } : trashField(v, inTrash);
}
