// POST /v1/file_uploads/{id}/send: streams the multipart body through the parser, keeps the
// `file` part's bytes (up to the size limit; beyond it only counts them for the error),
// then checks part_number (and, with docRules, filename and content type agreement) before
// storing anything. What the part carried goes to the request log.
import type { Bot } from '../bots';
import type { RequestContext } from '../context';
import { NotionError, validation } from '../errors';
import { bareType, extensionOf } from '../fileTypes';
import { boundaryOf, MultipartParser, type PartInfo } from '../multipart';
import { checkFilenameAndType } from './validateCreate';
import type { UploadRecord } from './record';
import { PART_MAX, SINGLE_PART_MAX, type UploadStore } from './store';
import { createHash, type Hash } from 'node:crypto';

interface ParsedSend {
  file?: { info: PartInfo; chunks: Buffer[]; size: number };
  partNumber?: string;
}

/** Parses the form; the kept file bytes also go to `hash` as they arrive. `keepLimit` 0: count only. */
async function readForm(ctx: RequestContext, keepLimit: number, hash: Hash | undefined): Promise<ParsedSend> {
  const boundary = boundaryOf(ctx.req.headers['content-type']);
  const out: ParsedSend = {};
  let current: { name: string; chunks: Buffer[]; size: number; keep: boolean } | undefined;
  let field = '';
  const parser = new MultipartParser(boundary, {
    onPart(info) {
      if (info.name === 'file') {
        if (out.file) throw validation('The form has more than one `file` field.');
        out.file = { info, chunks: [], size: 0 };
        current = { name: 'file', chunks: out.file.chunks, size: 0, keep: true };
      } else if (info.name === 'part_number') {
        if (out.partNumber !== undefined) throw validation('The form has more than one `part_number` field.');
        field = '';
        current = { name: 'part_number', chunks: [], size: 0, keep: true };
      } else {
        throw validation(`Unexpected form field \`${info.name}\`: only \`file\` and \`part_number\` are accepted.`);
      }
    },
    onData(chunk) {
      if (!current) return;
      current.size += chunk.length;
      if (current.name === 'part_number') {
        if (current.size > 16) throw validation('part_number should be a short integer string.');
        field += chunk.toString('utf8');
        return;
      }
      // Past the limit the send is refused anyway: count the bytes, stop keeping them.
      if (current.size > keepLimit) current.keep = false;
      if (current.keep) {
        current.chunks.push(chunk);
        hash?.update(chunk);
      }
      out.file!.size = current.size;
    },
    onPartEnd() {
      if (current?.name === 'part_number') out.partNumber = field;
      current = undefined;
    },
  });
  await feed(ctx, parser);
  return out;
}

/** Pushes the body through the parser. After a refusal the rest is drained, not parsed, so the
 * error response can still be written on the same connection. */
function feed(ctx: RequestContext, parser: MultipartParser): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: unknown;
    ctx.req.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        parser.write(chunk);
      } catch (e) {
        failed = e;
      }
    });
    ctx.req.on('end', () => {
      if (!failed) {
        try {
          parser.end();
        } catch (e) {
          failed = e;
        }
      }
      if (failed) reject(failed);
      else resolve();
    });
    ctx.req.on('error', reject);
    ctx.req.on('close', () => {
      if (!ctx.req.complete) reject(new NotionError(400, 'invalid_request', 'The client closed the connection before the body was complete.'));
    });
  });
}

/** The upload's filename and content type after this part. As recorded, Notion keeps the
 * upload's own and accepts a part whose name has no extension (curl's split temp files, sent as
 * application/octet-stream: hkob upload_file_video1.sh); with `docRules` the part must agree. */
function checkPartAgainstUpload(r: UploadRecord, info: PartInfo, docRules: boolean): { filename: string | null; contentType: string | null } {
  const partName = info.filename ?? null;
  if (partName === null) throw validation('The `file` field must carry a filename.');
  if (docRules && !info.contentType) throw validation('The `file` field must carry a Content-Type.');
  const partType = info.contentType ? (docRules ? bareType(info.contentType) : info.contentType) : 'application/octet-stream';
  if (r.filename !== null && docRules) {
    const want = extensionOf(r.filename);
    const got = extensionOf(partName);
    if (want && got !== want) {
      throw validation(`The file part's filename \`${partName}\` does not match the upload's filename extension (.${want}, from \`${r.filename}\`).`);
    }
  }
  if (r.contentType !== null) {
    if (docRules && partType !== bareType(r.contentType)) {
      throw validation(`The file part's content type \`${partType}\` does not match the upload's content_type \`${r.contentType}\`.`);
    }
    return { filename: r.filename ?? partName, contentType: r.contentType };
  }
  // Upload created without filename/content type: the part supplies both, under the create rules.
  const contentType = checkFilenameAndType(r.filename ?? partName, partType, 'file part', docRules);
  return { filename: r.filename ?? partName, contentType };
}

export async function handleSend(ctx: RequestContext, uploads: UploadStore, bot: Bot, id: string): Promise<UploadRecord> {
  const r = uploads.get(bot, id);
  uploads.assertSendable(r);
  const sizeLimit = r.mode === 'multi_part' ? PART_MAX : Math.min(SINGLE_PART_MAX, bot.maxFileUploadSizeBytes);
  // An upload that keeps no bytes (benchmarks) still has every size counted and checked.
  const keepLimit = r.bytes.keep ? sizeLimit : 0;
  // A single part is hashed as it arrives; parts are hashed by the worker once stored.
  const hash = r.mode === 'single_part' && r.bytes.keep ? createHash('sha256') : undefined;
  const form = await readForm(ctx, keepLimit, hash);
  if (!form.file) throw validation('The form has no `file` field.');
  const { filename, contentType } = checkPartAgainstUpload(r, form.file.info, uploads.docRules);
  const { chunks, size } = form.file;
  ctx.log.send = { filename: form.file.info.filename ?? null, contentType: form.file.info.contentType ?? null, sizeBytes: size, partNumber: form.partNumber ?? null };
  if (r.mode === 'single_part') {
    if (form.partNumber !== undefined) throw validation('part_number is only accepted for multi_part uploads.');
    uploads.commitSingle(bot, r, chunks, size, hash);
  } else {
    if (form.partNumber === undefined) throw validation('part_number should be defined for multi_part uploads, instead was `undefined`.');
    if (!/^\d+$/.test(form.partNumber.trim())) throw validation(`part_number should be an integer string, instead was \`${form.partNumber}\`.`);
    await uploads.commitPart(r, Number(form.partNumber.trim()), chunks, size);
  }
  r.filename = filename;
  r.contentType = contentType;
  return r;
}
