// No secret in any error: a token pasted where a page link belongs, and signed URL queries
// (X-Amz-Credential, X-Amz-Signature) — not in a message, a field, a cause or a stack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { openEnv, randomFile, type Env } from './helpers';
import { UploadService } from '../../../src/core/upload/uploadService';
import { downloadToFile } from '../../../src/core/files/download';
import { CopyFailedError } from '../../../src/core/files/copy';
import { closeFileHostConnections } from '../../../src/core/files/fileHost';
import type { PageFile } from '../../../src/core/files/types';

let env: Env;
before(async () => (env = await openEnv()));
after(async () => {
  await env.close();
  await closeFileHostConnections();
});

const SIGNED = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261204&X-Amz-Signature=deadbeefcafe';
const TOKEN = 'ntn_' + 'a1B2c3D4'.repeat(6);

/** Every string an error carries: message, stack, own fields, and its causes', recursively. */
function everything(e: unknown, depth = 0): string {
  if (depth > 4 || e === null || typeof e !== 'object') return String(e);
  const err = e as Record<string, unknown> & { message?: string; stack?: string; cause?: unknown };
  const own = Object.entries(err).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return [err.message, err.stack, ...own, err.cause === undefined ? '' : everything(err.cause, depth + 1)].join('\n');
}

function assertClean(e: unknown): void {
  const all = everything(e);
  assert.doesNotMatch(all, /X-Amz-Credential|X-Amz-Signature|deadbeefcafe|AKIAEXAMPLE/, all);
  assert.ok(!all.includes(TOKEN), all);
}

test('a token pasted where the page link belongs is in no message or field', async () => {
  const f = await randomFile(env.dir, 'token.png', 500);
  for (const pageId of [TOKEN, `https://www.notion.so/${TOKEN}`, `Bearer ${TOKEN}`]) {
    await assert.rejects(env.service.uploadAndAttach(f.path, { pageId, as: 'cover' }), (e: unknown) => {
      assert.match((e as Error).message, /Not a Notion page id or link/);
      assertClean(e);
      return true;
    });
    await assert.rejects(env.service.attach('0123456789abcdef0123456789abcdef', { pageId, as: 'cover' }), (e: unknown) => (assertClean(e), true));
  }
});

test('the http:// import refusal shows the link without its signed query', async () => {
  const url = `http://files.example.com/bucket/report.pdf?${SIGNED}`;
  // Refused as against Notion (this emulator is loopback, where http links are allowed).
  const httpsOnly = new UploadService(env.client, { allowHttpUrls: false });
  await assert.rejects(httpsOnly.importFromUrl(url), (e: unknown) => {
    assert.match((e as Error).message, /^http:\/\/files\.example\.com\/bucket\/report\.pdf\?…: only https:\/\/ links/);
    assertClean(e);
    return true;
  });
  await assert.rejects(httpsOnly.attachExternal(url, { pageId: env.emu.seed.page({ title: 'L' }).id, as: 'block' }), (e: unknown) => (assertClean(e), true));
});

test('a download error keeps the link without its query in its url field, message and stack', async () => {
  const server = http.createServer((_req, res) => res.writeHead(403).end('<Error>SignatureDoesNotMatch</Error>'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/files/report.pdf?${SIGNED}`;
    await assert.rejects(downloadToFile(url, path.join(env.dir, 'report.pdf')), (e: unknown) => {
      assert.equal((e as { status?: number }).status, 403);
      assert.match((e as { url: string }).url, /\/files\/report\.pdf\?…$/);
      assertClean(e);
      return true;
    });
  } finally {
    server.close();
  }
});

test('an error wrapping another error keeps a redacted copy of the cause; a page file in a field loses its query', () => {
  const cause = new Error(`fetch failed for https://s3.example.com/b/f.png?${SIGNED}`);
  const file = { name: 'f.png', url: `https://s3.example.com/b/f.png?${SIGNED}`, pageId: 'p' } as unknown as PageFile;
  const e = new CopyFailedError(file, 'Copy failed.', { cause });
  assertClean(e);
  assert.equal((e.cause as Error).message, 'fetch failed for https://s3.example.com/b/f.png?…');
  assert.equal(e.file.url, 'https://s3.example.com/b/f.png?…');
});
