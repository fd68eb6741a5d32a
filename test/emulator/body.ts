// JSON request bodies: Content-Type application/json, parse errors → 400 invalid_json.
import type { IncomingMessage } from 'node:http';
import { NotionError } from './errors';

const MAX_JSON_BYTES = 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_JSON_BYTES) tooLarge = true;
    else chunks.push(c as Buffer);
  }
  if (tooLarge) throw new NotionError(413, 'validation_error', `Request body of ${size} bytes exceeds the ${MAX_JSON_BYTES} byte limit.`);
  if (size === 0) return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new NotionError(400, 'invalid_request', `Content-Type should be application/json for a JSON body, instead was \`${req.headers['content-type'] ?? 'undefined'}\`.`);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new NotionError(400, 'invalid_json', 'Error parsing JSON body.');
  }
}
