// The iteration table keeps every row while there are few, then every 2nd, 4th, … iteration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IterationRecorder } from '../../web/src/wasm/iteration-recorder.ts';

const w = (a: number, b: number) => Float64Array.from([a, b]);

test('rows for two lanes, in step', () => {
  const r = new IterationRecorder(2, 100);
  r.add(0, [w(0.9, 0.6), w(2, 2)], [0.33, 2.7]);
  r.add(1, [w(0.88, 0.58), w(1.9, 1.9)], [0.32, 2.4]);
  const rec = r.record();
  assert.deepEqual(Array.from(rec.iterations), [0, 1]);
  assert.deepEqual(Array.from(rec.lanes[0].weights), [0.9, 0.6, 0.88, 0.58]);
  assert.deepEqual(Array.from(rec.lanes[1].losses), [2.7, 2.4]);
});

test('beyond the limit the stride doubles and the table keeps only its multiples', () => {
  const r = new IterationRecorder(1, 4);
  for (let i = 0; i <= 4; i++) if (i % r.stride === 0) r.add(i, [w(i, -i)], [10 - i]);
  // Five rows (0 … 4) exceed four: stride 2 keeps 0, 2, 4.
  assert.equal(r.stride, 2);
  assert.deepEqual(Array.from(r.record().iterations), [0, 2, 4]);
  for (let i = 5; i <= 12; i++) r.add(i, [w(i, -i)], [10 - i]);  // odd ones are ignored now
  // 0, 2, … 12 are seven rows: stride 4 keeps 0, 4, 8, 12.
  assert.equal(r.stride, 4);
  const rec = r.record();
  assert.deepEqual(Array.from(rec.iterations), [0, 4, 8, 12]);
  assert.deepEqual(Array.from(rec.lanes[0].losses), [10, 6, 2, -2]);
  assert.deepEqual(Array.from(rec.lanes[0].weights.subarray(2, 4)), [4, -4]);
});

test('clear starts over with every iteration', () => {
  const r = new IterationRecorder(1, 2);
  for (let i = 0; i < 10; i++) r.add(i, [w(i, i)], [i]);
  r.clear();
  assert.equal(r.stride, 1);
  assert.equal(r.record().iterations.length, 0);
});
