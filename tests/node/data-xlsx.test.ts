// Reading .xlsx files (built here with the tests' own XLSX writer): the first sheet as text cells,
// Excel's row numbers in errors, damaged and empty files, and an .xlsx renamed .csv.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { suggestColumns, toNeuronData } from '../../web/src/data/dataset.ts';
import { importErrorMessage } from '../../web/src/data/messages.ts';
import { readDataFile } from '../../web/src/data/read-file.ts';
import type { ImportError } from '../../web/src/data/result.ts';
import { plainRows, type Table } from '../../web/src/data/table.ts';
import { parseXlsx } from '../../web/src/data/xlsx.ts';
import { buildXlsx } from '../fixtures/xlsx-writer.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const CUSTOMERS: (string | number)[][] = [['Alder', 'Forbrug', 'Kon', 'Aktiveret'],
  [23, 2900, 1, 'Ja'], [31, 2400, 0, 'Ja'], [38, 3300, 1, 'Ja'], [45, 2100, 0, 'Nej'],
  [52, 3600, 1, 'Ja'], [58, 2500, 0, 'Nej'], [64, 3100, 1, 'Nej'], [71, 1900, 0, 'Nej']];

async function table(bytes: Uint8Array, name = 'data.xlsx'): Promise<Table> {
  const result = await readDataFile(name, bytes);
  if (!result.ok) assert.fail(`expected a table, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function error(bytes: Uint8Array, name = 'data.xlsx'): Promise<ImportError> {
  const result = await readDataFile(name, bytes);
  if (result.ok) assert.fail(`expected an error, got ${JSON.stringify(result.value.columns)}`);
  return result.error;
}

describe('xlsx files', () => {
  test('the goodfood columns: numbers become text with String(n), and the neuron gets them', async () => {
    const t = await table(buildXlsx(CUSTOMERS), 'goodfood.xlsx');
    assert.deepEqual(t.columns, ['Alder', 'Forbrug', 'Kon', 'Aktiveret']);
    assert.deepEqual(plainRows(t)[0], ['23', '2900', '1', 'Ja']);
    assert.deepEqual(plainRows(t)[7], ['71', '1900', '0', 'Nej']);
    assert.deepEqual(t.rowNumbers, [2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(suggestColumns(t), { target: 'Aktiveret', features: ['Alder', 'Forbrug'] });
    const d = toNeuronData(t, { target: 'Aktiveret', features: ['Alder', 'Forbrug'] });
    assert.ok(d.ok);
    assert.deepEqual(Array.from(d.value.t), [1, 1, 1, 0, 1, 0, 0, 0]);
    assert.deepEqual(d.value.classLabels, ['Nej', 'Ja']);
  });

  test('decimals with a point, booleans as true/false, empty cells as ""', async () => {
    const t = await table(buildXlsx([['x', 'b', 'tekst'], [2.326, true, null], [-0.25, false, ' hej ']]));
    assert.deepEqual(t.rows, [['2.326', 'true', ''], ['-0.25', 'false', 'hej']]);
    const d = toNeuronData(t, { target: 'b', features: ['x'] });
    assert.ok(d.ok);
    assert.deepEqual(Array.from(d.value.x), [2.326, -0.25]);
  });

  test('an .xlsx renamed .csv is still read as a spreadsheet', async () => {
    const t = await table(buildXlsx(CUSTOMERS), 'goodfood.csv');
    assert.equal(t.rows.length, 8);
  });

  test('errors name the row Excel shows, blank rows counted', async () => {
    const rows = [['Alder', 'Aktiveret'], [50, 'Ja'], [], [40, 'Nej'], ['fyrre', 'Ja']];
    const t = await table(buildXlsx(rows));
    assert.deepEqual(t.rowNumbers, [2, 4, 5]);
    assert.deepEqual(toNeuronData(t, { target: 'Aktiveret', features: ['Alder'] }),
      { ok: false, error: { code: 'not_a_number', row: 5, column: 'Alder', value: 'fyrre' } });
  });

  test('data under an empty header cell, and two equal headers', async () => {
    assert.deepEqual(await error(buildXlsx([['a', 'b'], [1, 2, 3]])), { code: 'empty_header', row: 1, columnNumber: 3 });
    assert.deepEqual(await error(buildXlsx([['a', 'a'], [1, 2]])),
      { code: 'duplicate_column', row: 1, column: 'a', columnNumber: 2 });
  });

  test('an empty first sheet, and a header without data', async () => {
    assert.equal((await error(buildXlsx([]))).code, 'xlsx_empty_sheet');
    assert.equal((await error(buildXlsx([['Alder', 'Aktiveret']]))).code, 'no_data_rows');
  });

  test('damaged files: cut short, or a zip that is no spreadsheet', async () => {
    const whole = buildXlsx(CUSTOMERS);
    assert.equal((await error(whole.slice(0, 200))).code, 'xlsx_unreadable');
    const notSpreadsheet = zipSync({ 'hej.txt': strToU8('hej') });
    assert.equal((await error(notSpreadsheet)).code, 'xlsx_unreadable');
    assert.deepEqual(await parseXlsx(new Uint8Array([1, 2, 3])), { ok: false, error: { code: 'xlsx_unreadable' } });
  });

  test('a zip that claims to unpack to more than 100 MB is refused before anything is unpacked', async () => {
    const whole = buildXlsx(CUSTOMERS);
    // Patch the first central directory entry's uncompressed size (offset 24) to 200 MiB, by hand.
    const bombed = whole.slice();
    const view = new DataView(bombed.buffer);
    let at = -1;
    for (let i = bombed.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x06054b50) { at = view.getUint32(i + 16, true); break; }
    assert.ok(at > 0 && view.getUint32(at, true) === 0x02014b50);
    view.setUint32(at + 24, 200 * 1024 * 1024, true);
    const refused = await error(bombed);
    assert.equal(refused.code, 'xlsx_too_large');
    assert.equal(refused.limit, 100_000_000);
    assert.ok(refused.found! > 200 * 1024 * 1024, `${refused.found}`);  // 200 MiB and the other entries
    assert.equal((await table(whole)).rows.length, CUSTOMERS.length - 1, 'the file before the patch reads as ever');
    const message = importErrorMessage({ code: 'xlsx_too_large', limit: 100_000_000 }, 'da');
    assert.match(message, /over 100 MB, når det pakkes ud/);
  });

  test('an OpenDocument spreadsheet (.ods) is named as such', async () => {
    const ods = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
    });
    assert.equal((await error(ods, 'data.ods')).code, 'ods_format');
  });

  test('read-excel-file is imported by xlsx.ts only, so the page can load it lazily', () => {
    const dir = join(root, 'web/src/data');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'xlsx.ts')) {
      const source = readFileSync(join(dir, file), 'utf8');
      assert.doesNotMatch(source, /read-excel-file/, file);
      assert.doesNotMatch(source, /^import[^;]*['"]\.\/xlsx(\.ts)?['"]/m, `${file} imports xlsx.ts statically`);
    }
  });
});

test('aimat.dk\'s goodfood.xlsx (optional: needs ../shared)', async (t) => {
  const path = resolve(root, '../shared/data/classification/goodfood/goodfood.xlsx');
  if (!existsSync(path)) {
    t.skip(`../shared is absent: ${path} not found`);
    return;
  }
  const result = await readDataFile('goodfood.xlsx', new Uint8Array(readFileSync(path)));
  assert.ok(result.ok);
  assert.deepEqual(result.value.columns, ['Alder', 'Forbrug', 'Kon', 'Aktiveret']);
  assert.equal(result.value.rows.length, 100);
  assert.deepEqual(plainRows(result.value)[0], ['32', '2326', '0', 'Nej']);
  const d = toNeuronData(result.value, { target: 'Aktiveret', features: ['Alder', 'Forbrug'] });
  assert.ok(d.ok);
  assert.deepEqual(d.value.classLabels, ['Nej', 'Ja']);
});
