// Image types as the panels see them: the extension a type is saved under, the type of a
// file to shrink, and how a type is named to the user.
import * as path from 'node:path';

const EXT_OF_TYPE: Record<string, string> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg',
  'image/heic': 'heic', 'image/tiff': 'tiff', 'image/x-icon': 'ico', 'image/vnd.microsoft.icon': 'ico',
};

const TYPE_OF_EXT: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };

/** The extension a pasted image of this type is saved with; undefined when Notion takes no such image. */
export function extensionForType(type: string): string | undefined {
  return EXT_OF_TYPE[type];
}

export function typeForFile(file: string): string {
  return TYPE_OF_EXT[path.extname(file).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

/** `PNG`, `WebP`, `JPEG`. */
export function typeLabel(type: string): string {
  const sub = type.split('/')[1] ?? type;
  return sub === 'webp' ? 'WebP' : sub === 'svg+xml' ? 'SVG' : sub.toUpperCase();
}
