// The QR code's SVG path: one unit square per dark module, neighbours in a row drawn as one rectangle.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qrModulesPath } from '../../web/src/app/qr-path.ts';

test('a hand-made 2×2 matrix gives one square in the top row and a 2-wide bar below', () => {
  assert.equal(qrModulesPath([[true, false], [true, true]]), 'M0 0h1v1h-1zM0 1h2v1h-2z');
});

test('two runs in one row, separated by a light module, stay two rectangles', () => {
  assert.equal(qrModulesPath([[true, true, false, true]]), 'M0 0h2v1h-2zM3 0h1v1h-1z');
});

test('a run that reaches the right edge is closed there', () => {
  assert.equal(qrModulesPath([[false, false], [false, true]]), 'M1 1h1v1h-1z');
});

test('no dark module, no path', () => {
  assert.equal(qrModulesPath([[false, false], [false, false]]), '');
  assert.equal(qrModulesPath([]), '');
});
