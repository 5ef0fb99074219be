// The messages a teacher reads when a file or a column choice cannot be used: one in Danish and
// one in English for every code, naming the row and column when they are known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../web/src/data/csv.ts';
import { toNeuronData } from '../../web/src/data/dataset.ts';
import { columnLetters, importErrorMessage } from '../../web/src/data/messages.ts';
import { IMPORT_ERROR_CODES, type ImportError } from '../../web/src/data/result.ts';

const FULL = { row: 7, column: 'Forbrug', columnNumber: 3, value: '2x00', limit: 100_000, found: 120_000, expected: 4 };

test('every code has a Danish and an English message, different and complete', () => {
  for (const code of IMPORT_ERROR_CODES) {
    const da = importErrorMessage({ code, ...FULL }, 'da');
    const en = importErrorMessage({ code, ...FULL }, 'en');
    for (const text of [da, en]) {
      assert.ok(text.length > 20, `${code}: ${text}`);
      assert.doesNotMatch(text, /undefined|NaN|\?\)|\{|\}/, `${code}: ${text}`);
      assert.match(text, /\.$/, `${code} ends a sentence: ${text}`);
    }
    assert.notEqual(da, en, code);
    // Even without any details a message is whole.
    assert.doesNotMatch(importErrorMessage({ code }, 'da'), /undefined/, code);
  }
});

test('messages name the row and the column when they are given', () => {
  const located = ['not_a_number', 'missing_value', 'target_not_binary'] as const;
  for (const code of located) {
    for (const lang of ['da', 'en'] as const) {
      const text = importErrorMessage({ code, row: 7, column: 'Forbrug', value: '2x00' }, lang);
      assert.match(text, /\b7\b/, `${code}/${lang}: ${text}`);
      assert.match(text, /"Forbrug"/, `${code}/${lang}: ${text}`);
    }
  }
  for (const code of ['ragged_row', 'unclosed_quote'] as const) {
    assert.match(importErrorMessage({ code, row: 12, found: 3, expected: 4 }, 'da'), /^Række 12 /);
    assert.match(importErrorMessage({ code, row: 12, found: 3, expected: 4 }, 'en'), /^Row 12 /);
  }
  for (const code of ['single_class', 'target_is_feature', 'unknown_column', 'duplicate_column'] as const) {
    assert.match(importErrorMessage({ code, column: 'Aktiveret', value: 'Ja', columnNumber: 4 }, 'da'), /"Aktiveret"/);
    assert.match(importErrorMessage({ code, column: 'Aktiveret', value: 'Ja', columnNumber: 4 }, 'en'), /"Aktiveret"/);
  }
});

test('the Danish wording', () => {
  const da = (e: ImportError) => importErrorMessage(e, 'da');
  assert.match(da({ code: 'not_a_number', row: 7, column: 'Forbrug', value: '2x00' }),
    /^Række 7 i kolonnen "Forbrug": "2x00" er ikke et tal\./);
  assert.match(da({ code: 'ragged_row', row: 12, found: 3, expected: 4 }),
    /^Række 12 har 3 celler, men overskriften har 4 kolonner\./);
  assert.match(da({ code: 'ragged_row', row: 2, found: 1, expected: 2 }), /^Række 2 har 1 celle, men overskriften har 2 kolonner\./);
  assert.equal(da({ code: 'single_class', column: 'Aktiveret', value: 'Ja' }),
    'Kolonnen "Aktiveret" har kun én værdi ("Ja"). Der skal være eksempler fra begge klasser (fx Ja og Nej).');
  assert.match(da({ code: 'single_class', column: 'syg', value: '1' }), /\(fx 0 og 1\)\.$/);
  assert.equal(da({ code: 'binary' }), 'Filen ser ikke ud til at være en tekstfil (CSV). Vælg en CSV- eller XLSX-fil.');
  assert.match(da({ code: 'too_many_rows', found: 120_000, limit: 100_000 }),
    /^Filen har 120\.000 rækker; der må højst være 100\.000\./);
  assert.match(da({ code: 'missing_value', row: 5, column: 'Alder' }), /^Række 5 i kolonnen "Alder" er tom\./);
  assert.match(da({ code: 'empty_header', row: 1, columnNumber: 3 }), /^Kolonne 3 \(C\) har ingen overskrift i række 1\./);
  assert.match(da({ code: 'too_large', found: 25_000_000, limit: 20_000_000 }),
    /^Filen fylder 25 MB; den må højst fylde 20 MB\./);
  assert.match(da({ code: 'too_large', found: 26_500_000, limit: 20_000_000 }), /fylder 26,5 MB/);
  assert.match(da({ code: 'too_large', found: 20 * 1024 * 1024, limit: 20_000_000 }), /fylder 21 MB/);  // 20 MiB = 20,97 MB
});

test('thousands separators: Danish points, English commas', () => {
  assert.match(importErrorMessage({ code: 'not_a_number', row: 12_345, column: 'x', value: 'a' }, 'da'), /^Række 12\.345 /);
  assert.match(importErrorMessage({ code: 'not_a_number', row: 12_345, column: 'x', value: 'a' }, 'en'), /^Row 12,345 /);
  assert.match(importErrorMessage({ code: 'too_many_rows', found: 120_000, limit: 100_000 }, 'en'),
    /^The file has 120,000 rows; at most 100,000 are allowed\./);
});

test('Excel\'s column letters', () => {
  const cases: [number, string][] = [[1, 'A'], [3, 'C'], [26, 'Z'], [27, 'AA'], [28, 'AB'], [52, 'AZ'], [53, 'BA'], [703, 'AAA']];
  for (const [k, letters] of cases) assert.equal(columnLetters(k), letters, String(k));
});

test('from a bad file to the message the page shows', () => {
  const parsed = parseCsv('Alder;Forbrug;Aktiveret\n50;3500;Ja\n40;2x00;Nej\n61;1800;Nej\n');
  assert.ok(parsed.ok);
  const result = toNeuronData(parsed.value, { target: 'Aktiveret', features: ['Alder', 'Forbrug'] });
  assert.ok(!result.ok);
  assert.match(importErrorMessage(result.error, 'da'), /^Række 3 i kolonnen "Forbrug": "2x00" er ikke et tal\./);
});
