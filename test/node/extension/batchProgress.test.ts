import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchProgress } from '../../../src/batchProgress';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

test('the percentage is weighted by bytes, not by file count', () => {
  const c = clock();
  const p = new BatchProgress([{ label: 'big.mp4', sizeBytes: 900 }, { label: 'small.png', sizeBytes: 100 }], c.now);
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
  const p = new BatchProgress([{ label: 'a.pdf', sizeBytes: 1000 }], c.now);
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
  const p = new BatchProgress([{ label: 'a', sizeBytes: 300 }, { label: 'b', sizeBytes: 700 }], c.now);
  let sum = p.start(0).increment;
  for (const [i, bytes] of [[0, 100], [0, 50], [0, 300], [1, 350], [1, 700]] as const) {
    c.advance(250);
    sum += p.update(i, bytes)?.increment ?? 0;
  }
  sum += p.finish(0).increment + p.finish(1).increment;
  assert.equal(sum, 100);
});

test('a single file shows no counter; empty files still move the bar', () => {
  const p = new BatchProgress([{ label: 'empty.txt', sizeBytes: 0 }]);
  assert.equal(p.start(0).message, 'empty.txt — 0 %');
  assert.equal(p.finish(0).percent, 100);
});
