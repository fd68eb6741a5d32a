// Safe local file names for downloads. A name Notion reports is untrusted input: it may
// hold path separators, "..", control characters or names Windows reserves.
import * as l10n from '@vscode/l10n';
import { ExpectedError } from '../expectedError';
import { extname } from 'node:path';

const MAX_NAME_BYTES = 255;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const SEPARATORS = /[/\\]/;
const WINDOWS_RESERVED_CHARS = /[<>:"|?*]/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export class UnsafeFileNameError extends ExpectedError {
  constructor(readonly fileName: string, rule: string) {
    super(l10n.t('Refusing file name {0}: {1}.', JSON.stringify(fileName), rule));
    this.name = 'UnsafeFileNameError';
  }
}

/** Throws UnsafeFileNameError unless `name` is a single, plain file name. */
export function assertSafeFileName(name: string): void {
  const fail = (rule: string) => {
    throw new UnsafeFileNameError(name, rule);
  };
  if (!name.trim()) fail('it is empty');
  if (SEPARATORS.test(name)) fail(l10n.t('a file name may not contain path separators (/ or \\)'));
  if (name === '.' || name === '..') fail('it names a directory, not a file');
  if (CONTROL.test(name)) fail(l10n.t('it contains control characters'));
  if (WINDOWS_RESERVED_CHARS.test(name)) fail(l10n.t('it contains a character Windows forbids (< > : " | ? *)'));
  if (WINDOWS_DEVICE.test(name)) fail(l10n.t('it is a device name Windows reserves'));
  if (/[. ]$/.test(name)) fail(l10n.t('it ends with a dot or a space'));
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) fail(l10n.t('it is longer than {0} bytes', MAX_NAME_BYTES));
}

/** Cuts `name` to at most `max` UTF-8 bytes without splitting a character. */
function truncateBytes(name: string, max: number): string {
  let out = '';
  for (const ch of name) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/**
 * A safe file name made from the name Notion reports: forbidden characters become "_",
 * leading dots go (no hidden files, no ".."), long names keep their extension.
 */
export function deriveFileName(reported: string, fallback = 'file'): string {
  let name = reported
    .replace(new RegExp(CONTROL.source, 'g'), '')
    .replace(/[/\\<>:"|?*]/g, '_')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) {
    const ext = extname(name);
    const keepExt = Buffer.byteLength(ext) < 32 ? ext : '';
    const base = truncateBytes(name.slice(0, name.length - keepExt.length), MAX_NAME_BYTES - Buffer.byteLength(keepExt));
    name = (base + keepExt).replace(/[.\s]+$/, '');
  }
  if (!name) return fallback;
  assertSafeFileName(name);
  return name;
}
