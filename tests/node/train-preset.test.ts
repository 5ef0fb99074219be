// The page's toy preset is the course's toy as tests/cases/word2vec_toy_cases.json records it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { TOY_SENTENCES, TOY_START, TOY_WORDS, toyCounts } from '../../web/src/train/toy-preset.ts';

const toy = JSON.parse(readFileSync(new URL('../cases/word2vec_toy_cases.json', import.meta.url), 'utf8')) as {
  words: string[]; sentences: string[]; pairCounts: { focus: string; context: string; n: number }[];
  start: { focus: Record<string, number[]>; context: Record<string, number[]> };
};

test('the preset has the course\'s sentences, words and start vectors', () => {
  assert.deepEqual([...TOY_WORDS], toy.words);
  assert.deepEqual(TOY_SENTENCES, toy.sentences);
  assert.deepEqual(TOY_START.focus, toy.words.map((w) => toy.start.focus[w]));
  assert.deepEqual(TOY_START.context, toy.words.map((w) => toy.start.context[w]));
  for (const [x, y] of [...TOY_START.focus, ...TOY_START.context]) assert.ok(Math.abs(Math.hypot(x, y) - 1) < 1e-12);
});

test('its pair counts are the course\'s: 2, 3, 4, 3 each way, nothing else', () => {
  const n = toyCounts();
  const V = TOY_WORDS.length;
  const expected = new Array<number>(V * V).fill(0);
  for (const p of toy.pairCounts) expected[toy.words.indexOf(p.focus) * V + toy.words.indexOf(p.context)] = p.n;
  assert.deepEqual(n, expected);
});
