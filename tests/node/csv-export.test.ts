// The iteration table's CSV export: full-precision numbers that the app's own reader reads back bit
// for bit, Danish Excel's ';' and decimal comma, the BOM, CRLF and quoted headers. Every expected
// text below is written by hand from the inputs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCsv } from '../../web/src/data/csv.ts';
import { decodeText } from '../../web/src/data/decode.ts';
import { detectDecimal, parseNumber, type DecimalMark } from '../../web/src/data/numbers.ts';
import { plainRows, type Table } from '../../web/src/data/table.ts';
import { formatCsv, formatCsvNumber, type CsvStyle } from '../../web/src/race/csv-export.ts';

const HEADERS = ['Iteration', 'SE: w0', 'SE: E'];
const ROWS: number[][] = [
  [0, 0.1, -0.0375],
  [1, 0.000769, 1e-7],
  [2, 123456789.125, 2.3586630242988488e-05],
  [2000, -12, 2.5e21],
  [1234567, -0, 7],
];

const DANISH = '\uFEFFIteration;SE: w0;SE: E\r\n'
  + '0;0,1;-0,0375\r\n'
  + '1;0,000769;1e-7\r\n'
  + '2;123456789,125;0,000023586630242988488\r\n'
  + '2000;-12;2,5e+21\r\n'
  + '1234567;-0;7\r\n';

const INTERNATIONAL = '\uFEFFIteration,SE: w0,SE: E\r\n'
  + '0,0.1,-0.0375\r\n'
  + '1,0.000769,1e-7\r\n'
  + '2,123456789.125,0.000023586630242988488\r\n'
  + '2000,-12,2.5e+21\r\n'
  + '1234567,-0,7\r\n';

// The bytes of a double, so that 0 and -0 (and any last-bit difference) count as different.
function bits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16);
}

// The way the app reads a file a user picks: bytes → text → table.
function readBack(text: string): Table {
  const decoded = decodeText(new TextEncoder().encode(text));
  if (!decoded.ok) assert.fail(`not text: ${decoded.error.code}`);
  const table = parseCsv(decoded.value);
  if (!table.ok) assert.fail(`not a table: ${JSON.stringify(table.error)}`);
  return table.value;
}

function numbersOf(table: Table, decimal: DecimalMark): number[][] {
  return plainRows(table).map((row) => row.map((cell) => {
    const x = parseNumber(cell, decimal);
    if (x === null) assert.fail(`"${cell}" is not a number`);
    return x;
  }));
}

describe('formatCsv', () => {
  const cases: [CsvStyle, string, DecimalMark][] = [['danish', DANISH, 'comma'], ['international', INTERNATIONAL, 'point']];
  for (const [style, expected, decimal] of cases) {
    test(`${style}: the exact text`, () => {
      assert.equal(formatCsv(HEADERS, ROWS, style), expected);
    });

    test(`${style}: parseCsv + parseNumber give back the identical doubles`, () => {
      const table = readBack(formatCsv(HEADERS, ROWS, style));
      assert.deepEqual(table.columns, HEADERS);
      assert.equal(detectDecimal(plainRows(table).flat()), decimal);
      const back = numbersOf(table, decimal);
      assert.deepEqual(back.map((row) => row.map(bits)), ROWS.map((row) => row.map(bits)));
    });
  }

  test('the Danish style uses ";" between fields and "," as decimal mark, without thousands separators', () => {
    const text = formatCsv(['a', 'b'], [[1234567.5, 0.25]], 'danish');
    assert.equal(text, '\uFEFFa;b\r\n1234567,5;0,25\r\n');
    assert.ok(!text.includes('.'));
  });

  test('headers with ";", "," and \'"\' are quoted, with quotes doubled, and read back unchanged', () => {
    const headers = ['Iteration', 'a;b', 'sig "o"', 'x,y', 'E\nsum'];
    const row = [[1, 2, 3, 4, 5]];
    assert.equal(formatCsv(headers, row, 'danish'),
      '\uFEFFIteration;"a;b";"sig ""o""";"x,y";"E\nsum"\r\n1;2;3;4;5\r\n');
    assert.equal(formatCsv(headers, row, 'international'),
      '\uFEFFIteration,"a;b","sig ""o""","x,y","E\nsum"\r\n1,2,3,4,5\r\n');
    for (const style of ['danish', 'international'] as const) {
      assert.deepEqual(readBack(formatCsv(headers, row, style)).columns, headers);
    }
  });

  test('the text starts with a UTF-8 BOM, which a Blob or TextEncoder writes as EF BB BF', () => {
    const text = formatCsv(['Vægt ∂E/∂w0'], [[1]], 'danish');
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.equal(text.indexOf('\uFEFF', 1), -1);
    assert.deepEqual([...new TextEncoder().encode(text).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual(readBack(text).columns, ['Vægt ∂E/∂w0']);
  });

  test('every line ends in CRLF, and there is no bare LF or CR', () => {
    const text = formatCsv(['a', 'b'], [[1, 2], [3, 4]], 'international');
    assert.equal(text, '\uFEFFa,b\r\n1,2\r\n3,4\r\n');
    assert.equal(text.replace(/\r\n/g, '').search(/[\r\n]/), -1);
  });

  test('NaN and ±Infinity are empty cells, never "NaN" or "Infinity"', () => {
    const rows = [[1, NaN, Infinity, -Infinity, 0.5]];
    assert.equal(formatCsv(['i', 'a', 'b', 'c', 'd'], rows, 'danish'), '\uFEFFi;a;b;c;d\r\n1;;;;0,5\r\n');
    assert.equal(formatCsv(['i', 'a', 'b', 'c', 'd'], rows, 'international'), '\uFEFFi,a,b,c,d\r\n1,,,,0.5\r\n');
    assert.deepEqual(readBack(formatCsv(['i', 'a', 'b', 'c', 'd'], rows, 'danish')).rows, [['1', '', '', '', '0,5']]);
  });

  test('single numbers', () => {
    assert.equal(formatCsvNumber(-0.0375, 'danish'), '-0,0375');
    assert.equal(formatCsvNumber(1e-7, 'danish'), '1e-7');
    assert.equal(formatCsvNumber(2.5e21, 'danish'), '2,5e+21');
    assert.equal(formatCsvNumber(-1.5e-300, 'international'), '-1.5e-300');
    assert.equal(formatCsvNumber(NaN, 'international'), '');
  });
});
