// Rules for POST /v1/file_uploads bodies: mode, filename (≤ 900 UTF-8 bytes, supported
// extension), content_type, number_of_parts 1..1000, external_url. As recorded, a supported
// content_type that disagrees with the extension is accepted and kept verbatim; with
// `docRules` it must be one the extension can carry (and is kept without parameters).
import type { Bot } from '../bots';
import { validation } from '../errors';
import { contentTypeFits, defaultContentType, extensionForContentType, extensionOf, isSupportedExtension, bareType } from '../fileTypes';
import type { UploadMode } from './record';

export const MAX_FILENAME_BYTES = 900;
export const MAX_PARTS = 1000;
export const MIB = 1024 * 1024;
export const FREE_PLAN_LIMIT = 5 * MIB;

export interface CreateRequest {
  mode: UploadMode;
  filename: string | null;
  contentType: string | null;
  numberOfParts?: number;
  externalUrl?: string;
}

const MODES: UploadMode[] = ['single_part', 'multi_part', 'external_url'];

/** Filename and content type rules shared by create and the multipart part. */
export function checkFilenameAndType(filename: string | null, contentType: string | null, where = 'body', docRules = true): string | null {
  if (filename !== null) {
    const bytes = Buffer.byteLength(filename, 'utf8');
    if (filename.length === 0) throw validation(`${where}.filename should be a non-empty string.`);
    if (bytes > MAX_FILENAME_BYTES) {
      throw validation(`${where}.filename should be at most ${MAX_FILENAME_BYTES} bytes in UTF-8 (extension included), instead was ${bytes} bytes.`);
    }
    const ext = extensionOf(filename);
    if (ext && !isSupportedExtension(ext)) {
      throw validation(`Provided \`filename\` has an extension that is not supported for the File Upload API: \`.${ext}\` (${filename}).`);
    }
    if (!ext) {
      if (contentType === null || !extensionForContentType(contentType)) {
        throw validation(`Provided \`filename\` \`${filename}\` has no extension and no supported \`content_type\` to infer one from.`);
      }
      return bareType(contentType);
    }
    if (contentType === null) return defaultContentType(ext) ?? null;
    if (contentTypeFits(ext, contentType)) return docRules ? bareType(contentType) : contentType;
    if (docRules) {
      throw validation(`Provided \`content_type\` \`${contentType}\` does not match the extension of \`filename\` \`${filename}\` (.${ext}).`);
    }
    if (!extensionForContentType(contentType)) {
      throw validation(`Provided \`content_type\` \`${contentType}\` is not a type supported by the File Upload API.`);
    }
    return contentType;
  }
  if (contentType !== null && !extensionForContentType(contentType)) {
    throw validation(`Provided \`content_type\` \`${contentType}\` is not a type supported by the File Upload API.`);
  }
  return contentType === null ? null : bareType(contentType);
}

function optionalString(body: Record<string, unknown>, key: string): string | null {
  const v = body[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw validation(`body.${key} should be a string, instead was \`${JSON.stringify(v)}\`.`);
  return v;
}

function checkExternalUrl(raw: string, allowHttp: boolean): void {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw validation(`body.external_url should be a valid URL, instead was \`${raw}\`.`);
  }
  const httpOk = allowHttp && u.protocol === 'http:' && u.hostname === '127.0.0.1';
  if (u.protocol !== 'https:' && !httpOk) throw validation(`body.external_url must use https, instead was \`${raw}\`.`);
}

export function parseCreate(body: unknown, bot: Bot, allowHttpImports: boolean, docRules = false): CreateRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || Array.isArray(b)) throw validation('body should be an object.');
  const mode = (b.mode ?? 'single_part') as UploadMode;
  if (!MODES.includes(mode)) throw validation(`body.mode should be one of "single_part", "multi_part", "external_url", instead was \`${JSON.stringify(b.mode)}\`.`);
  const filename = optionalString(b, 'filename');
  const rawType = optionalString(b, 'content_type');
  const externalUrl = optionalString(b, 'external_url');
  const parts = b.number_of_parts;

  if (mode !== 'multi_part' && parts !== undefined) throw validation(`body.number_of_parts is only allowed with mode "multi_part", instead mode was "${mode}".`);
  if (mode !== 'external_url' && externalUrl !== null) throw validation(`body.external_url is only allowed with mode "external_url", instead mode was "${mode}".`);
  if (mode !== 'single_part' && filename === null) throw validation(`body.filename should be defined for mode "${mode}", instead was \`undefined\`.`);

  const contentType = checkFilenameAndType(filename, rawType, 'body', docRules);
  const req: CreateRequest = { mode, filename, contentType };

  if (mode === 'multi_part') {
    if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) {
      throw validation(`body.number_of_parts should be an integer between 1 and ${MAX_PARTS}, instead was \`${JSON.stringify(parts)}\`.`);
    }
    if (bot.maxFileUploadSizeBytes <= FREE_PLAN_LIMIT) {
      throw validation(`Multi-part uploads are not available in workspace ${bot.workspaceName}: its file size limit is ${bot.maxFileUploadSizeBytes} bytes (free plan).`);
    }
    req.numberOfParts = parts;
  }
  if (mode === 'external_url') {
    if (externalUrl === null) throw validation('body.external_url should be defined for mode "external_url", instead was `undefined`.');
    checkExternalUrl(externalUrl, allowHttpImports);
    req.externalUrl = externalUrl;
  }
  return req;
}
