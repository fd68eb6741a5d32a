// Signed URLs lose their query (the signature) in messages; the sentence around them stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactUrl, redactUrlsIn } from '../../../src/core/files/redactUrl';

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
