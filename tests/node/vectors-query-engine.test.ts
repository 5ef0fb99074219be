// The explorer's questions, answered through the wasm core as the page's worker does: unknown
// words with their spelling suggestions, and the analogy's picture, whose arrows b → a and
// c → a − b + c must be the same vector (PCA is linear), so the parallelogram is exact.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Vectors } from '@wasm/word2vec_core.mjs';
import { QueryEngine } from '../../web/src/models/query-engine.ts';
import { loadWord2VecCore } from './wasm-module.ts';

// Hand-made 4-D vectors (axes: royal, male, female, animal).
const TEXT = `8 4
konge 1 1 0 0
dronning 1 0 1 0
mand 0 1 0 0.1
kvinde 0 0 1 0.1
hund 0 0.2 0 1
kat 0 0 0.2 1
prins 0.9 1 0 0.2
kvinden 0 0.1 1 0.2
`;

let vectors: Vectors;
let engine: QueryEngine;

before(async () => {
  const core = await loadWord2VecCore();
  vectors = new core.Vectors();
  assert.equal(vectors.load(new TextEncoder().encode(TEXT)).ok, true);
  engine = new QueryEngine(vectors, vectors.words().split('\n').slice(0, -1));
});

describe('QueryEngine', () => {
  test('an unknown word is reported with the known words spelled most like it, and nothing else is asked', () => {
    const answer = engine.answer({ tool: 'analogy', words: ['Konge', 'mand', 'kvine'], method: 'add', k: 3 });
    // kvine → kvinde (one letter inserted), kvinden (two): closest first.
    assert.deepEqual(answer.unknown, [{ word: 'kvine', suggestions: ['kvinde', 'kvinden'] }]);
    assert.deepEqual(answer.matches, []);
    assert.equal(answer.plot, null);
  });

  test('words are found in any case', () => {
    const answer = engine.answer({ tool: 'neighbours', word: ' KONGE ', k: 2 });
    assert.deepEqual(answer.unknown, []);
    assert.equal(answer.matches[0].word, 'prins');
    // cos(konge, prins) = 1.9 / (√2 · √1.85)
    assert.ok(Math.abs(answer.matches[0].score - 1.9 / (Math.SQRT2 * Math.sqrt(1.85))) < 1e-6);
  });

  test('the analogy picture is a parallelogram: b → a equals c → (a − b + c)', () => {
    const answer = engine.answer({ tool: 'analogy', words: ['konge', 'mand', 'kvinde'], method: 'add', k: 3 });
    assert.equal(answer.matches[0].word, 'dronning');
    const plot = answer.plot!;
    assert.deepEqual(plot.points.map((p) => p.role), ['query', 'query', 'query', 'answer', 'sum']);
    assert.deepEqual(plot.points.slice(0, 4).map((p) => p.label), ['mand', 'konge', 'kvinde', 'dronning']);
    assert.equal(plot.points[4].label, 'konge − mand + kvinde');
    const [b, a, c, , sum] = plot.points;
    assert.ok(Math.abs((a.x - b.x) - (sum.x - c.x)) < 1e-5 && Math.abs((a.y - b.y) - (sum.y - c.y)) < 1e-5);
    const differences = plot.arrows.filter((arrow) => arrow.kind === 'difference').map((arrow) => [arrow.from, arrow.to]);
    assert.deepEqual(differences, [[0, 1], [2, 4]]);
    // The gap from a − b + c to the answer is drawn too.
    assert.deepEqual(plot.arrows.find((arrow) => arrow.kind === 'gap'), { from: 4, to: 3, kind: 'gap' });
  });

  test('the odd one out and its picture', () => {
    const answer = engine.answer({ tool: 'odd', words: ['konge', 'dronning', 'prins', 'kat'] });
    assert.equal(answer.odd!.index, 3);
    assert.equal(answer.plot!.points.find((p) => p.role === 'odd')!.label, 'kat');
  });

  test('similarity: the cosine of the two words', () => {
    const answer = engine.answer({ tool: 'similarity', words: ['hund', 'kat'] });
    // (0.2·0 + 0·0.2 + 1·1) / (√1.04 · √1.04) = 1/1.04
    assert.ok(Math.abs(answer.similarity! - 1 / 1.04) < 1e-6);
    assert.deepEqual(answer.plot!.points.slice(0, 2).map((p) => p.label), ['hund', 'kat']);
  });

  test('own vectors that keep capitals: a lower-case word finds its capitalised form', async () => {
    const core = await loadWord2VecCore();
    const own = new core.Vectors();
    assert.equal(own.load(new TextEncoder().encode('3 2\nKøbenhavn 1 0\nAarhus 0.9 0.1\nby 0 1\n')).ok, true);
    const answer = new QueryEngine(own, own.words().split('\n').slice(0, -1)).answer({ tool: 'neighbours', word: 'københavn', k: 1 });
    assert.deepEqual(answer.unknown, []);
    assert.equal(answer.matches[0].word, 'Aarhus');
    own.delete();
  });
});
