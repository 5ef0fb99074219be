// Numbers as spreadsheets write them, with decimal comma or point, and the decimal mark of a file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectDecimal, parseNumber } from '../../web/src/data/numbers.ts';

test('decimal comma: Danish numbers, with or without thousands separators', () => {
  const cases: [string, number][] = [
    ['2.326,5', 2326.5], ['2326,5', 2326.5], ['3,14', 3.14], ['-0,25', -0.25], ['1e3', 1000],
    [' 42 ', 42], ['1.234.567', 1234567], ['2 326,5', 2326.5], ['2\u00a0326,5', 2326.5],
    ['\u22121,5', -1.5], ['+7', 7], [',5', 0.5], ['0', 0], ['2,5E-1', 0.25],
  ];
  for (const [cell, value] of cases) assert.equal(parseNumber(cell, 'comma'), value, cell);
});

test('decimal point: English numbers, with or without thousands separators', () => {
  const cases: [string, number][] = [
    ['1.5', 1.5], ['2,326.5', 2326.5], ['1,234', 1234], ['-.5', -0.5], ['1E-2', 0.01],
    ['1e3', 1000], [' 42 ', 42], ['1,234,567.25', 1234567.25],
  ];
  for (const [cell, value] of cases) assert.equal(parseNumber(cell, 'point'), value, cell);
});

test('anything else is not a number', () => {
  const comma = ['12abc', '', '   ', '1,2,3', 'NaN', 'Infinity', '-Infinity', '1.5', '12.34,5', '1.23,4',
    '1,', ',', '-', '1e999', '2x00', '1 2', '0x10', '1.234 567', 'Ja'];
  for (const cell of comma) assert.equal(parseNumber(cell, 'comma'), null, cell);
  const point = ['12abc', '', '1,2,3', 'NaN', 'Infinity', '3,14', '2.326,5', '1.2.3', '1.'];
  for (const cell of point) assert.equal(parseNumber(cell, 'point'), null, cell);
});

test('the decimal mark of a file', () => {
  assert.equal(detectDecimal(['3,14', '2']), 'comma');
  assert.equal(detectDecimal(['2.326,5', '12']), 'comma');
  assert.equal(detectDecimal(['-0,25']), 'comma');
  assert.equal(detectDecimal(['1.234.567']), 'comma');
  assert.equal(detectDecimal(['1.5', '2']), 'point');
  assert.equal(detectDecimal(['2,326.5']), 'point');
  assert.equal(detectDecimal(['1,234,567']), 'point');
  // Text and whole numbers say nothing; the default is point.
  assert.equal(detectDecimal(['Nej', 'Ja', '42', 'Hansen, Jens']), 'point');
  assert.equal(detectDecimal([]), 'point');
  // The majority decides a mixed file.
  assert.equal(detectDecimal(['1,5', '2,5', '3.5']), 'comma');
  assert.equal(detectDecimal(['1.5', '2.5', '3,5']), 'point');
});

test('"1,234" and "2.326" are read as decimal marks when nothing else decides', () => {
  assert.equal(detectDecimal(['0,125', '1,500']), 'comma');
  assert.equal(detectDecimal(['0.125', '1.500']), 'point');
  // One clear cell outweighs any number of unclear ones.
  assert.equal(detectDecimal(['1,234', '5,678', '0.5']), 'point');
  assert.equal(detectDecimal(['2.326', '3.141', '0,5']), 'comma');
  assert.equal(detectDecimal(['1,234', '2.326']), 'point');
});
