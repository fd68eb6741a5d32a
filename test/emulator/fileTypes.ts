// Supported file types for the File Upload API (extension → category) and the content type
// rules: `content_type` must be one the extension can carry. mime-types answers the common
// lookup; VARIANTS lists the other spellings Notion documents or returns (.mp4 as
// application/mp4 or audio/mp4, .m4a as audio/x-m4a, ...).
import * as mime from 'mime-types';

export type Category = 'image' | 'video' | 'audio' | 'document';

const CATEGORY_EXTENSIONS: Record<Category, string[]> = {
  image: ['gif', 'heic', 'jpeg', 'jpg', 'png', 'svg', 'tif', 'tiff', 'webp', 'ico'],
  video: ['amv', 'asf', 'wmv', 'avi', 'f4v', 'flv', 'gifv', 'm4v', 'mp4', 'mkv', 'webm', 'mov', 'qt', 'mpeg'],
  audio: ['aac', 'adts', 'mid', 'midi', 'mp3', 'mpga', 'm4a', 'm4b', 'oga', 'ogg', 'wav', 'wma'],
  document: ['pdf', 'txt', 'json', 'doc', 'dot', 'docx', 'dotx', 'xls', 'xlt', 'xla', 'xlsx', 'xltx', 'ppt', 'pot', 'pps', 'ppa', 'pptx', 'potx'],
};

/** Extra accepted content types per extension, beyond mime-types' answer. */
const VARIANTS: Record<string, string[]> = {
  mp4: ['video/mp4', 'audio/mp4', 'application/mp4'],
  m4a: ['audio/mp4', 'audio/x-m4a', 'audio/m4a'],
  m4b: ['audio/mp4', 'audio/x-m4b'],
  m4v: ['video/mp4'],
  mp3: ['audio/mpeg', 'audio/mp3'],
  mpga: ['audio/mpeg'],
  wav: ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
  ogg: ['audio/ogg', 'application/ogg'],
  oga: ['audio/ogg'],
  aac: ['audio/aac', 'audio/x-aac'],
  adts: ['audio/aac'],
  mid: ['audio/midi', 'audio/x-midi'],
  midi: ['audio/midi', 'audio/x-midi'],
  ico: ['image/vnd.microsoft.icon', 'image/x-icon'],
  heic: ['image/heic', 'image/heif'],
  amv: ['video/x-amv'],
  gifv: ['video/mp4'],
  f4v: ['video/x-f4v', 'video/mp4'],
  ppa: ['application/vnd.ms-powerpoint'],
  json: ['application/json'],
  txt: ['text/plain'],
};

const EXT_CATEGORY = new Map<string, Category>();
for (const [cat, exts] of Object.entries(CATEGORY_EXTENSIONS) as [Category, string[]][]) {
  for (const e of exts) EXT_CATEGORY.set(e, cat);
}

/** Lower-case extension without the dot, or '' when the name has none. */
export function extensionOf(filename: string): string {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function isSupportedExtension(ext: string): boolean {
  return EXT_CATEGORY.has(ext);
}

/** `text/plain; charset=utf-8` → `text/plain`. */
export function bareType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

export function allowedContentTypes(ext: string): string[] {
  const primary = mime.lookup(ext);
  const all = new Set<string>(VARIANTS[ext] ?? []);
  if (primary) all.add(primary);
  return [...all];
}

/** What Notion infers when no content_type is given. Recorded: .mp4 → application/mp4 (hkob
 * create_file_upload_video.json); others follow mime-types. */
const INFERRED: Record<string, string> = { mp4: 'application/mp4' };

export function defaultContentType(ext: string): string | undefined {
  return INFERRED[ext] ?? (mime.lookup(ext) || VARIANTS[ext]?.[0]);
}

/** A supported extension a bare content type maps to (for filenames without an extension). */
export function extensionForContentType(contentType: string): string | undefined {
  const t = bareType(contentType);
  const ext = mime.extension(t);
  if (ext && isSupportedExtension(ext)) return ext;
  for (const [e, variants] of Object.entries(VARIANTS)) if (variants.includes(t) && isSupportedExtension(e)) return e;
  return undefined;
}

export function contentTypeFits(ext: string, contentType: string): boolean {
  return allowedContentTypes(ext).includes(bareType(contentType));
}

/** The media category of stored bytes; .mp4 follows its content type (audio/mp4 is audio). */
export function categoryOf(ext: string, contentType: string | null): Category | undefined {
  const cat = EXT_CATEGORY.get(ext);
  if (cat === 'video' && contentType && bareType(contentType).startsWith('audio/')) return 'audio';
  return cat;
}
