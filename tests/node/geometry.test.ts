// The decision boundary inside the plot, and the half of the plot where o ≥ ½ (hand-drawn cases).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { halfPlaneInBox, lineInBox, paddedBox } from '../../web/src/charts/geometry.ts';

const box = { xMin: 0, xMax: 10, yMin: 0, yMax: 10 };

test('a diagonal line x + y = 10 runs corner to corner', () => {
  const segment = lineInBox(box, { a: 1, b: 1, c: 10 });
  assert.ok(segment);
  const ends = segment.map((p) => p.join(',')).sort();
  assert.deepEqual(ends, ['0,10', '10,0']);
});

test('a vertical line x = 4 (w2 = 0) and a horizontal line y = 2.5 (w1 = 0)', () => {
  assert.deepEqual(lineInBox(box, { a: 2, b: 0, c: 8 })?.map((p) => p.join(',')).sort(), ['4,0', '4,10']);
  assert.deepEqual(lineInBox(box, { a: 0, b: 4, c: 10 })?.map((p) => p.join(',')).sort(), ['0,2.5', '10,2.5']);
});

test('a line outside the box, or no line at all (all weights 0), draws nothing', () => {
  assert.equal(lineInBox(box, { a: 1, b: 1, c: 50 }), null);
  assert.equal(lineInBox(box, { a: 0, b: 0, c: 0 }), null);
  assert.equal(lineInBox(box, { a: NaN, b: 1, c: 0 }), null);
});

test('the half-plane x ≥ 4 is the rectangle from x = 4 to 10', () => {
  const polygon = halfPlaneInBox(box, { a: 1, b: 0, c: 4 });
  const xs = polygon.map((p) => p[0]);
  assert.equal(Math.min(...xs), 4);
  assert.equal(Math.max(...xs), 10);
  assert.equal(polygon.length, 4);
});

test('the half-plane x + y ≥ 10 is the upper-right triangle', () => {
  const polygon = halfPlaneInBox(box, { a: 1, b: 1, c: 10 });
  const corners = polygon.map((p) => p.join(',')).sort();
  assert.deepEqual([...new Set(corners)], ['0,10', '10,0', '10,10']);
});

test('the whole box, or none of it', () => {
  assert.equal(halfPlaneInBox(box, { a: 1, b: 0, c: -5 }).length, 4);
  assert.equal(halfPlaneInBox(box, { a: 1, b: 0, c: 50 }).length, 0);
});

test('the padded box leaves room around the data; one value gets a box around it', () => {
  assert.deepEqual(paddedBox([20, 80], [1000, 3000], 0.1), { xMin: 14, xMax: 86, yMin: 800, yMax: 3200 });
  const single = paddedBox([5], [5]);
  assert.ok(single.xMin < 5 && single.xMax > 5);
});

test('nice boxes start and end on round numbers', async () => {
  const { niceBox, niceStep } = await import('../../web/src/charts/geometry.ts');
  assert.equal(niceStep(60), 10);     // 60/6 = 10
  assert.equal(niceStep(4000), 500);  // 666.7 is nearer 500 than 1000
  assert.equal(niceStep(1.2), 0.2);   // 1.2/6 = 0.2
  // Ages 16.3 … 84.7 (range/6 = 11.4, step 10) and spending 554.1 … 4423.9 (645, step 500).
  assert.deepEqual(niceBox({ xMin: 16.3, xMax: 84.7, yMin: 554.1, yMax: 4423.9 }), { xMin: 10, xMax: 90, yMin: 500, yMax: 4500 });
});
