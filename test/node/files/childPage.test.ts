// Child pages are other pages: the walk lists the page's own files, not theirs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { externalImage, openFilesEnv, type FilesEnv } from './helpers';

let env: FilesEnv;
before(async () => (env = await openFilesEnv()));
after(() => env.close());

test('the walk does not enter child pages', async () => {
  const parent = env.emu.seed.page({ title: 'Parent' }).id;
  env.emu.seed.blocks(parent, [externalImage('https://example.com/img/mine.png')]);
  const child = env.emu.seed.page({ title: 'Child', parentPageId: parent }).id;
  env.emu.seed.blocks(child, [externalImage('https://example.com/img/not-mine.png')]);
  const files = await env.files.listFiles(parent);
  assert.deepEqual(files.map((f) => f.name), ['mine.png']);
  assert.ok(!env.emu.requests.some((r) => r.path === `/v1/blocks/${child}/children`), 'the child page was not read');
});
