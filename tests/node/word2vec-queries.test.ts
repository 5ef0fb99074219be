// Questions to the word2vec wasm module on a tiny hand-made set, answered by hand: 4-D vectors on
// the axes (royal, male, female, fruit), so that konge = royal + male, dronning = royal + female.
// Every expected cosine below is a closed form worked out on paper (written as the JS expression of
// it), or plain JS arithmetic on the raw vectors in this file.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Matches } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './wasm-module.ts';

const core = await loadWord2VecCore();
const v = new core.Vectors();
after(() => v.delete());

const RAW: Record<string, number[]> = {
  konge: [1, 1, 0, 0],
  dronning: [1, 0, 1, 0],
  prins: [0.8, 1, 0, 0.1],
  mand: [0, 1, 0, 0],
  kvinde: [0, 0, 1, 0],
  æble: [0, 0, 0, 1],
  pære: [0.1, 0, 0, 1],
};
const WORDS = Object.keys(RAW);
const FILE = `${WORDS.length} 4\n${WORDS.map((w) => `${w} ${RAW[w].join(' ')}`).join('\n')}\n`;
assert.equal(v.load(new TextEncoder().encode(FILE)).status, 'ok');
const id = (word: string) => {
  const i = v.find(word);
  assert.ok(i >= 0, word);
  return i;
};

const SQRT2 = Math.SQRT2;
const TOLERANCE = 1e-6;  // float dot products of float unit vectors: a few 1e-8 off the exact value

// Plain JS, double precision.
const norm = (a: number[]) => Math.sqrt(a.reduce((s, x) => s + x * x, 0));
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0) / (norm(a) * norm(b));
const unit = (a: number[]) => a.map((x) => x / norm(a));

function assertMatches(got: Matches, expected: [word: string, score: number][], what: string): void {
  assert.deepEqual(Array.from(got.indices, (i) => v.word(i)), expected.map(([w]) => w), `${what}: words`);
  expected.forEach(([w, score], i) =>
    assert.ok(Math.abs(got.scores[i] - score) <= TOLERANCE, `${what}: ${w} scored ${got.scores[i]}, expected ${score}`));
}

function distance(points: number[][], i: number, j: number): number {
  return norm(points[i].map((x, d) => x - points[j][d]));
}

