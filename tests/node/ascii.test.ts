// The ASCII short cut of the table reader against TextEncoder/TextDecoder, which it stands in for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiText, isAscii, writeAscii } from '../../web/src/data/ascii.ts';

test('ASCII bytes read as TextDecoder reads them, also past one chunk of characters', () => {
  const text = Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(i % 128)).join('');
  const bytes = new TextEncoder().encode(text);
  assert.ok(isAscii(bytes));
  assert.equal(asciiText(bytes), text);
  assert.equal(asciiText(bytes, 4090, 4110), text.slice(4090, 4110));
  assert.equal(asciiText(bytes, 5, 5), '');
});

test('a byte from 0x80 on is not ASCII, wherever it is', () => {
  const bytes = new TextEncoder().encode('abcæ');
  assert.equal(isAscii(bytes), false);
  assert.equal(isAscii(bytes, 0, 3), true);
  assert.equal(isAscii(new Uint8Array([0x41, 0x80])), false);
});

test('writeAscii writes plain text and refuses what is not ASCII or does not fit', () => {
  const bytes = new Uint8Array(8);
  assert.equal(writeAscii('1,5;x', bytes, 2), 5);
  assert.deepEqual([...bytes.subarray(2, 7)], [...new TextEncoder().encode('1,5;x')]);
  assert.equal(writeAscii('ø', bytes, 0), -1);
  assert.equal(writeAscii('123456789', bytes, 0), -1);
  assert.equal(writeAscii('1234', bytes, 5), -1);
});
