// The thinned loss curve keeps the shape of a long run in at most ~2 points per bucket.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LossHistory } from '../../web/src/models/loss-history.ts';

test('short runs are kept point for point', () => {
  const h = new LossHistory(100);
  for (let i = 0; i <= 10; i++) h.push(i, 10 - i);
  const s = h.series();
  assert.deepEqual(Array.from(s.iterations), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(Array.from(s.losses), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
});

test('a 200 000-iteration run stays small, starts at 0 and ends at the latest E', () => {
  const h = new LossHistory(1000);
  h.push(0, 100);
  const losses = new Float64Array(200_000).map((_, i) => 100 / (i + 2));
  h.pushRun(0, losses);
  const s = h.series();
  assert.ok(s.iterations.length <= 2 * 1000 + 1, `${s.iterations.length} points`);
  assert.equal(s.iterations[0], 0);
  assert.equal(s.losses[0], 100);
  assert.equal(s.iterations[s.iterations.length - 1], 200_000);
  assert.equal(s.losses[s.losses.length - 1], 100 / 200_001);
  for (let i = 1; i < s.iterations.length; i++) assert.ok(s.iterations[i] > s.iterations[i - 1]);
});

test('an oscillating run keeps its band (min and max of each bucket)', () => {
  const h = new LossHistory(50);
  for (let i = 0; i <= 10_000; i++) h.push(i, i % 2 === 0 ? 1 : 3);  // η too large: E jumps 1, 3, 1, 3
  const values = Array.from(h.series().losses);
  assert.ok(values.includes(1) && values.includes(3));
  assert.ok(values.length <= 2 * 50 + 1);
});

test('clear starts a new curve', () => {
  const h = new LossHistory(10);
  for (let i = 0; i < 100; i++) h.push(i, i);
  h.clear();
  h.push(0, 5);
  assert.deepEqual(Array.from(h.series().losses), [5]);
});
