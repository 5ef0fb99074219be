// The size of a pasted text, for the 20 MB limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utf8Bytes } from '../../web/src/data/text-size.ts';

test('UTF-8 size: 1 byte for a, 2 for æ, 3 for €, 4 for an emoji', () => {
  assert.equal(utf8Bytes('a'), 1);
  assert.equal(utf8Bytes('æ'), 2);
  assert.equal(utf8Bytes('€'), 3);
  assert.equal(utf8Bytes('😀'), 4);
  assert.equal(utf8Bytes('hunden'), 6);
  assert.equal(utf8Bytes('æ😀a'), Buffer.byteLength('æ😀a'));
});
