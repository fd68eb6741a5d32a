// The sandbox is for people: its VS Code server runs without the smoke-test driver (which
// hides every notification toast), loads the extension from a link in its extensions folder,
// and links to this machine leave the workbench unchanged (localLinks.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { codeServerArgs } from '../../launch/codeServer';
import { ROOT } from '../../launch/hostDeps';
import { localTarget, startLocalLinks } from '../../launch/localLinks';
import { installedFolderName, linkExtension, sandboxServerOptions } from '../../sandbox/server';

describe('the sandbox server command line', () => {
  it('carries no --enable-smoke-test-driver; the test tiers keep it', () => {
    const dir = '/tmp/sandbox-data';
    const sandbox = codeServerArgs(dir, sandboxServerOptions(dir, {}));
    assert.ok(!sandbox.includes('--enable-smoke-test-driver'), sandbox.join(' '));
    assert.ok(sandbox.includes('--extensions-dir') && sandbox[sandbox.indexOf('--extensions-dir') + 1] === path.join(dir, 'ext'));
    assert.ok(codeServerArgs(dir).includes('--enable-smoke-test-driver'), 'host and UI tiers drive the workbench through it');
  });

  it('links the checkout into the extensions folder under the installed name', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(installedFolderName(), `${pkg.publisher}.${pkg.name}-${pkg.version}`);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-link-'));
    try {
      const link = linkExtension(dataDir);
      assert.equal(path.dirname(link), path.join(dataDir, 'ext'));
      assert.equal(fs.realpathSync(link), fs.realpathSync(ROOT), 'a rebuilt dist/ is what the next window loads');
      assert.ok(fs.existsSync(path.join(link, 'package.json')));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('links to this machine (the workbench proxy template)', () => {
  it('sends /proxy/<port>/<path>?<query> on to 127.0.0.1:<port> unchanged, and nothing else', async () => {
    assert.equal(localTarget('/proxy/4100/files/abc/a%20b.png?exp=1&sig=x_y'), 'http://127.0.0.1:4100/files/abc/a%20b.png?exp=1&sig=x_y');
    assert.equal(localTarget('/proxy/4100'), 'http://127.0.0.1:4100/');
    assert.equal(localTarget('/other/4100/'), undefined);
    assert.equal(localTarget('/proxy/99999/'), undefined);
    const links = await startLocalLinks();
    try {
      const url = links.template.replace('{{port}}', '4100') + 'pages/abc?x=1';
      const res = await fetch(url, { redirect: 'manual' });
      assert.equal(res.status, 307);
      assert.equal(res.headers.get('location'), 'http://127.0.0.1:4100/pages/abc?x=1');
    } finally {
      await links.close();
    }
  });
});
