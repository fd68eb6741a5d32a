// Content type for an upload: mime-types' answer, corrected where Notion's table differs.
// The same value goes into create, every multipart part and the filename's extension.
import { lookup } from 'mime-types';
import { extensionOf, isSupportedExtension } from './extensions';

/** Where mime-types has no entry or a different one than Notion's supported-types table. */
const NOTION_OVERRIDES: Readonly<Record<string, string>> = {
  amv: 'video/x-amv',
  gifv: 'video/mp4',
  m4v: 'video/mp4',
  ppa: 'application/vnd.ms-powerpoint',
};

/** The content type Notion accepts for this file name, or undefined for unsupported extensions. */
export function contentTypeFor(filename: string): string | undefined {
  if (!isSupportedExtension(filename)) return undefined;
  const ext = extensionOf(filename);
  return NOTION_OVERRIDES[ext] ?? (lookup(ext) || undefined);
}
