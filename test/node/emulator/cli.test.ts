// The CLI: serves on the given port, accepts the given token, prints the ready line, seeds.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TestApi } from '../../emulator/testClient';

const CLI = path.join(__dirname, '../../emulator/cli.js');

describe('emulator CLI', () => {
  it('prints the listening line, accepts --token, seeds with --seed, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--token', 'ntn_cli_token', '--seed'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          const m = /Notion emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${out}`)));
      });
      const seeded = JSON.parse(out.split('\n')[0]);
      const api = new TestApi(url, 'ntn_cli_token');
      assert.equal((await api.call('GET', '/v1/users/me')).status, 200);
      assert.equal((await api.as('ntn_wrong').call('GET', '/v1/users/me')).status, 401);
      const page = await api.call('GET', `/v1/pages/${seeded.databasePageId}`);
      assert.equal(page.status, 200);
      assert.equal(page.json.properties.Files.type, 'files');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
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
