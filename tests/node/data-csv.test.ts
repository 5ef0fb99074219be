// Reading CSV files: delimiters, quotes, line ends, encodings, and the errors a teacher's file can
// have, each reported at the row a spreadsheet shows (all inputs written by hand below).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectDelimiter, parseCsv } from '../../web/src/data/csv.ts';
import { decodeText } from '../../web/src/data/decode.ts';
import { MAX_BYTES } from '../../web/src/data/limits.ts';
import { readDataFile } from '../../web/src/data/read-file.ts';
import type { ImportError } from '../../web/src/data/result.ts';
import { plainRows, type Table } from '../../web/src/data/table.ts';

function table(text: string): Table {
  const result = parseCsv(text);
  if (!result.ok) assert.fail(`expected a table, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function error(text: string): ImportError {
  const result = parseCsv(text);
  if (result.ok) assert.fail(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

async function readError(name: string, bytes: Uint8Array): Promise<ImportError> {
  const result = await readDataFile(name, bytes);
  if (result.ok) assert.fail(`expected an error, got ${JSON.stringify(result.value.columns)}`);
  return result.error;
}

describe('delimiters', () => {
  test('a comma file like goodfood.csv', () => {
    const t = table('Alder,Forbrug,Kon,Aktiveret\n32,2326,0,Nej\n48,2612,0,Ja\n');
    assert.deepEqual(t.columns, ['Alder', 'Forbrug', 'Kon', 'Aktiveret']);
    assert.deepEqual(t.rows, [['32', '2326', '0', 'Nej'], ['48', '2612', '0', 'Ja']]);
    assert.deepEqual(t.rowNumbers, [2, 3]);
  });

  test('a semicolon file with decimal commas (Danish Excel) splits on ";" only', () => {
    const text = 'Alder;Forbrug;Aktiveret\n32;2326,5;Nej\n48;2612,25;Ja\n';
    assert.equal(detectDelimiter(text), ';');
    assert.deepEqual(table(text).rows, [['32', '2326,5', 'Nej'], ['48', '2612,25', 'Ja']]);
  });

  test('a tab-separated file', () => {
    const t = table('x1\tx2\tt\n1,5\t2\t1\n3\t4\t0\n');
    assert.deepEqual(t.columns, ['x1', 'x2', 't']);
    assert.deepEqual(plainRows(t)[0], ['1,5', '2', '1']);
  });

  test('Excel\'s "sep=;" line names the delimiter and is not a row', () => {
    const t = table('sep=;\na;b\n1,5;2\n');
    assert.deepEqual(t.columns, ['a', 'b']);
    assert.deepEqual(t.rows, [['1,5', '2']]);
  });

  test('a trailing delimiter on every line adds no column', () => {
    assert.deepEqual(table('a;b;\n1;2;\n3;4;\n').columns, ['a', 'b']);
  });
});

describe('quotes, line ends and blanks', () => {
  test('quoted fields keep delimiters, doubled quotes and line breaks', () => {
    const t = table('Navn,Note,Alder\n"Hansen, Jens","Sagde ""hej""\nog gik",50\nGerda,,65\n');
    assert.deepEqual(t.rows, [['Hansen, Jens', 'Sagde "hej"\nog gik', '50'], ['Gerda', '', '65']]);
    // The line break sits inside row 2's cell, so Gerda is row 3, as in a spreadsheet.
    assert.deepEqual(t.rowNumbers, [2, 3]);
  });

  test('CRLF, CR and LF line ends, and trailing blank lines', () => {
    const expected = [['1', '2'], ['3', '4']];
    assert.deepEqual(table('a;b\r\n1;2\r\n3;4\r\n\r\n\r\n').rows, expected);
    assert.deepEqual(table('a,b\r1,2\r3,4').rows, expected);
    assert.deepEqual(table('a,b\n1,2\n3,4\n\n').rows, expected);
  });

  test('blank lines are skipped but keep their row numbers', () => {
    const t = table('a,b\n1,2\n\n,\n3,4\n');
    assert.deepEqual(t.rows, [['1', '2'], ['3', '4']]);
    assert.deepEqual(t.rowNumbers, [2, 5]);
  });

  test('cells and headers are trimmed', () => {
    const t = table(' Alder , Aktiveret \n 50 ,  Ja \n');
    assert.deepEqual(t.columns, ['Alder', 'Aktiveret']);
    assert.deepEqual(t.rows, [['50', 'Ja']]);
  });
});

describe('CSV errors', () => {
  test('an empty file, or one of blank lines only', () => {
    assert.equal(error('').code, 'empty');
    assert.equal(error('  \n\n \r\n').code, 'empty');
  });

  test('a header without data rows', () => {
    assert.equal(error('Alder,Aktiveret\n\n').code, 'no_data_rows');
  });

  test('a ragged row is reported at its spreadsheet row, blank lines counted', () => {
    const e = error('Alder,Forbrug,Kon,Aktiveret\n32,2326,0,Nej\n\n48,2612,Ja\n');
    assert.deepEqual(e, { code: 'ragged_row', row: 4, found: 3, expected: 4 });
  });

  test('a decimal comma in a comma file gives a row with one cell too many', () => {
    assert.deepEqual(error('x,y\n1,2\n1,5,2\n'), { code: 'ragged_row', row: 3, found: 3, expected: 2 });
  });

  test('an unclosed quote names the row where it starts', () => {
    assert.deepEqual(error('a,b\n1,2\n3,"4\n5,6\n'), { code: 'unclosed_quote', row: 3 });
  });

  test('a column without header, and two columns with the same header', () => {
    assert.deepEqual(error('a,,c\n1,2,3\n'), { code: 'empty_header', row: 1, columnNumber: 2 });
    assert.deepEqual(error('a,b,a\n1,2,3\n'), { code: 'duplicate_column', row: 1, column: 'a', columnNumber: 3 });
  });

  test('more than 100,000 data rows is refused; exactly 100,000 is fine', () => {
    const rows = (n: number) => 'x,t\n' + '1,0\n'.repeat(n);
    assert.deepEqual(error(rows(100_001)), { code: 'too_many_rows', limit: 100_000, found: 100_001 });
    assert.deepEqual(error(rows(123_456)), { code: 'too_many_rows', limit: 100_000, found: 123_456 });
    assert.equal(table(rows(100_000)).rows.length, 100_000);
  });
});

describe('bytes and encodings', () => {
  const encode = (s: string) => new TextEncoder().encode(s);

  test('UTF-8 with a BOM and æøå in the headers', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('Køn;Mål;Årgang;Aktiveret\n1;2;3;Ja\n')]);
    const result = await readDataFile('elever.csv', bytes);
    assert.ok(result.ok);
    assert.deepEqual(result.value.columns, ['Køn', 'Mål', 'Årgang', 'Aktiveret']);
  });

  test('windows-1252 bytes (Danish Excel\'s "CSV (semikolonsepareret)")', async () => {
    // æ = E6, ø = F8, å = E5, Å = C5 in windows-1252: not valid UTF-8.
    const bytes = new Uint8Array([...encode('K'), 0xf8, ...encode('n;M'), 0xe5, ...encode('l;'), 0xc5,
      ...encode('rgang;F'), 0xe6, ...encode('rdig\r\n1;2;3;Ja\r\n')]);
    const result = await readDataFile('elever.csv', bytes);
    assert.ok(result.ok);
    assert.deepEqual(result.value.columns, ['Køn', 'Mål', 'Årgang', 'Færdig']);
  });

  test('UTF-16 with a BOM (Excel\'s "Unicode-tekst") is text, not binary', () => {
    const text = 'Alder\tAktiveret\n50\tJa\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    assert.deepEqual(decodeText(bytes), { ok: true, value: text });
  });

  test('an empty file', async () => {
    assert.equal((await readError('tom.csv', new Uint8Array(0))).code, 'empty');
  });

  test('a PNG renamed .csv is binary', async () => {
    let seed = 12345;
    const noise = Array.from({ length: 2000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise]);
    assert.equal((await readError('data.csv', png)).code, 'binary');
    // The page's own test file: the PNG signature, a chunk length with NUL bytes, then filler.
    const e2e = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...new Array(400).fill(7)]);
    assert.equal((await readError('data.csv', e2e)).code, 'binary');
  });

  test('a PDF, and a file of control characters, are binary', async () => {
    assert.equal((await readError('data.csv', encode('%PDF-1.4\n1 0 obj\n'))).code, 'binary');
    const control = new Uint8Array(300).map((_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 8)));
    assert.equal((await readError('data.csv', control)).code, 'binary');
  });

  test('an old .xls file, a damaged file named .xlsx, and a file over 20 MB', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    assert.equal((await readError('gammel.xls', ole)).code, 'xls_old_format');
    assert.equal((await readError('gammel.csv', ole)).code, 'xls_old_format');
    assert.equal((await readError('data.xlsx', new Uint8Array([1, 2, 0, 4, 5]))).code, 'xlsx_unreadable');
    const big = new Uint8Array(20_000_001).fill(0x31);  // 20 MB is 20 000 000 bytes on every page
    assert.equal(MAX_BYTES, 20_000_000);
    assert.deepEqual(await readError('stor.csv', big), { code: 'too_large', limit: 20_000_000, found: 20_000_001 });
  });
});