describe('word2vec wasm: queries give the hand-computed answers', () => {
  test('the neighbours of konge, best first; a tie goes to the earlier word', () => {
    // konge·x / (‖konge‖‖x‖) with ‖konge‖ = √2, ‖prins‖ = √1.65, ‖pære‖ = √1.01.
    const expected: [string, number][] = [
      ['prins', 1.8 / Math.sqrt(2 * 1.65)],  // 0.9909
      ['mand', 1 / SQRT2],                   // 0.7071
      ['dronning', 0.5],
      ['pære', 0.1 / Math.sqrt(2 * 1.01)],   // 0.0704
      ['kvinde', 0],
      ['æble', 0],                           // the same 0 as kvinde, and later in the file
    ];
    assertMatches(v.neighbours(id('konge'), 10), expected, 'k = 10 (more than there are)');
    assertMatches(v.neighbours(id('KONGE'), 3), expected.slice(0, 3), 'k = 3');
    assert.equal(v.neighbours(-1, 3).indices.length, 0);
    assert.equal(v.neighbours(WORDS.length, 3).indices.length, 0);
  });

  // k = 0 once trapped (TopK::offer read the top of an empty heap). On its own Vectors, so that a
  // trap could not leave the shared one in any state.
  test('k = 0 gives no answers', () => {
    const w = new core.Vectors();
    try {
      assert.equal(w.load(new TextEncoder().encode(FILE)).status, 'ok');
      assert.equal(w.neighbours(0, 0).indices.length, 0);
      assert.equal(w.analogy(0, 3, 4, 0, 0).indices.length, 0);
      assert.equal(w.analogy(0, 3, 4, 0, 1).indices.length, 0);
    } finally {
      w.delete();
    }
  });

  test('3CosAdd: konge − mand + kvinde → dronning, scored cos(x, â − b̂ + ĉ)', () => {
    // q = â − b̂ + ĉ = (1/√2, 1/√2 − 1, 1, 0), ‖q‖² = ½ + (1/√2 − 1)² + 1 = 3 − √2.
    const q = Math.sqrt(3 - SQRT2);
    const expected: [string, number][] = [
      ['dronning', (0.5 + 1 / SQRT2) / q],                   // 0.9586
      ['prins', (1.8 / SQRT2 - 1) / Math.sqrt(1.65) / q],    // 0.1686
      ['pære', 0.1 / SQRT2 / Math.sqrt(1.01) / q],           // 0.0559
      ['æble', 0],
    ];
    assertMatches(v.analogy(id('konge'), id('mand'), id('kvinde'), 10, 0), expected, '3CosAdd');
    // The same numbers by plain JS on the raw vectors.
    const [a, b, c] = [unit(RAW.konge), unit(RAW.mand), unit(RAW.kvinde)];
    const sum = a.map((x, i) => x - b[i] + c[i]);
    expected.forEach(([w, score]) => assert.ok(Math.abs(cos(RAW[w], sum) - score) < 1e-12, w));
  });

  test('3CosMul: konge − mand + kvinde → dronning, scored cos′(x,a)·cos′(x,c)/(cos′(x,b) + 0.001)', () => {
    const half = (c: number) => (c + 1) / 2;  // cos′
    // dronning: cos to konge ½, to kvinde 1/√2, to mand 0.
    const dronning = (half(0.5) * half(1 / SQRT2)) / (half(0) + 1e-3);  // 0.75 · 0.8536 / 0.501 = 1.2778
    const score = (w: string) => (half(cos(RAW[w], RAW.konge)) * half(cos(RAW[w], RAW.kvinde))) /
      (half(cos(RAW[w], RAW.mand)) + 1e-3);
    assert.ok(Math.abs(score('dronning') - dronning) < 1e-12);
    const expected: [string, number][] = [
      ['dronning', dronning],
      ['prins', score('prins')],  // 0.9954 · 0.5 / 0.8902 = 0.5591
      ['pære', score('pære')],    // 0.5352 · 0.5 / 0.501 = 0.5341
      ['æble', 0.25 / 0.501],     // all three cosines 0
    ];
    assertMatches(v.analogy(id('konge'), id('mand'), id('kvinde'), 10, 1), expected, '3CosMul');
    assertMatches(v.analogy(id('konge'), id('mand'), id('kvinde'), 1, 1), expected.slice(0, 1), '3CosMul, k = 1');
    assert.equal(v.analogy(id('konge'), -1, id('kvinde'), 10, 0).indices.length, 0);
  });

  test('similarity', () => {
    assert.ok(Math.abs(v.similarity(id('konge'), id('dronning')) - 0.5) <= TOLERANCE);
    assert.ok(Math.abs(v.similarity(id('prins'), id('pære')) - 0.18 / Math.sqrt(1.65 * 1.01)) <= TOLERANCE);
    assert.equal(v.similarity(id('mand'), id('kvinde')), 0);
    assert.ok(Math.abs(v.similarity(id('prins'), id('prins')) - 1) <= TOLERANCE);
    assert.ok(Number.isNaN(v.similarity(id('konge'), 99)));
  });

  test('the odd one out has the lowest mean cosine to the others', () => {
    // æble–konge 0, æble–pære 1/√1.01, konge–pære 0.1/√2.02: konge is the odd one (position 1).
    const odd = v.oddOneOut([id('æble'), id('konge'), id('pære')]);
    assert.equal(odd.index, 1);
    const [ak, ap, kp] = [0, 1 / Math.sqrt(1.01), 0.1 / Math.sqrt(2.02)];
    [(ak + ap) / 2, (ak + kp) / 2, (ap + kp) / 2].forEach((m, i) =>
      assert.ok(Math.abs(odd.means[i] - m) <= TOLERANCE, `mean ${i}: ${odd.means[i]} vs ${m}`));
    assert.equal(v.oddOneOut([id('konge'), id('dronning'), id('mand'), id('æble')]).index, 3);
    const unknown = v.oddOneOut([id('konge'), 99]);
    assert.deepEqual([unknown.index, unknown.means.length], [-1, 0]);
  });

  test('pca of points in a plane keeps every distance; output n × 2, centred, widest axis first', () => {
    // The unit vectors of konge and mand and three extra (unnormalised) points: all in the
    // (royal, male) plane.
    const extra = [[2, 0, 0, 0], [0.5, -1, 0, 0], [-1, -1, 0, 0]];
    const points = [unit(RAW.konge), unit(RAW.mand), ...extra];
    const xy = v.pca([id('konge'), id('mand')], extra.flat());
    assertKeepsDistances(xy, points);
    // A tilted plane away from the origin: c + s·u + t·w.
    const [c, u, w] = [[0, 0, 3, 0], [0.5, 0.5, 0.5, 0.5], [1 / SQRT2, -1 / SQRT2, 0, 0]];
    const st = [[0, 0], [1, 0], [0, 2], [-1.5, 0.5], [2, -1], [0.3, 0.3]];
    const tilted = st.map(([s, t]) => c.map((ci, i) => ci + s * u[i] + t * w[i]));
    assertKeepsDistances(v.pca([], Float32Array.from(tilted.flat())), tilted);
  });

  test('pca of points off a plane only shrinks distances; fewer than two points give zeros', () => {
    const points = WORDS.map((word) => unit(RAW[word]));
    const xy = v.pca(WORDS.map(id), []);
    assert.equal(xy.length, 2 * WORDS.length);
    for (let i = 0; i < points.length; i++)
      for (let j = 0; j < i; j++)
        assert.ok(Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]) <= distance(points, i, j) + 1e-6);
    assert.deepEqual(Array.from(v.pca([id('konge')], [])), [0, 0]);
    assert.equal(v.pca([], []).length, 0);
    assert.equal(v.pca([99, id('konge'), id('mand')], []).length, 4, 'an unknown index is left out');
  });
});

function assertKeepsDistances(xy: Float32Array, points: number[][]): void {
  assert.equal(xy.length, 2 * points.length, 'n × 2');
  for (let i = 0; i < points.length; i++)
    for (let j = 0; j < i; j++) {
      const d2 = Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
      assert.ok(Math.abs(d2 - distance(points, i, j)) <= 1e-5, `distance ${i}–${j}: ${d2} vs ${distance(points, i, j)}`);
    }
  const column = (k: number) => Array.from({ length: points.length }, (_, r) => xy[2 * r + k]);
  const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
  assert.ok(Math.abs(sum(column(0))) < 1e-5 && Math.abs(sum(column(1))) < 1e-5, 'centred');
  assert.ok(sum(column(0).map((x) => x * x)) >= sum(column(1).map((x) => x * x)), 'the first axis has the most variance');
}
