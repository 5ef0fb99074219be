// The loss-landscape colours: viridis against its published colours, E scaled to [0, 1] (linear
// and log), the heat-map orientation and the thinning of long paths.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  heatmapPixels, normalise, thinPath, valueAt, viridis, viridisGradient,
} from '../../web/src/race/landscape-colors.ts';

const hex = (h: string) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16));

function assertColor(actual: number[], expected: string): void {
  hex(expected).forEach((c, k) => assert.ok(Math.abs(actual[k] - c) <= 2, `${actual} ≈ ${expected} (channel ${k})`));
}

test('viridis at 0, ½ and 1 is the published #440154, #21918c, #fde725', () => {
  assertColor(viridis(0), '#440154');
  assertColor(viridis(0.5), '#21918c');
  assertColor(viridis(1), '#fde725');
});

test('viridis clamps values outside [0, 1] and gives whole numbers 0–255', () => {
  assert.deepEqual(viridis(-3), viridis(0));
  assert.deepEqual(viridis(7), viridis(1));
  assert.deepEqual(viridis(-Infinity), viridis(0));
  assert.deepEqual(viridis(Infinity), viridis(1));
  assert.deepEqual(viridis(NaN), viridis(1));
  for (let v = 0; v <= 1; v += 0.01) {
    for (const c of viridis(v)) assert.ok(Number.isInteger(c) && c >= 0 && c <= 255);
  }
});

test('viridis gets brighter from 0 to 1 (dark = low loss)', () => {
  const brightness = (v: number) => { const [r, g, b] = viridis(v); return 0.299 * r + 0.587 * g + 0.114 * b; };
  for (let k = 1; k <= 100; k++) assert.ok(brightness(k / 100) > brightness((k - 1) / 100));
});

test('the colour-bar gradient runs from the first to the last viridis colour', () => {
  const css = viridisGradient();
  assert.match(css, /^linear-gradient\(to right, rgb\(68 1 84\) 0\.00%, /);
  assert.match(css, /rgb\(253 231 37\) 100\.00%\)$/);
});

const values = new Float64Array([0.02, 5, 0.5, 150, 0.03, 40, 2.5]);

for (const scale of ['linear', 'log'] as const) {
  test(`normalise (${scale}) maps the smallest E to 0, the largest to 1, in order`, () => {
    const u = normalise(values, scale);
    assert.equal(u[0], 0);
    assert.equal(u[3], 1);
    const order = [...values.keys()].sort((a, b) => values[a] - values[b]);
    for (let k = 1; k < order.length; k++) assert.ok(u[order[k]] > u[order[k - 1]], `${scale}: monotone at ${k}`);
    for (const x of u) assert.ok(x >= 0 && x <= 1);
  });

  test(`normalise (${scale}) sends NaN and ±∞ to 1 and ignores them for min and max`, () => {
    const u = normalise(new Float64Array([NaN, 1, Infinity, 3, -Infinity, 2]), scale);
    assert.deepEqual([u[0], u[2], u[4]], [1, 1, 1]);
    assert.equal(u[1], 0);
    assert.equal(u[3], 1);
  });

  test(`normalise (${scale}) does not depend on the unit of E, and valueAt is its inverse`, () => {
    const u = normalise(values, scale);
    const scaled = normalise(values.map((v) => 1000 * v - 7), scale);
    u.forEach((x, k) => assert.ok(Math.abs(x - scaled[k]) < 1e-12));
    u.forEach((x, k) => assert.ok(Math.abs(valueAt(x, 0.02, 150, scale) - values[k]) < 1e-9));
  });
}

test('log spreads the low end: the valley of a wide range gets more colours than on the linear scale', () => {
  const linear = normalise(values, 'linear');
  const log = normalise(values, 'log');
  assert.ok(linear[2] < 0.01);          // 0,5 of 150: all but the same dark colour
  assert.ok(log[2] > 0.15);
  assert.ok(valueAt(0.5, 0, 100, 'log') < 5);
});

test('a flat surface (or no finite value) maps without NaN', () => {
  assert.deepEqual([...normalise(new Float64Array([2, 2, 2]), 'log')], [0, 0, 0]);
  assert.deepEqual([...normalise(new Float64Array([NaN, Infinity]), 'linear')], [1, 1]);
  assert.deepEqual([...normalise(new Float64Array(0), 'linear')], []);
});

test('heat-map pixels: w1 grows upwards, w0 to the right, all opaque', () => {
  // 3 × 2 grid: E = i + 10·j, so the largest E is at (w0Max, w1Max) = top-right of the image.
  const grid = { w0Min: 0, w0Max: 2, w1Min: 0, w1Max: 1, nx: 3, ny: 2, values: new Float64Array([0, 1, 2, 10, 11, 12]) };
  const px = heatmapPixels(grid, 'linear');
  const at = (col: number, row: number) => [...px.slice((row * 3 + col) * 4, (row * 3 + col) * 4 + 4)];
  assert.equal(px.length, 3 * 2 * 4);
  assertColor(at(2, 0), '#fde725');     // top right: E = 12
  assertColor(at(0, 1), '#440154');     // bottom left: E = 0
  for (let k = 3; k < px.length; k += 4) assert.equal(px[k], 255);
});

test('thinPath keeps short paths whole and leaves out pairs that are not finite', () => {
  assert.deepEqual(thinPath(new Float64Array([1, 2, 3, 4, NaN, 5, 6, 7]), 2000),
    [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 6, y: 7 }]);
  assert.deepEqual(thinPath(new Float64Array(0), 2000), []);
});

test('thinPath keeps at most the maximum, always the first and the last point', () => {
  const n = 100_001;
  const path = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) { path[2 * k] = k; path[2 * k + 1] = Math.sin(k / 1000); }
  const thin = thinPath(path, 2000);
  assert.equal(thin.length, 2000);
  assert.deepEqual(thin[0], { x: 0, y: 0 });
  assert.deepEqual(thin[thin.length - 1], { x: n - 1, y: Math.sin((n - 1) / 1000) });
  for (let k = 1; k < thin.length; k++) assert.ok(thin[k].x > thin[k - 1].x);
});

test('thinPath drops steps below one pixel, as on a plateau, but keeps the big early jumps', () => {
  // Ten big steps, then 50 000 tiny ones (a neuron stuck on the plateau), then the current point.
  const xs = [...Array.from({ length: 10 }, (_, k) => k), ...Array.from({ length: 50_000 }, (_, k) => 9 + k * 1e-6), 9.2];
  const path = new Float64Array(xs.flatMap((x) => [x, 0]));
  const thin = thinPath(path, 2000, 0.01, 0.01);
  assert.deepEqual(thin.slice(0, 10).map((p) => p.x), Array.from({ length: 10 }, (_, k) => k));
  assert.equal(thin[thin.length - 1].x, 9.2);
  assert.ok(thin.length <= 17, `${thin.length} points`);   // 0,05 crawled in steps of 0,01: ≤ 6 more
});
