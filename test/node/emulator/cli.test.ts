// The CLI: serves on the given port, accepts the given token, prints the ready line, seeds.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TestApi } from '../../emulator/testClient';

const CLI = path.join(__dirname, '../../emulator/cli.js');

/** Starts the CLI; resolves with its URL and stdout once it says it is listening. */
async function startCli(args: string[]): Promise<{ url: string; out: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Notion emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${out}`)));
  });
  return { url, out, stop };
}

describe('emulator CLI', () => {
  it('prints the listening line, accepts --token, seeds with --seed, stops on SIGTERM', async () => {
    const cli = await startCli(['--token', 'ntn_cli_token', '--seed']);
    try {
      const seeded = JSON.parse(cli.out.split('\n')[0]);
      const api = new TestApi(cli.url, 'ntn_cli_token');
      assert.equal((await api.call('GET', '/v1/users/me')).status, 200);
      assert.equal((await api.as('ntn_wrong').call('GET', '/v1/users/me')).status, 401);
      const page = await api.call('GET', `/v1/pages/${seeded.databasePageId}`);
      assert.equal(page.status, 200);
      assert.equal(page.json.properties.Files.type, 'files');
      // The seeded placeholder image links to the emulator's own file: it shows without network.
      const blocks = await api.call('GET', `/v1/blocks/${seeded.galleryPageId}/children`);
      const link: string = blocks.json.results.find((b: { type: string }) => b.type === 'image').image.external.url;
      assert.ok(link.startsWith(cli.url), link);
      const image = await fetch(link);
      assert.equal(image.status, 200);
      assert.equal(image.headers.get('content-type'), 'image/png');
    } finally {
      await cli.stop();
    }
  });

  it('answers as recorded by default and applies the docs\' stricter rules with --doc-rules', async () => {
    for (const [args, want] of [[[], 200], [['--doc-rules'], 400]] as const) {
      const cli = await startCli([...args, '--no-rate-limit']);
      try {
        const api = new TestApi(cli.url);
        const id = (await api.createUpload({ filename: 'pic.png', content_type: 'image/png' })).json.id;
        const r = await api.send(id, new Uint8Array(10), { filename: 'blob', contentType: 'application/octet-stream' });
        assert.equal(r.status, want, `${args.join(' ') || 'default'}: ${JSON.stringify(r.json)}`);
      } finally {
        await cli.stop();
      }
    }
  });

  it('gives pages a url on its own page view with --page-view-urls (notion.so otherwise)', async () => {
    for (const args of [[], ['--page-view-urls']]) {
      const cli = await startCli([...args, '--seed', '--no-rate-limit']);
      try {
        const seeded = JSON.parse(cli.out.split('\n')[0]);
        const page = await new TestApi(cli.url).call('GET', `/v1/pages/${seeded.galleryPageId}`);
        const url: string = page.json.url;
        if (args.length) {
          assert.ok(url.startsWith(`${cli.url}/pages/`), url);
          assert.equal((await fetch(url)).status, 200, 'the page view answers');
        } else {
          assert.match(url, /^https:\/\/www\.notion\.so\//);
        }
      } finally {
        await cli.stop();
      }
    }
  });

  it('refuses a bad port', async () => {
    const child = spawn(process.execPath, [CLI, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 1);
    assert.match(err, /--port must be/);
  });
});
