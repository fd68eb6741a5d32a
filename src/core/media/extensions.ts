// Notion's supported file types (File Upload API): extension → category and the content
// type Notion expects for it. Anything not listed is rejected by Notion before storage.
export type MediaCategory = 'image' | 'video' | 'audio' | 'document';

export const MEDIA_CATEGORIES: readonly MediaCategory[] = ['image', 'video', 'audio', 'document'];

/** Extensions per category, lower case, without the dot (Notion's list, in its order). */
export const SUPPORTED_EXTENSIONS: Readonly<Record<MediaCategory, readonly string[]>> = {
  image: ['gif', 'heic', 'jpeg', 'jpg', 'png', 'svg', 'tif', 'tiff', 'webp', 'ico'],
  video: ['amv', 'asf', 'wmv', 'avi', 'f4v', 'flv', 'gifv', 'm4v', 'mp4', 'mkv', 'webm', 'mov', 'qt', 'mpeg'],
  // Notion also lists .mp4 as audio/mp4; we upload it as video/mp4, so it is video here.
  audio: ['aac', 'adts', 'mid', 'midi', 'mp3', 'mpga', 'm4a', 'm4b', 'oga', 'ogg', 'wav', 'wma'],
  document: [
    'pdf', 'txt', 'json', 'doc', 'dot', 'docx', 'dotx', 'xls', 'xlt', 'xla', 'xlsx', 'xltx',
    'ppt', 'pot', 'pps', 'ppa', 'pptx', 'potx',
  ],
};

const categoryByExtension = new Map<string, MediaCategory>(
  MEDIA_CATEGORIES.flatMap((c) => SUPPORTED_EXTENSIONS[c].map((e) => [e, c] as const)),
);

/** Lower-case extension without the dot ('' when the name has none). */
export function extensionOf(filename: string): string {
  const base = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The category of a file name, or undefined when Notion does not accept its extension. */
export function categoryOf(filename: string): MediaCategory | undefined {
  return categoryByExtension.get(extensionOf(filename));
}

export function isSupportedExtension(filename: string): boolean {
  return categoryOf(filename) !== undefined;
}

/** ".png, .jpg, …" for messages. */
export function describeExtensions(category?: MediaCategory): string {
  const cats = category ? [category] : MEDIA_CATEGORIES;
  return cats.map((c) => `${c}: ${SUPPORTED_EXTENSIONS[c].map((e) => '.' + e).join(' ')}`).join('; ');
}
