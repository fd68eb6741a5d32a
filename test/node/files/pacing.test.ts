// Large pages under Notion's rate limit: the walk goes through the client's limiter, so an
// emulator that enforces 3 requests/s never has to answer 429, and nothing is lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TOKEN, startEmulator } from '../../emulator';
import { NotionClient } from '../../../src/core/notion/client';
import { PageFilesService } from '../../../src/core/files/service';
import { externalImage, paragraph, toggle } from './helpers';

test('a walk of many child lists is paced by the client: no 429, every file found', async () => {
  const emu = await startEmulator({ rateLimit: { enabled: true, perSecond: 3, burst: 3 } });
  try {
    const page = emu.seed.page({ title: 'Big' }).id;
    // 250 top-level blocks (3 list requests) and 3 toggles with a file each (3 more).
    const blocks: Array<Record<string, unknown>> = Array.from({ length: 247 }, (_, i) => paragraph(`p${i}`));
    const ids = emu.seed.blocks(page, [...blocks, ...Array.from({ length: 3 }, (_, i) => toggle(`t${i}`, []))]).ids;
    ids.slice(247).forEach((id, i) => emu.seed.blocks(id, [externalImage(`https://example.com/img/${i}.png`)]));
    // A little under the emulator's rate: this is about the walk using the limiter, not its precision.
    const client = new NotionClient({ token: DEFAULT_TOKEN, baseUrl: emu.url, limiter: { perSecond: 2.5, burst: 3 } });
    const files = new PageFilesService({ api: client });
    const started = Date.now();
    const found = await files.listFiles(page);
    const elapsed = Date.now() - started;
    assert.deepEqual(found.map((f) => f.name), ['0.png', '1.png', '2.png']);
    assert.deepEqual(emu.requests.map((r) => r.status), [200, 200, 200, 200, 200, 200, 200], 'the page, 3 pages of children, 3 toggles; no 429');
    // 7 requests at 2.5/s after a burst of 3 take at least (7 - 3) / 2.5 s.
    assert.ok(elapsed >= 1500, `paced: ${elapsed} ms`);
  } finally {
    await emu.close();
  }
});
