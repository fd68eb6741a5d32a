import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchProgress } from '../../../src/upload/batchProgress';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

test('the percentage is weighted by bytes, not by file count', () => {
  const c = clock();
  const p = new BatchProgress([{ label: 'big.mp4', sizeBytes: 900 }, { label: 'small.png', sizeBytes: 100 }], { now: c.now });
  p.start(1);
  c.advance(500);
  p.finish(1); // the small file done: 10 %, not 50 %
  assert.equal(p.percent, 10);
  c.advance(500);
  const r = p.update(0, 450)!;
  assert.equal(r.percent, 55);
  assert.match(r.message, /^2\/2 · big\.mp4 — 55 %$/);
});

test('updates come at most every 200 ms; start and finish always report', () => {
  const c = clock();
  const p = new BatchProgress([{ label: 'a.pdf', sizeBytes: 1000 }], { now: c.now });
  assert.ok(p.start(0));
  c.advance(50);
  assert.equal(p.update(0, 100), undefined, 'too soon after the start report');
  c.advance(150);
  assert.ok(p.update(0, 200), '200 ms later');
  c.advance(100);
  assert.equal(p.update(0, 300), undefined);
  assert.ok(p.finish(0));
});

test('increments add up to the percentage and never go negative', () => {
  const c = clock();
  const p = new BatchProgress([{ label: 'a', sizeBytes: 300 }, { label: 'b', sizeBytes: 700 }], { now: c.now });
  let sum = p.start(0).increment;
  for (const [i, bytes] of [[0, 100], [0, 50], [0, 300], [1, 350], [1, 700]] as const) {
    c.advance(250);
    sum += p.update(i, bytes)?.increment ?? 0;
  }
  sum += p.finish(0).increment + p.finish(1).increment;
  assert.equal(sum, 100);
});

test('a single file: the message is only the percentage (the title names the file); empty files still move the bar', () => {
  const p = new BatchProgress([{ label: 'empty.txt', sizeBytes: 0 }]);
  assert.equal(p.start(0).message, '0 %');
  assert.equal(p.finish(0).percent, 100);
});

test('once a file\'s bytes are sent it reads "attaching…" until it is done, reported at once despite the throttle', () => {
  const c = clock();
  const p = new BatchProgress([{ label: 'x.mp4', sizeBytes: 1000 }], { now: c.now, afterSent: 'attaching…' });
  p.start(0);
  c.advance(250);
  assert.equal(p.update(0, 500)!.message, '50 %');
  c.advance(10);
  const sent = p.update(0, 1000);
  assert.ok(sent, 'not swallowed by the 200 ms throttle');
  assert.equal(sent.message, 'attaching…');
  assert.equal(sent.percent, 100);
  c.advance(10);
  assert.equal(p.update(0, 1000), undefined, 'said once');
  assert.equal(p.finish(0).message, '100 %');
});

test('several files: counter and current file, "attaching…" for the one whose bytes are sent', () => {
  const c = clock();
  const p = new BatchProgress([{ label: 'a.png', sizeBytes: 100 }, { label: 'b.png', sizeBytes: 100 }], { now: c.now, afterSent: 'attaching…' });
  assert.equal(p.start(0).message, '1/2 · a.png — 0 %');
  assert.equal(p.update(0, 100)!.message, '1/2 · a.png — attaching…');
  p.finish(0);
  assert.equal(p.start(1).message, '2/2 · b.png — 50 %');
});

test('without afterSent (upload only) a sent file shows its percentage', () => {
  const c = clock();
  const p = new BatchProgress([{ label: 'a.pdf', sizeBytes: 100 }], { now: c.now });
  p.start(0);
  c.advance(250);
  assert.equal(p.update(0, 100)!.message, '100 %');
});
