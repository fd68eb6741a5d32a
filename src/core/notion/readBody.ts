// Reads a response body with a cap, so a misbehaving server or proxy cannot make the
// extension hold an unbounded answer in memory: past the cap the connection is dropped and
// the request fails with a clear error.
import * as l10n from '@vscode/l10n';
import type { Dispatcher } from 'undici';
import { ExpectedError } from '../expectedError';

/** Caps per kind of answer: JSON answers (a page of 100 blocks is well under 1 MiB) and error bodies. */
export const BODY_LIMITS = { json: 16 * 1024 * 1024, error: 64 * 1024 } as const;
export type BodyKind = keyof typeof BODY_LIMITS;

/** Notion's answer was larger than the cap for its kind; the rest was not read. */
export class ResponseTooLargeError extends ExpectedError {
  override readonly name = 'ResponseTooLargeError';
  constructor(readonly method: string, readonly path: string, readonly status: number, readonly limitBytes: number, kind: BodyKind) {
    super(
      kind === 'json'
        ? l10n.t('{0} {1}: the answer (HTTP {2}) is larger than {3}; it was not read. Something between here and Notion may be answering instead of Notion.', method, path, status, formatLimit(limitBytes))
        : l10n.t('{0} {1}: the error answer (HTTP {2}) is larger than {3}; it was not read. Something between here and Notion may be answering instead of Notion.', method, path, status, formatLimit(limitBytes)),
    );
  }
}

/** The body as text, or ResponseTooLargeError once more than `limit` bytes arrived (announced or counted). */
export async function readCapped(
  body: Dispatcher.ResponseData['body'], limit: number, tooLarge: () => ResponseTooLargeError, announced?: string | string[],
): Promise<string> {
  // Destroying the body makes it emit an abort error: expected here, not an uncaught one.
  body.on('error', () => undefined);
  const length = Number(Array.isArray(announced) ? announced[0] : announced);
  if (Number.isFinite(length) && length > limit) {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}
