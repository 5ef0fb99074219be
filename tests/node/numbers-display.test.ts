// Numbers on the screen and numbers typed by a person, in Danish and in English.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { parseUserInteger } from '../../web/src/app/fields.ts';
import { formatCount, formatFixed, formatNumber, parseUserNumber, setLanguage } from '../../web/src/app/i18n.ts';

afterEach(() => setLanguage('da'));

test('Danish shows a decimal comma, English a point', () => {
  setLanguage('da');
  assert.equal(formatFixed(0.627, 3), '0,627');
  assert.match(formatNumber(-0.0375), /^[-\u2212]0,0375$/);
  assert.equal(formatCount(200000), '200.000');
  setLanguage('en');
  assert.equal(formatFixed(0.627, 3), '0.627');
  assert.equal(formatCount(200000), '200,000');
});

test('no NaN or Infinity ever reaches the screen', () => {
  for (const x of [NaN, Infinity, -Infinity]) {
    assert.equal(formatNumber(x), '–');
    assert.equal(formatFixed(x, 2), '–');
    assert.equal(formatCount(x), '–');
  }
});

test('very small and very large numbers use powers of ten', () => {
  setLanguage('en');
  assert.equal(formatNumber(0.000000123, 3), '1.23·10⁻⁷');
  assert.equal(formatNumber(12_500_000, 3), '1.25·10⁷');
  setLanguage('da');
  assert.equal(formatNumber(0.0000060881, 4), '6,088·10⁻⁶');
  setLanguage('en');
  assert.equal(formatNumber(0.000769), '0.000769');
});

test('typed numbers: comma or point, minus sign, exponent', () => {
  assert.equal(parseUserNumber('0,001'), 0.001);
  assert.equal(parseUserNumber('0.001'), 0.001);
  assert.equal(parseUserNumber(' -2,5 '), -2.5);
  assert.equal(parseUserNumber('\u22120,298'), -0.298);
  assert.equal(parseUserNumber('1e-3'), 0.001);
  assert.equal(parseUserNumber(',5'), 0.5);
  for (const bad of ['', 'abc', '1,2,3', '0,0,1', 'NaN', 'Infinity', '1e999', '--1'])
    assert.equal(parseUserNumber(bad), null, bad);
});

test('typed whole numbers may carry thousands separators', () => {
  assert.equal(parseUserInteger('200000'), 200000);
  assert.equal(parseUserInteger('200.000'), 200000);
  assert.equal(parseUserInteger('200,000'), 200000);
  assert.equal(parseUserInteger('1 000 000'), 1000000);
  for (const bad of ['', '1.5', '-3', '12a', '1.00'])
    assert.equal(parseUserInteger(bad), null, bad);
});
