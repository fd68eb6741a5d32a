// http import/link URLs: accepted only when the API base itself is loopback (the local
// emulator of the sandbox and tests, serving its own sample files), refused for any other API
// before a request is made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, DEFAULT_TOKEN } from '../../emulator/index';
import { NotionClient } from '../../../src/core/notion/client';
import { httpLinksAllowed } from '../../../src/core/notion/origin';
import { UploadService } from '../../../src/core/upload/uploadService';
import { UploadValidationError } from '../../../src/core/upload/errors';

test('httpLinksAllowed: loopback API bases only', () => {
  for (const base of ['http://127.0.0.1:4100', 'http://localhost:8080/', 'http://[::1]:9', 'https://127.0.0.1']) assert.equal(httpLinksAllowed(base), true, base);
  for (const base of ['https://api.notion.com', 'https://127.0.0.1.example.com', 'http://10.0.0.2:80', 'not a url']) assert.equal(httpLinksAllowed(base), false, base);
});

test('against the local emulator an http import of its own sample file succeeds', async () => {
  const emu = await startEmulator({ rateLimit: { enabled: false }, allowHttpImports: true });
  try {
    const url = emu.addSample('diagram.png', 'image/png', Buffer.from('89504e470d0a1a0a', 'hex'));
    const service = new UploadService(new NotionClient({ token: DEFAULT_TOKEN, baseUrl: emu.url }), { importPoll: { initialDelayMs: 10, maxDelayMs: 50 } });
    const done = await service.importFromUrl(url);
    assert.equal(done.status, 'uploaded');
    assert.equal(done.filename, 'diagram.png');
  } finally {
    await emu.close();
  }
});

test('against any other API an http link is refused before a request', async () => {
  // No network here: a request would fail with a connection error, not this validation error.
  const service = new UploadService(new NotionClient({ token: 'ntn_x', baseUrl: 'https://api.notion.invalid' }));
  await assert.rejects(service.importFromUrl('http://127.0.0.1:4100/samples/diagram.png'), (e: unknown) =>
    e instanceof UploadValidationError && /only https:\/\/ links can be imported/.test(e.message));
  await assert.rejects(service.attachExternal('http://example.com/a.png', { pageId: '0123456789abcdef0123456789abcdef', as: 'cover' }), UploadValidationError);
});
