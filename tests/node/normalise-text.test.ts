// A student's own text, as the trainer will read it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseText, utf8Bytes } from '../../web/src/train/normalise-text.ts';

test('sentences on their own lines, lower case, punctuation gone, æ, ø, å kept', () => {
  assert.equal(normaliseText('Hunden sover. Katten spinder!\nÆblet er rødt, siger Ørnen; "Nej?"'),
    'hunden sover\nkatten spinder\næblet er rødt siger ørnen\nnej\n');
});

test('hyphens and apostrophes inside words stay; lone marks and empty sentences go', () => {
  assert.equal(normaliseText('tv-stuen er Jens\' – og Annes ... !!'), "tv-stuen er jens og annes\n");
  assert.equal(normaliseText(' ... \n\n'), '');
});

test('UTF-8 size: 1 byte for a, 2 for æ, 3 for €, 4 for an emoji', () => {
  assert.equal(utf8Bytes('a'), 1);
  assert.equal(utf8Bytes('æ'), 2);
  assert.equal(utf8Bytes('€'), 3);
  assert.equal(utf8Bytes('😀'), 4);
  assert.equal(utf8Bytes('hunden'), 6);
});
