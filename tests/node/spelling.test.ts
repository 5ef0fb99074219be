// Suggestions for unknown words and completions for typed ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestSpellings, completions, editDistance } from '../../web/src/models/spelling.ts';

test('edit distance counts insertions, deletions, changes and swaps of letters', () => {
  assert.equal(editDistance('kvinde', 'kvinde', 2), 0);
  assert.equal(editDistance('kvine', 'kvinde', 2), 1);     // one letter missing
  assert.equal(editDistance('dronnign', 'dronning', 2), 1); // two letters swapped
  assert.equal(editDistance('kat', 'hat', 2), 1);
  assert.equal(editDistance('søn', 'son', 2), 1);           // ø is one letter, not two bytes
  assert.equal(editDistance('hund', 'kattekilling', 2), 3);  // gives up: more than the limit
});

test('the closest spellings, nearest first, then the more frequent', () => {
  const vocabulary = ['og', 'kvinden', 'kvinde', 'konge', 'dronning', 'kvindes', 'vinde'];
  // kvinde is one edit away; kvinden, kvindes and vinde two (by hand): the frequent ones first.
  assert.deepEqual(closestSpellings('kvine', vocabulary), ['kvinde', 'kvinden', 'kvindes']);
  assert.deepEqual(closestSpellings('xyzzyx', vocabulary), []);
});

test('completions keep the vocabulary\'s order', () => {
  assert.deepEqual(completions('kv', ['og', 'kvinden', 'kvinde', 'konge', 'kvæg']), ['kvinden', 'kvinde', 'kvæg']);
  assert.deepEqual(completions('', ['og']), []);
});
