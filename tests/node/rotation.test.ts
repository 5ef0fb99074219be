// The 3-D view's turn and projection, against positions worked out by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clampPitch, project } from '../../web/src/train/rotation.ts';

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);
const quarter = Math.PI / 2;

test('unturned: x to the right, z up (SVG y down), y away from the viewer', () => {
  const x = project([1, 0, 0], 0, 0), y = project([0, 1, 0], 0, 0), z = project([0, 0, 1], 0, 0);
  [x.x, x.y, x.depth, z.x, z.y, z.depth, y.x, y.y, y.depth].forEach((v, i) => near(v, [1, 0, 0, 0, -1, 0, 0, 0, 1][i]));
});

test('a quarter turn about the vertical axis sends x away from the viewer; a quarter tilt brings z towards the viewer', () => {
  const turned = project([1, 0, 0], quarter, 0);
  [turned.x, turned.y, turned.depth].forEach((v, i) => near(v, [0, 0, 1][i]));
  const tilted = project([0, 0, 1], 0, quarter);
  [tilted.x, tilted.y, tilted.depth].forEach((v, i) => near(v, [0, 0, -1][i]));
  // a vertical arrow keeps its length on the screen while the picture turns about it
  const up = project([0, 0, 2], 1.234, 0);
  near(Math.hypot(up.x, up.y), 2);
});

test('a turn keeps lengths: x² + y² + depth² is the vector\'s length squared', () => {
  const p = project([0.3, -1.2, 2.5], 0.7, -0.4);
  near(p.x ** 2 + p.y ** 2 + p.depth ** 2, 0.09 + 1.44 + 6.25);
});

test('the tilt stops at straight down and straight up', () => {
  assert.equal(clampPitch(3), quarter);
  assert.equal(clampPitch(-3), -quarter);
  assert.equal(clampPitch(0.5), 0.5);
});
