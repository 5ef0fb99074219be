// From a table to the neuron's x and t: target values, the suggested columns, and every check on
// the chosen cells, with the row and column of the first problem (all tables written by hand).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCsv } from '../../web/src/data/csv.ts';
import { MAX_ROWS, suggestColumns, targetValue, toNeuronData, type NeuronData } from '../../web/src/data/dataset.ts';
import type { ImportError } from '../../web/src/data/result.ts';
import { JoinedRows, plainRows, type Table } from '../../web/src/data/table.ts';

function csv(text: string): Table {
  const result = parseCsv(text);
  if (!result.ok) assert.fail(`expected a table, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function data(table: Table, target: string, features: string[]): NeuronData {
  const result = toNeuronData(table, { target, features });
  if (!result.ok) assert.fail(`expected data, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function error(table: Table, target: string, features: string[]): ImportError {
  const result = toNeuronData(table, { target, features });
  if (result.ok) assert.fail('expected an error');
  return result.error;
}

const GOODFOOD = 'Alder,Forbrug,Kon,Aktiveret\n32,2326,0,Nej\n48,2612,0,Ja\n39,2424,1,Ja\n68,2590,0,Nej\n';

test('target values: 0/1, ja/nej, j/n, yes/no, y/n, true/false, sand/falsk, in any case', () => {
  const ones = ['1', 'Ja', 'JA', ' ja ', 'j', 'Yes', 'y', 'TRUE', 'true', 'Sand', '1,0', '1.0', '1,00'];
  const zeros = ['0', 'Nej', 'nej', 'N', 'no', 'n', 'False', 'FALSK', 'falsk', '0,0', '0.0'];
  const neither = ['', '2', '-1', '0,5', 'måske', 'ja!', 'nej tak', '10', '01'];
  for (const cell of ones) assert.equal(targetValue(cell), 1, cell);
  for (const cell of zeros) assert.equal(targetValue(cell), 0, cell);
  for (const cell of neither) assert.equal(targetValue(cell), null, cell);
});

describe('suggested columns', () => {
  test('goodfood: target Aktiveret (not the 0/1 column Kon), inputs Alder and Forbrug', () => {
    assert.deepEqual(suggestColumns(csv(GOODFOOD)), { target: 'Aktiveret', features: ['Alder', 'Forbrug'] });
  });

  test('a column named like a target wins over a later 0/1 column', () => {
    const table = csv('t;x1;x2;x3;Kon\n1;2;3;4;0\n0;5;6;7;1\n');
    assert.deepEqual(suggestColumns(table), { target: 't', features: ['x1', 'x2'] });
  });

  test('otherwise the last two-class column; text columns are never inputs', () => {
    const table = csv('Navn,Alder,Syg,Note\nHans,50,yes,god\nGerda,65,no,\n');
    assert.deepEqual(suggestColumns(table), { target: 'Syg', features: ['Alder'] });
  });

  test('a number column with a typo is still an input, so that the typo is reported', () => {
    const table = csv('Alder;Forbrug;Aktiveret\n50;3500;Ja\n40;2x00;Nej\n61;1800;Nej\n');
    assert.deepEqual(suggestColumns(table), { target: 'Aktiveret', features: ['Alder', 'Forbrug'] });
    const result = toNeuronData(table, { target: 'Aktiveret', features: ['Alder', 'Forbrug'] });
    assert.deepEqual(result.ok ? null : result.error, { code: 'not_a_number', row: 3, column: 'Forbrug', value: '2x00' });
  });

  test('a column with one class cannot be the target', () => {
    const table = csv('x,Aktiveret\n1,Ja\n2,Ja\n');
    assert.deepEqual(suggestColumns(table), { target: null, features: ['x'] });
  });

  test('with no possible target, the last column (which the page then offers) is no input', () => {
    const table = csv('x,y,z\n1,2,3\n4,5,6\n');
    assert.deepEqual(suggestColumns(table), { target: null, features: ['x', 'y'] });
  });

  test('a -1/1 target, as in aimat.dk\'s afstemningsdata.csv', () => {
    const table = csv('targetværdi,x1,x2\n1,2,1\n-1,-1,1\n-1,-1,-1\n1,2,2\n');
    assert.deepEqual(suggestColumns(table), { target: 'targetværdi', features: ['x1', 'x2'] });
    const d = data(table, 'targetværdi', ['x1', 'x2']);
    assert.deepEqual(Array.from(d.t), [1, 0, 0, 1]);
    assert.deepEqual(d.classLabels, ['-1', '1']);
  });
});

describe('the neuron\'s data', () => {
  test('goodfood: x row by row, t from Ja/Nej, and the class labels as the file writes them', () => {
    const d = data(csv(GOODFOOD), 'Aktiveret', ['Alder', 'Forbrug']);
    assert.equal(d.rows, 4);
    assert.equal(d.cols, 2);
    assert.deepEqual(Array.from(d.x), [32, 2326, 48, 2612, 39, 2424, 68, 2590]);
    assert.deepEqual(Array.from(d.t), [0, 1, 1, 0]);
    assert.deepEqual(d.classLabels, ['Nej', 'Ja']);
    assert.deepEqual(d.featureNames, ['Alder', 'Forbrug']);
    assert.equal(d.targetName, 'Aktiveret');
    assert.ok(d.x instanceof Float64Array && d.t instanceof Float64Array);
  });

  test('three inputs, and a 0/1 target', () => {
    const d = data(csv(GOODFOOD), 'Kon', ['Alder', 'Forbrug', 'Alder']);
    assert.equal(d.cols, 2);  // a column ticked twice counts once
    assert.deepEqual(Array.from(d.t), [0, 0, 1, 0]);
    assert.deepEqual(d.classLabels, ['0', '1']);
  });

  test('decimal commas and thousands points in a semicolon file', () => {
    const d = data(csv('Alder;Forbrug;Aktiveret\n32;2.326,5;nej\n48;2612,25;ja\n'), 'Aktiveret', ['Alder', 'Forbrug']);
    assert.deepEqual(Array.from(d.x), [32, 2326.5, 48, 2612.25]);
    assert.deepEqual(d.classLabels, ['nej', 'ja']);
  });

  test('decimal points, and a yes/no target', () => {
    const d = data(csv('x1,x2,label\n0.5,1.25,yes\n-1.5,2,no\n'), 'label', ['x1', 'x2']);
    assert.deepEqual(Array.from(d.x), [0.5, 1.25, -1.5, 2]);
    assert.deepEqual(Array.from(d.t), [1, 0]);
    assert.deepEqual(d.classLabels, ['no', 'yes']);
  });

  test('an xlsx table says its numbers use a decimal point, so "2.326" is 2.326', () => {
    const table: Table = { columns: ['x', 't'], rows: [['2.326', '1'], ['3.5', '0']], decimal: 'point' };
    assert.deepEqual(Array.from(data(table, 't', ['x']).x), [2.326, 3.5]);
  });

  test('columns that are not chosen are not checked', () => {
    const d = data(csv('Navn,Alder,Note,Aktiveret\nHans,50,??,Ja\nGerda,65,,Nej\n'), 'Aktiveret', ['Alder']);
    assert.deepEqual(Array.from(d.x), [50, 65]);
  });
});

describe('problems in the chosen columns', () => {
  test('a cell that is not a number: its row (blank lines counted) and column', () => {
    const table = csv('Alder;Forbrug;Aktiveret\n50;3500;Ja\n40;2x00;Nej\n61;1800;Nej\n');
    assert.deepEqual(error(table, 'Aktiveret', ['Alder', 'Forbrug']),
      { code: 'not_a_number', row: 3, column: 'Forbrug', value: '2x00' });
    const withBlank = csv('Alder;Forbrug;Aktiveret\n50;3500;Ja\n\n\n40;2x00;Nej\n');
    assert.equal(error(withBlank, 'Aktiveret', ['Alder', 'Forbrug']).row, 5);
  });

  test('an empty cell in an input or in the target', () => {
    const table = csv('a,b,t\n1,2,1\n3,,0\n');
    assert.deepEqual(error(table, 't', ['a', 'b']), { code: 'missing_value', row: 3, column: 'b' });
    assert.deepEqual(error(csv('a,t\n1,1\n2,\n'), 't', ['a']), { code: 'missing_value', row: 3, column: 't' });
  });

  test('a target value that is no class', () => {
    const table = csv('Alder,Aktiveret\n50,Ja\n40,Nej\n33,Måske\n');
    assert.deepEqual(error(table, 'Aktiveret', ['Alder']),
      { code: 'target_not_binary', row: 4, column: 'Aktiveret', value: 'Måske' });
  });

  test('a target with only one class', () => {
    const table = csv('Alder,Aktiveret\n50,Ja\n40,ja\n');
    assert.deepEqual(error(table, 'Aktiveret', ['Alder']), { code: 'single_class', column: 'Aktiveret', value: 'Ja' });
  });

  test('no input, the target as input, and a column the file does not have', () => {
    const table = csv(GOODFOOD);
    assert.deepEqual(error(table, 'Aktiveret', []), { code: 'no_features' });
    assert.deepEqual(error(table, 'Aktiveret', ['Alder', 'Aktiveret']), { code: 'target_is_feature', column: 'Aktiveret' });
    assert.deepEqual(error(table, 'Aktiveret', ['Højde']), { code: 'unknown_column', column: 'Højde' });
    assert.deepEqual(error(table, 'Mål', ['Alder']), { code: 'unknown_column', column: 'Mål' });
  });

  test('a table built in code: rows are numbered from 2, and at most MAX_ROWS of them', () => {
    const table: Table = { columns: ['x', 't'], rows: [['1', '0'], ['2', 'x']] };
    assert.equal(error(table, 't', ['x']).row, 3);
    assert.equal(MAX_ROWS, 100_000);
    const big: Table = { columns: ['x', 't'], rows: Array.from({ length: 100_001 }, (_, i) => [String(i), String(i % 2)]) };
    assert.deepEqual(error(big, 't', ['x']), { code: 'too_many_rows', limit: 100_000, found: 100_001 });
  });
});

describe('a file read for the page keeps its rows joined, and reads the same', () => {
  const joined = (text: string): Table => {
    const t = parseCsv(text, { joined: true });
    assert.ok(t.ok);
    return t.value;
  };

  test('the same suggestion, numbers and messages as rows kept as arrays', () => {
    // ';' with decimal comma, a -1/1 target, a column of words, a trailing empty column
    const text = 'a;b;navn;y;\n1,5;2;x;-1;\n2,5;3;y;1;\n3,5;4;z;-1;\n';
    const plain = csv(text), compact = joined(text);
    assert.deepEqual(compact.columns, ['a', 'b', 'navn', 'y']);
    assert.deepEqual(plainRows(compact), plainRows(plain));
    assert.deepEqual(suggestColumns(compact), { target: 'y', features: ['a', 'b'] });
    assert.deepEqual(suggestColumns(compact), suggestColumns(plain));
    assert.deepEqual(data(compact, 'y', ['a', 'b']), data(plain, 'y', ['a', 'b']));
    assert.deepEqual(Array.from(data(compact, 'y', ['a']).x), [1.5, 2.5, 3.5]);
    assert.deepEqual(error(compact, 'y', ['navn']), { code: 'not_a_number', row: 2, column: 'navn', value: 'x' });
  });

  test('rows kept as bytes grow past their first guess and give back every cell, æ, ø, å and emoji too', () => {
    const rows = new JoinedRows(0);  // 1 024 bytes to start with
    const row = (m: number) => [String(m), 'æble ø å', m % 2 ? '😀' : '', 'x'.repeat(m % 50)];
    for (let m = 0; m < 1000; m++) rows.push(row(m));
    assert.equal(rows.length, 1000);
    for (const m of [0, 1, 499, 999]) assert.deepEqual(rows.cells(m), row(m));
  });

  test('a cell holding the separator U+001F keeps its place (the character becomes a space)', () => {
    const t = joined('x,t\n"1\u001f2",1\n3,0\n');
    assert.deepEqual(plainRows(t), [['1 2', '1'], ['3', '0']]);
  });
});
