// Vectors.load of the word2vec wasm module: every file format it reads, built here from numbers
// chosen by hand (the binary and compact encoders below follow the specs in
// wasm/core/word2vec/vector_io.hpp, not our writers), and every kind of broken file, which must come
// back as the documented status with the right 1-based line / vector and leave the vectors loaded
// before untouched.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Vectors } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './wasm-module.ts';

const core = await loadWord2VecCore();
const made: Vectors[] = [];
after(() => made.forEach((v) => v.delete()));

function vectors(): Vectors {
  const v = new core.Vectors();
  made.push(v);
  return v;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

// Five words, four numbers each. konge and æble have norms 2 and 2, so their unit vectors are exact
// in float: (½, ½, ½, ½) and (−1, 0, 0, 0).
type Row = [word: string, values: number[]];
const ROWS: Row[] = [
  ['konge', [1, 1, 1, 1]],
  ['dronning', [0.5, -0.25, 0.125, 3]],
  ['æble', [-2, 0, 0, 0]],
  ['ørn', [0.1, -2.5, 3.25, 0.7]],
  ['ål', [0.001, 2000, -7, 0]],
];
const DIM = 4;
const WORDS = ROWS.map(([w]) => w);

// The unit vector of the floats the file holds, in double.
function unitOf(values: number[]): number[] {
  const f = values.map(Math.fround);
  const norm = Math.sqrt(f.reduce((s, x) => s + x * x, 0));
  return f.map((x) => x / norm);
}

// vector(i) is the float unit vector: the core rounds twice (1/‖v‖ to float, then each product), so
// each component is within 2 float roundings (2·2⁻²⁴ relative) of the exact unit vector; 2⁻²² leaves
// room and is still far below any mistake in the normalisation.
function assertUnitVector(got: Float32Array, values: number[], what: string): void {
  const expected = unitOf(values);
  assert.equal(got.length, expected.length, `${what}: length`);
  expected.forEach((e, i) =>
    assert.ok(Math.abs(got[i] - e) <= 2 ** -22 * Math.abs(e), `${what}[${i}]: got ${got[i]}, expected ${e}`));
}

function assertHoldsRows(v: Vectors, rows: Row[], dim: number, what: string): void {
  assert.equal(v.size(), rows.length, `${what}: size`);
  assert.equal(v.dim(), dim, `${what}: dim`);
  assert.equal(v.words(), rows.map(([w]) => `${w}\n`).join(''), `${what}: words`);
  rows.forEach(([w, values], i) => {
    assert.equal(v.word(i), w, `${what}: word(${i})`);
    assert.equal(v.find(w), i, `${what}: find(${w})`);
    assertUnitVector(v.vector(i), values, `${what}: vector(${i}) ${w}`);
  });
}

// ── encoders, from the specs ──────────────────────────────────────────────────────────────────

// word2vec -binary 1: "count dim\n", then per vector the word, ' ', dim float32 little-endian, '\n'.
function binaryFile(rows: Row[], dim: number, options: { header?: string; newline?: boolean } = {}): Uint8Array {
  const parts = [utf8(options.header ?? `${rows.length} ${dim}\n`)];
  for (const [word, values] of rows) {
    const floats = new DataView(new ArrayBuffer(4 * values.length));
    values.forEach((x, i) => floats.setFloat32(4 * i, x, true));
    parts.push(utf8(`${word} `), new Uint8Array(floats.buffer));
    if (options.newline ?? true) parts.push(utf8('\n'));
  }
  return concat(parts);
}

// AIVEC1: magic, uint32 count, dim, W; the words each + '\n' (W bytes); count float32 scales;
// count × dim int8 values. All little-endian.
interface CompactRow { word: string; q: number[]; scale: number }
function compactFile(rows: CompactRow[], dim: number, edit: (head: DataView) => void = () => {}): Uint8Array {
  const words = utf8(rows.map((r) => `${r.word}\n`).join(''));
  const head = new DataView(new ArrayBuffer(20));
  [...'AIVEC1'].forEach((c, i) => head.setUint8(i, c.charCodeAt(0)));  // bytes 6, 7 stay 0
  head.setUint32(8, rows.length, true);
  head.setUint32(12, dim, true);
  head.setUint32(16, words.length, true);
  edit(head);
  const scales = new DataView(new ArrayBuffer(4 * rows.length));
  rows.forEach((r, v) => scales.setFloat32(4 * v, r.scale, true));
  const values = Int8Array.from(rows.flatMap((r) => r.q));
  return concat([new Uint8Array(head.buffer), words, new Uint8Array(scales.buffer), new Uint8Array(values.buffer)]);
}

// Reconstruction by hand: value i = int8 × scale (in float), e.g. 127 × 0.5 = 63.5.
const COMPACT: CompactRow[] = [
  { word: 'konge', q: [127, -127, 0, 64], scale: 0.5 },      // → 63.5, −63.5, 0, 32
  { word: 'æble', q: [-1, 2, -3, 127], scale: 0.01 },        // → −0.01, 0.02, −0.03, 1.27 (float)
  { word: 'ørn', q: [0, 0, 0, 0], scale: 0 },                // the zero vector
  { word: 'ål', q: [-128, 1, 0, 0], scale: 2 ** -10 },       // −128 is a valid int8 too
];
const COMPACT_VALUES: Row[] = [
  ['konge', [63.5, -63.5, 0, 32]],
  ['æble', [-1, 2, -3, 127].map((q) => Math.fround(q * Math.fround(0.01)))],
  ['ørn', [0, 0, 0, 0]],
  ['ål', [-0.125, 2 ** -10, 0, 0]],
];

const line = (row: Row, format: (x: number) => string = String) => `${row[0]} ${row[1].map(format).join(' ')}`;
const WORD2VEC_TEXT = `5 4\n${ROWS.map((r) => line(r)).join('\n')}\n`;

describe('word2vec wasm: every vector format loads', () => {
  test('word2vec text with a header line', () => {
    const v = vectors();
    assert.deepEqual(v.load(utf8(WORD2VEC_TEXT)), { ok: true, status: 'ok', line: -1, vector: -1 });
    assertHoldsRows(v, ROWS, DIM, 'word2vec text');
    assert.deepEqual(Array.from(v.vector(0)), [0.5, 0.5, 0.5, 0.5]);  // (1, 1, 1, 1)/2, exact
    assert.deepEqual(Array.from(v.vector(2)), [-1, 0, 0, 0]);
  });

  test('a word the file writes with a capital is found as written', () => {
    const v = vectors();
    assert.equal(v.load(utf8('2 2\nKøbenhavn 1 0\nby 0 1\n')).status, 'ok');
    assert.equal(v.find('København'), 0);
    assert.equal(v.find('KØBENHAVN'), -1, 'lower-cased it is "københavn", which the file does not have');
  });

  test('find is case-insensitive, also for æ, ø and å; unknown words and indices', () => {
    const v = vectors();
    assert.equal(v.load(utf8(WORD2VEC_TEXT)).status, 'ok');
    assert.deepEqual(['KONGE', 'Dronning', 'ÆBLE', 'Ørn', 'ÅL', 'æble'].map((w) => v.find(w)), [0, 1, 2, 3, 4, 2]);
    assert.equal(v.find('prinsesse'), -1);
    assert.equal(v.find(''), -1);
    assert.equal(v.word(5), '');
    assert.equal(v.word(-1), '');
    assert.equal(v.vector(5).length, 0);
  });

  test('fastText .vec: a space after the last number, numbers in exponent form', () => {
    const text = `5 4\n${ROWS.map((r) => `${line(r, (x) => x.toExponential())} `).join('\n')}\n`;
    assert.match(text, /ål 1e-3 2e\+3 -7e\+0 0e\+0 \n/);
    const v = vectors();
    assert.equal(v.load(utf8(text)).status, 'ok');
    assertHoldsRows(v, ROWS, DIM, 'fastText');
  });

  test('GloVe: no header, CRLF, a BOM, a blank line, tabs, ".5", "5." and "+" spellings, no final newline', () => {
    const spell = (x: number) => (x === 0.5 ? '.5' : x === 3 ? '3.' : x === 1 ? '+1' : x.toFixed(6));
    const body = ROWS.map((r) => line(r, spell)).join('\r\n').replace('ørn ', 'ørn\t');
    const v = vectors();
    assert.equal(v.load(concat([Uint8Array.of(0xef, 0xbb, 0xbf), utf8(body.replace('\r\næble', '\r\n\r\næble'))])).status, 'ok');
    assertHoldsRows(v, ROWS, DIM, 'GloVe');
  });

  test('word2vec binary, with and without the newline after each record', () => {
    for (const newline of [true, false]) {
      const v = vectors();
      assert.equal(v.load(binaryFile(ROWS, DIM, { newline })).status, 'ok', `newline ${newline}`);
      assertHoldsRows(v, ROWS, DIM, `binary, newline ${newline}`);
      assert.deepEqual(Array.from(v.vector(0)), [0.5, 0.5, 0.5, 0.5]);
    }
  });

  test('the compact AIVEC1 format: int8 × scale per vector', () => {
    const v = vectors();
    assert.equal(v.load(compactFile(COMPACT, DIM)).status, 'ok');
    assert.equal(v.size(), 4);
    assert.equal(v.dim(), DIM);
    assert.equal(v.words(), 'konge\næble\nørn\nål\n');
    COMPACT_VALUES.forEach(([w], i) => assert.equal(v.find(w.toUpperCase()), i, w));
    // The unit vectors of the values reconstructed by hand above (the scale itself cancels in a unit
    // vector; that it multiplies shows in the overflow case among the broken files).
    assertUnitVector(v.vector(0), COMPACT_VALUES[0][1], 'konge');
    assertUnitVector(v.vector(1), COMPACT_VALUES[1][1], 'æble');
    assert.deepEqual(Array.from(v.vector(2)), [0, 0, 0, 0], 'a zero scale is the zero vector');
    assertUnitVector(v.vector(3), COMPACT_VALUES[3][1], 'ål: byte 0x80 is −128');
  });
});

// ── broken files ──────────────────────────────────────────────────────────────────────────────

interface Broken { what: string; bytes: Uint8Array; status: string; line: number; vector: number }
const text = (what: string, s: string, status: string, lineNo: number, vector: number): Broken =>
  ({ what, bytes: utf8(s), status, line: lineNo, vector });
const [KONGE, DRONNING, AEBLE] = ROWS.map((r) => line(r));

const BROKEN: Broken[] = [
  text('empty bytes', '', 'empty', -1, -1),
  text('only blank lines', '\n  \r\n\t\n', 'empty', -1, -1),
  // Text: line numbers count every line, header and blank lines included.
  text('fewer lines than the header says', `3 4\n${KONGE}\n${DRONNING}\n`, 'truncated', 4, 3),
  // A last line without a newline, short, while the header promises more lines: cut off.
  text('cut off in the middle of a line', `4 4\n${KONGE}\n${DRONNING}\næble -2 0`, 'truncated', 4, 3),
  text('cut off inside a number ("1e" of "1e-05")', `4 4\n${KONGE}\n${DRONNING}\næble -2 0 0 1e`, 'truncated', 4, 3),
  text('cut off after a word', `4 4\n${KONGE}\n${DRONNING}\næble`, 'truncated', 4, 3),
  // … but short as the last promised line, text cannot tell a cut from a wrong count.
  text('the last promised line short, no newline', `3 4\n${KONGE}\n${DRONNING}\næble -2 0`, 'wrong_column_count', 4, 3),
  text('header dim 5, lines of 4 numbers', `2 5\n${KONGE}\n${DRONNING}\n`, 'wrong_column_count', 2, 1),
  text('"3 4 5" is no header: a GloVe line of 2 numbers, then 4', `3 4 5\n${KONGE}\n`, 'wrong_column_count', 2, 2),
  text('a line with a number too few', `2 4\n${KONGE}\ndronning 1 2 3\n`, 'wrong_column_count', 3, 2),
  text('a line with a number too many (GloVe)', `${KONGE}\n${DRONNING} 7\n`, 'wrong_column_count', 2, 2),
  text('nan', `2 4\n\n${KONGE}\n\ndronning 1 nan 1 1\n`, 'non_finite', 5, 2),
  text('NaN in GloVe', `${KONGE}\ndronning 1 NaN 1 1\n`, 'non_finite', 2, 2),
  text('inf', `2 4\n${KONGE}\ndronning inf 1 1 1\n`, 'non_finite', 3, 2),
  text('-Infinity', `${KONGE}\ndronning 1 1 1 -Infinity\n${AEBLE}\n`, 'non_finite', 2, 2),
  text('a decimal beyond the float range', `2 4\n${KONGE}\ndronning 1 1e39 1 1\n`, 'non_finite', 3, 2),
  text('absurd dimensions "10 999999"', `10 999999\n${KONGE}\n`, 'absurd_size', 1, -1),
  text('count 0', `0 4\n${KONGE}\n`, 'absurd_size', 1, -1),
  text('dim 0', `2 0\n${KONGE}\n`, 'absurd_size', 1, -1),
  text('a GloVe line of 2001 numbers', `w${' 0.5'.repeat(2001)}\n`, 'absurd_size', 1, 1),
  text('a duplicate word', `3 4\n${KONGE}\n${DRONNING}\n${KONGE}\n`, 'duplicate_word', 4, 3),
  text('a decimal comma "0,5"', `3 4\n${KONGE}\ndronning 1 0,5 1 1\n${AEBLE}\n`, 'not_a_number', 3, 2),
  text('a word where a number belongs', `${KONGE}\ndronning 1 en 1 1\n`, 'not_a_number', 2, 2),
  text('more lines than the header says', `2 4\n${KONGE}\n${DRONNING}\n${AEBLE}\n`, 'extra_vectors', 4, 3),
  text('a line starting with a space', `2 4\n${KONGE}\n 1 2 3 4\n`, 'empty_word', 3, 2),
  // Binary: line 1 for the header, −1 otherwise.
  { what: 'binary cut off inside the last record', bytes: binaryFile(ROWS.slice(0, 3), DIM).slice(0, -7),
    status: 'truncated', line: -1, vector: 3 },
  { what: 'binary cut off after the last word', bytes: binaryFile(ROWS.slice(0, 3), DIM).slice(0, -(1 + 4 * DIM + 1)),
    status: 'truncated', line: -1, vector: 3 },
  { what: 'binary with fewer records than the header says', bytes: binaryFile(ROWS.slice(0, 3), DIM, { header: '4 4\n' }),
    status: 'truncated', line: -1, vector: 4 },
  { what: 'binary NaN', bytes: binaryFile([ROWS[0], ['dronning', [1, NaN, 1, 1]]], DIM), status: 'non_finite', line: -1, vector: 2 },
  { what: 'binary +inf', bytes: binaryFile([ROWS[0], ROWS[1], ['æble', [1, 1, 1, Infinity]]], DIM),
    status: 'non_finite', line: -1, vector: 3 },
  { what: 'binary duplicate word', bytes: binaryFile([ROWS[0], ROWS[1], ROWS[0]], DIM), status: 'duplicate_word', line: -1, vector: 3 },
  { what: 'binary with more records than the header says', bytes: binaryFile(ROWS.slice(0, 3), DIM, { header: '2 4\n' }),
    status: 'extra_vectors', line: -1, vector: 3 },
  { what: 'binary with absurd dimensions', bytes: binaryFile(ROWS, DIM, { header: '5 999999\n' }),
    status: 'absurd_size', line: 1, vector: -1 },
  // A damaged header is not "count dim", so the file is not recognised as binary (vector_io.hpp,
  // detectVectorFormat) and is read as headerless text: "5 four" is the word "5" with one value.
  { what: 'binary with a damaged header "5 four"', bytes: binaryFile(ROWS, DIM, { header: '5 four\n' }),
    status: 'not_a_number', line: 1, vector: 1 },
  // Compact: vector numbers are 1-based; the header problems are about no vector.
  { what: 'compact with a bad magic', bytes: compactFile(COMPACT, DIM, (h) => h.setUint8(7, 1)),
    status: 'bad_compact_file', line: -1, vector: -1 },
  { what: 'compact one byte short', bytes: compactFile(COMPACT, DIM).slice(0, -1), status: 'bad_compact_file', line: -1, vector: -1 },
  { what: 'compact with a count that disagrees with the words', bytes: compactFile(COMPACT, DIM, (h) => h.setUint32(8, 3, true)),
    status: 'bad_compact_file', line: -1, vector: -1 },
  { what: 'compact with absurd dimensions', bytes: compactFile(COMPACT, DIM, (h) => h.setUint32(12, 999999, true)),
    status: 'absurd_size', line: -1, vector: -1 },
  { what: 'compact with a negative scale', bytes: compactFile([COMPACT[0], { ...COMPACT[1], scale: -0.01 }], DIM),
    status: 'bad_compact_file', line: -1, vector: 2 },
  { what: 'compact with a NaN scale', bytes: compactFile([COMPACT[0], COMPACT[1], { ...COMPACT[3], scale: NaN }], DIM),
    status: 'non_finite', line: -1, vector: 3 },
  // 2e38 × 1 is a float, 2e38 × 2 is not: the scale really multiplies the int8.
  { what: 'compact: int8 × scale beyond the float range', bytes: compactFile([COMPACT[0], { word: 'stor', q: [1, 2, 0, 0], scale: 2e38 }], DIM),
    status: 'non_finite', line: -1, vector: 2 },
  { what: 'compact duplicate word', bytes: compactFile([COMPACT[0], COMPACT[1], COMPACT[0]], DIM), status: 'duplicate_word', line: -1, vector: 3 },
  { what: 'compact empty word', bytes: compactFile([COMPACT[0], { ...COMPACT[1], word: '' }], DIM), status: 'empty_word', line: -1, vector: 2 },
];

describe('word2vec wasm: broken files say what and where, and change nothing', () => {
  const v = vectors();
  assert.equal(v.load(utf8(WORD2VEC_TEXT)).status, 'ok');
  const neighboursBefore = v.neighbours(v.find('konge'), 4);

  for (const b of BROKEN) {
    test(b.what, () => {
      assert.deepEqual(v.load(b.bytes), { ok: false, status: b.status, line: b.line, vector: b.vector });
      assert.equal(v.size(), ROWS.length);
      assert.equal(v.dim(), DIM);
      assert.equal(v.words(), WORDS.map((w) => `${w}\n`).join(''));
      assert.deepEqual(v.neighbours(v.find('konge'), 4), neighboursBefore);
      assertUnitVector(v.vector(3), ROWS[3][1], 'ørn');
    });
  }

  test('the encoders make good files when nothing is broken (so the cases above fail for their reason)', () => {
    const w = vectors();
    assert.equal(w.load(compactFile([COMPACT[0], { word: 'stor', q: [1, 0, 0, 0], scale: 2e38 }], DIM)).status, 'ok');
    assert.equal(w.load(binaryFile(ROWS.slice(0, 3), DIM)).status, 'ok');
    assert.equal(w.load(utf8(`3 4\n${KONGE}\ndronning 1 0.5 1 1\n${AEBLE}\n`)).status, 'ok');
    assert.equal(w.load(utf8(`${KONGE}\n${DRONNING}\n${AEBLE}`)).status, 'ok');
    // The encoders themselves, byte by byte: 1.0f is 3F800000, little-endian 00 00 80 3F.
    assert.deepEqual(Array.from(binaryFile([['a', [1]]], 1)), [...utf8('1 1\na '), 0, 0, 0x80, 0x3f, 10]);
    assert.deepEqual(Array.from(compactFile([{ word: 'a', q: [-1], scale: 1 }], 1)),
      [...utf8('AIVEC1'), 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, ...utf8('a\n'), 0, 0, 0x80, 0x3f, 0xff]);
  });
});
