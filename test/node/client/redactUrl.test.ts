// Signed URLs lose their query (the signature) in messages; the sentence around them stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotionClient } from '../../../src/core/notion/client';
import { NotionError } from '../../../src/core/notion/errors';
import { redactUrl, redactUrlsIn } from '../../../src/core/notion/redact';
import { DEFAULT_TOKEN, startEmulator } from '../../emulator/index';

const signed = 'https://prod-files-secure.s3.us-west-2.amazonaws.com/a/b/report.pdf?X-Amz-Signature=abc123&X-Amz-Expires=3600';

test('a URL keeps origin and path, and marks the cut query', () => {
  assert.equal(redactUrl(signed), 'https://prod-files-secure.s3.us-west-2.amazonaws.com/a/b/report.pdf?…');
  assert.equal(redactUrl('https://example.com/x.png'), 'https://example.com/x.png');
  assert.equal(redactUrl('not a url'), '(invalid URL)');
});

test('every URL in a text is cut, its closing punctuation kept', () => {
  const text = `GET ${signed} answered 403. Tried http://127.0.0.1:9/files/1/n.txt?exp=1&sig=zz, then (${signed}).`;
  const out = redactUrlsIn(text);
  assert.doesNotMatch(out, /Signature|sig=|exp=/);
  assert.equal(
    out,
    'GET https://prod-files-secure.s3.us-west-2.amazonaws.com/a/b/report.pdf?… answered 403. Tried http://127.0.0.1:9/files/1/n.txt?…, then (https://prod-files-secure.s3.us-west-2.amazonaws.com/a/b/report.pdf?…).',
  );
  // Applying it twice changes nothing more (messages may pass through it at several levels).
  assert.equal(redactUrlsIn(out), out);
});

test('a Notion error that repeats a signed URL reaches the caller without its signature', async () => {
  const emu = await startEmulator({ rateLimit: { enabled: false } });
  try {
    const client = new NotionClient({ token: DEFAULT_TOKEN, baseUrl: emu.url });
    const url = 'http://127.0.0.1:9/files/report.pdf?exp=1&sig=SIGNATURE-SECRET';
    const err = await client.createFileUpload({ mode: 'external_url', externalUrl: url, filename: 'report.pdf' }).then(
      () => assert.fail('an http import URL is refused'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof NotionError);
    // The emulator, like Notion, quotes the URL it refused: the quote loses its query.
    const seen = emu.requests.at(-1);
    assert.equal(seen?.status, 400);
    assert.match(err.notionMessage ?? '', /127\.0\.0\.1:9\/files\/report\.pdf/);
    assert.doesNotMatch(`${err.message} ${err.notionMessage} ${err.stack}`, /SIGNATURE-SECRET|sig=/);
  } finally {
    await emu.close();
  }
});
