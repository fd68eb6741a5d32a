import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Emitter } from '../../../src/core/events';

test('Emitter delivers to listeners until they are disposed', () => {
  const e = new Emitter<number>();
  const seen: number[] = [];
  const d = e.event((n) => seen.push(n));
  e.fire(1);
  d.dispose();
  e.fire(2);
  assert.deepEqual(seen, [1]);
});

test('a throwing listener does not stop the others', () => {
  const e = new Emitter<string>();
  const seen: string[] = [];
  const origError = console.error;
  console.error = () => undefined;
  try {
    e.event(() => { throw new Error('boom'); });
    e.event((s) => seen.push(s));
    e.fire('x');
  } finally {
    console.error = origError;
  }
  assert.deepEqual(seen, ['x']);
});
