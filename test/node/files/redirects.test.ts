// Download redirects: followed only to https public addresses (loopback only when the API
// base is loopback, as here), and a refused redirect names where it led and why — nothing is
// fetched from loopback, private networks or link-local (cloud metadata) addresses.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { downloadToFile } from '../../../src/core/files/download';
import { addressProblem, isLoopbackBase, RedirectRefusedError } from '../../../src/core/files/redirectPolicy';
import { closeFileHostConnections } from '../../../src/core/files/fileHost';

let server: http.Server;
let base: string;
let dir: string;
const hits: string[] = [];
before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'redirects-'));
  server = http.createServer((req, res) => {
    hits.push(req.url!);
    const to = new URL(req.url!, 'http://x').searchParams.get('to');
    if (req.url!.startsWith('/redirect') && to) {
      res.writeHead(302, { location: to }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png' }).end('png bytes');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.close();
  await closeFileHostConnections();
  rmSync(dir, { recursive: true, force: true });
});

const redirectTo = (to: string) => `${base}/redirect?to=${encodeURIComponent(to)}&X-Amz-Signature=abc123`;

async function refused(to: string, reason: RegExp, allowLoopback = false): Promise<void> {
  const target = path.join(dir, `r-${Math.random().toString(16).slice(2)}.png`);
  const before = hits.length;
  await assert.rejects(downloadToFile(redirectTo(to), target, { allowLoopback }), (e: unknown) => {
    assert.ok(e instanceof RedirectRefusedError, String(e));
    assert.match(e.message, reason);
    assert.doesNotMatch(`${e.message} ${e.stack} ${e.url}`, /X-Amz-Signature|abc123|secret-query/);
    return true;
  });
  assert.equal(hits.length, before + 1, 'only the first hop was fetched');
  assert.deepEqual(readdirSync(dir).filter((n) => n === path.basename(target)), []);
}

test('redirects to loopback, private, link-local and http addresses are refused with the reason', async () => {
  await refused(`${base}/file.png`, /loopback address/);
  await refused('https://169.254.169.254/latest/meta-data/?secret-query=1', /link-local address \(such as cloud metadata\)/);
  await refused('https://10.1.2.3/x.png', /private network address/);
  await refused('https://[fd00::1]/x.png', /private network address/);
  await refused('https://[::ffff:192.168.1.1]/x.png', /private network address/);
  await refused('http://93.184.215.14/x.png', /it is http, not https/);
  // Loopback is allowed when the API base is loopback, but not the addresses around it.
  await refused('https://192.168.0.10/x.png', /private network address/, true);
});

test('with a loopback API base, a redirect to loopback is followed', async () => {
  const target = path.join(dir, 'followed.png');
  const res = await downloadToFile(redirectTo(`${base}/file.png`), target, { allowLoopback: true });
  assert.equal(res.bytes, 9);
  assert.equal(readFileSync(target, 'utf8'), 'png bytes');
});

test('more than five redirects are refused', async () => {
  let url = `${base}/file.png`;
  for (let i = 0; i < 6; i++) url = `${base}/redirect?to=${encodeURIComponent(url)}`;
  await assert.rejects(downloadToFile(url, path.join(dir, 'loop.png'), { allowLoopback: true }), /more than 5 redirects/);
});

test('the address rules', () => {
  assert.equal(addressProblem('8.8.8.8', false), undefined);
  assert.equal(addressProblem('2606:4700::1111', false), undefined);
  assert.match(addressProblem('127.0.0.2', false)!, /loopback/);
  assert.equal(addressProblem('127.0.0.1', true), undefined);
  assert.match(addressProblem('::1', false)!, /loopback/);
  assert.match(addressProblem('172.20.0.1', true)!, /private/);
  assert.match(addressProblem('fe80::1', false)!, /link-local/);
  assert.match(addressProblem('0.0.0.0', false)!, /unspecified/);
  assert.equal(isLoopbackBase('http://127.0.0.1:9000'), true);
  assert.equal(isLoopbackBase('http://localhost:9000'), true);
  assert.equal(isLoopbackBase('https://api.notion.com'), false);
});
