// A large file's scatter plot draws every k-th row: at most 2 500, the same rows each time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_DRAWN_POINTS, thinnedRows } from '../../web/src/charts/thinned-rows.ts';

test('a small file is drawn whole; 100 000 rows become every 40th, 2 500 rows', () => {
  assert.deepEqual(thinnedRows(5), [0, 1, 2, 3, 4]);
  assert.equal(thinnedRows(MAX_DRAWN_POINTS).length, 2500);
  const large = thinnedRows(100_000);
  assert.equal(large.length, 2500);  // 100 000 / 2 500 = 40 exactly
  assert.deepEqual(large.slice(0, 3), [0, 40, 80]);
  assert.equal(large.at(-1), 99_960);
  // 2 501 rows: k = 2, so 1 251 of them (0, 2, …, 2 500)
  assert.equal(thinnedRows(2501).length, 1251);
  assert.deepEqual(thinnedRows(0), []);
});
