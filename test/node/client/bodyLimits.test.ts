// Answer bodies are read with a cap per kind (JSON answers, error answers): past it the
// connection is dropped and the request fails with a clear error, never retried, and the
// rest of the body is never held in memory.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { NotionClient } from '../../../src/core/notion/client';
import { Transport } from '../../../src/core/notion/transport';
import { BODY_LIMITS, ResponseTooLargeError } from '../../../src/core/notion/readBody';

let server: http.Server;
let base: string;
let served = 0;
let requests = 0;
let finished = false;
before(async () => {
  server = http.createServer((req, res) => {
    requests++;
    const big = req.url!.includes('big') || req.url!.includes('b16b16');
    const status = req.url!.includes('error') ? 400 : 200;
    res.writeHead(status, { 'content-type': 'application/json', ...(req.url!.includes('announced') ? { 'content-length': String(64 * 1024 * 1024) } : {}) });
    if (!big) return res.end(JSON.stringify({ object: 'user', id: 'u', name: 'x'.repeat(2000) }));
    // An endless answer: written until the client hangs up.
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    finished = false;
    const pump = () => {
      while (served < 256 * 1024 * 1024) {
        served += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      finished = true;
      res.end();
    };
    res.on('close', () => undefined);
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const transport = (limits?: { json?: number; error?: number }) =>
  new Transport({ baseUrl: base, token: 'secret_body_limit_token', notionVersion: '2025-09-03', userAgent: 't', timeoutMs: 20_000, bodyLimits: limits });

test('a JSON answer over its cap fails with a clear error, and the rest is not read', async () => {
  served = 0;
  await assert.rejects(transport().send({ method: 'GET', path: '/v1/users/big', attempt: 1 }), (e: unknown) => {
    assert.ok(e instanceof ResponseTooLargeError, String(e));
    assert.match(e.message, /GET \/v1\/users\/big: the answer \(HTTP 200\) is larger than 16 MiB; it was not read/);
    return true;
  });
  assert.equal(finished, false, 'the server was cut off');
  assert.ok(served < BODY_LIMITS.json * 4, `read stopped near the cap (${served} bytes served)`);
});

test('an error answer has a smaller cap; an announced length over the cap is refused before reading', async () => {
  await assert.rejects(transport().send({ method: 'GET', path: '/v1/error/big', attempt: 1 }), /error answer \(HTTP 400\) is larger than 64 KiB/);
  await assert.rejects(transport().send({ method: 'GET', path: '/v1/announced/big', attempt: 1 }), /larger than 16 MiB/);
  // Under the caps, answers read as before.
  const ok = (await transport({ json: 4096 }).send({ method: 'GET', path: '/v1/users/me', attempt: 1 })) as { id: string };
  assert.equal(ok.id, 'u');
  await assert.rejects(transport({ json: 1024 }).send({ method: 'GET', path: '/v1/users/me', attempt: 1 }), /larger than 1 KiB/);
});

test('the client does not retry a too-large answer', async () => {
  const client = new NotionClient({ token: 'secret_body_limit_token', baseUrl: base, limiter: false, retry: { maxAttempts: 4, maxTotalWaitMs: 2000 } });
  const before = requests;
  await assert.rejects(client.getFileUpload('b16b16b16b16b16b16b16b16b16b16b1'), ResponseTooLargeError);
  assert.equal(requests - before, 1);
});
