// The fuzz loop for the page's data import (TypeScript only: web/src/data), run by `npm run fuzz`:
// seeded random mutations of the files in tests/fuzz/corpus/csv (sheet.xlsx written by
// tests/fixtures/xlsx-writer.ts) go through readDataFile → suggestColumns → toNeuronData, as a
// teacher's file does. Nothing may throw; an error must be one of the documented ImportError codes
// with a sensible row; a table must be rectangular with unique names; the numbers handed to the
// core finite, the targets 0 or 1; and a 4 KB file must not cost hundreds of megabytes.
// A worker runs the loop and the main thread watches it, so an input that hangs is caught too.
//
//   node --import tsx tests/fuzz/csv-fuzz.ts --corpus DIR [--seconds 10] [--seed 1] [--timeout 10]
//                                            [--current FILE]   fuzz for a fixed time
//   node --import tsx tests/fuzz/csv-fuzz.ts --reproduce FILE…  run inputs once
// --current FILE: where the failing input is left, as the C++ driver leaves it (16-byte header:
// executions and length, little-endian uint64; then the bytes), for scripts/fuzz.mjs to save.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseCsv } from '../../web/src/data/csv.ts';
import { suggestColumns, toNeuronData } from '../../web/src/data/dataset.ts';
import { MAX_ROWS } from '../../web/src/data/limits.ts';
import { detectDecimal, parseNumber } from '../../web/src/data/numbers.ts';
import { readDataFile } from '../../web/src/data/read-file.ts';
import { IMPORT_ERROR_CODES, type ImportError, type Result } from '../../web/src/data/result.ts';
import { plainRows, type Table } from '../../web/src/data/table.ts';

const MAX_LENGTH = 4096;
// Reading a file of at most MAX_LENGTH bytes may raise the process's peak memory by this much at
// most: anything more is an allocation that a damaged header talked the reader into.
const MAX_GROWTH_MB = 512;
const CODES = new Set<string>(IMPORT_ERROR_CODES);

class InvariantError extends Error {
  override name = 'InvariantError';
}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new InvariantError(what);
}

// ── the invariants of one input ─────────────────────────────────────────────────────────────────
function checkError(error: ImportError, lines: number, zip: boolean, where: string): void {
  check(CODES.has(error.code), `${where}: unknown error code ${JSON.stringify(error.code)}`);
  for (const key of ['row', 'columnNumber', 'limit', 'found', 'expected'] as const) {
    const v = error[key];
    check(v === undefined || (Number.isInteger(v) && v >= 0), `${where}: ${key} = ${v}`);
  }
  if (error.row !== undefined) check(error.row >= 1 && (zip || error.row <= lines + 1), `${where}: row ${error.row} of ${lines + 1} lines`);
}

function checkTable(table: Table, lines: number, zip: boolean): void {
  const width = table.columns.length;
  check(width >= 1 && table.rows.length >= 1 && table.rows.length <= MAX_ROWS, 'table shape');
  check(table.columns.every((c) => c !== '') && new Set(table.columns).size === width, 'column names empty or repeated');
  for (const row of plainRows(table)) {
    check(row.length === width, `a row of ${row.length} cells under ${width} columns`);
    check(row.every((cell) => typeof cell === 'string' && cell === cell.trim()), 'a cell is not trimmed text');
  }
  const numbers = table.rowNumbers;
  if (numbers) {
    check(numbers.length === table.rows.length, 'row numbers');
    numbers.forEach((n, i) => check(Number.isInteger(n) && n >= 2 && (i === 0 || n > numbers[i - 1]) && (zip || n <= lines + 1),
      `row number ${n}`));
  }
  const mark = detectDecimal(plainRows(table).flat());
  for (const cell of plainRows(table).flat().slice(0, 200)) {
    const x = parseNumber(cell, mark);
    check(x === null || Number.isFinite(x), `parseNumber(${JSON.stringify(cell)}) = ${x}`);
  }
}

function checkData(table: Table, target: string, features: string[], lines: number, zip: boolean): void {
  const result = toNeuronData(table, { target, features });
  const where = `toNeuronData(${JSON.stringify(target)}, ${JSON.stringify(features)})`;
  if (!result.ok) {
    checkError(result.error, lines, zip, where);
    return;
  }
  const d = result.value;
  check(d.rows === table.rows.length && d.cols === new Set(features).size, `${where}: shape`);
  check(d.x.length === d.rows * d.cols && d.t.length === d.rows, `${where}: lengths`);
  check(d.x.every(Number.isFinite), `${where}: a non-finite x`);
  check(d.t.every((t) => t === 0 || t === 1) && d.t.includes(0) && d.t.includes(1), `${where}: t not two classes of 0 and 1`);
  check(d.classLabels.every((l) => typeof l === 'string' && l !== ''), `${where}: class labels`);
}

async function checkInput(bytes: Uint8Array, pick: Random): Promise<void> {
  let lines = 0;
  for (const b of bytes) if (b === 10 || b === 13) lines++;
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;  // an .xlsx: rows are the sheet's, not lines
  const name = bytes.length % 2 ? 'data.csv' : 'data.xlsx';  // the name only picks an error's wording
  const result: Result<Table> = await readDataFile(name, bytes);
  if (!result.ok) {
    checkError(result.error, lines, zip, 'readDataFile');
  } else {
    const table = result.value;
    checkTable(table, lines, zip);
    const suggestion = suggestColumns(table);
    check(suggestion.target === null || table.columns.includes(suggestion.target), 'suggested target');
    check(suggestion.features.length <= 2 && suggestion.features.every((f) => table.columns.includes(f) && f !== suggestion.target),
      'suggested features');
    if (suggestion.target !== null) checkData(table, suggestion.target, suggestion.features, lines, zip);
    // Any choice a user can tick, also a target among the inputs or a name the table lacks.
    const names = [...table.columns, 'ukendt'];
    const features = names.filter(() => pick.below(3) === 0);
    checkData(table, names[pick.below(names.length)], features, lines, zip);
  }
  // The same bytes a few at a time, the rows kept joined (as the page's worker reads a file): the
  // same table or the same error (joined rows keep U+001F, their separator, as a space).
  const pieces = await readDataFile(name, bytes, { pieceBytes: 1 + pick.below(64), joined: true });
  const same = (r: Result<Table>) =>
    (r.ok ? { ...r.value, rows: plainRows(r.value).map((row) => row.map((cell) => cell.replaceAll('\u001f', ' '))) } : r);
  check(JSON.stringify(same(pieces)) === JSON.stringify(same(result)), 'readDataFile in pieces differs from the whole');
  // parseCsv on the bytes as Latin-1 characters: every delimiter, quote and line end combination.
  const text = String.fromCharCode(...bytes);
  const table = parseCsv(text);
  if (table.ok) checkTable(table.value, lines, false);
  else checkError(table.error, lines, false, 'parseCsv');
}

// ── seeded random numbers and mutations (as tests/fuzz/mutator.cpp does for the C++ readers) ────
class Random {
  private s: Uint32Array;
  constructor(seed: number) {
    this.s = new Uint32Array([seed ^ 0x9e3779b9, seed * 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f]);
    for (let i = 0; i < 16; i++) this.next();
  }
  next(): number {  // xoshiro128**
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
    return result;
  }
  below(n: number): number {
    return n <= 0 ? 0 : this.next() % n;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const encoder = new TextEncoder();
const TOKENS: Uint8Array[] = [';', ',', '\t', '"', '""', '\r\n', '\n', '\r', ' ', 'sep=;\n', 'sep=,\r\n', 'sep=\t',
  '1,5', '2.326,5', '1 200,25', '-0,25', '.5', '1e3', '1e309', '-1e309', 'NaN', 'Infinity', '0x10', '12,345.6', 'ja',
  'nej', 'Ja', 'NEJ', 'true', 'false', 'y', 'n', '-1', '0', '1', '1,0', '0.0', 't', 'Aktiveret', '\u2212', '\u00a0',
  '\u202f', '\ufeff', 'æøå', '😀', '\u0000', '%PDF-', 'PK\u0003\u0004'].map((s) => encoder.encode(s));
const RAW: Uint8Array[] = [[0xff, 0xfe], [0xfe, 0xff], [0xc3], [0xe6], [0xf8], [0xed, 0xa0, 0x80], [0xd0, 0xcf, 0x11, 0xe0,
  0xa1, 0xb1, 0x1a, 0xe1], [0x50, 0x4b, 0x05, 0x06], [0x80], [0x1b]].map((b) => Uint8Array.from(b));

const WORDS = [0, 1, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0x1a000000, 0x00100000];

function splice(b: Uint8Array, at: number, remove: number, insert: Uint8Array = new Uint8Array()): Uint8Array {
  const out = new Uint8Array(b.length - remove + insert.length);
  out.set(b.subarray(0, at));
  out.set(insert, at);
  out.set(b.subarray(at + remove), at + insert.length);
  return out;
}

function mutate(input: Uint8Array, other: Uint8Array, r: Random): Uint8Array {
  let b = input;
  for (let round = 1 + r.below(8); round > 0; round--) {
    const n = b.length;
    switch (r.below(11)) {
      case 0: if (n) { b = b.slice(); b[r.below(n)] ^= 1 << r.below(8); } break;                         // flip a bit
      case 1: if (n) { b = b.slice(); b[r.below(n)] = r.below(256); } break;                             // set a byte
      case 2: b = splice(b, r.below(n + 1), 0, Uint8Array.from({ length: 1 + r.below(8) }, () => r.below(256))); break;
      case 3: if (n) { const at = r.below(n); b = splice(b, at, 1 + r.below(Math.min(n - at, 16))); } break;  // delete
      case 4: if (n) {                                                                                    // duplicate a chunk
        const at = r.below(n);
        b = splice(b, r.below(n + 1), 0, b.slice(at, at + 1 + r.below(Math.min(n - at, 64))));
      } break;
      case 5: b = splice(b, r.below(n + 1), 0, TOKENS[r.below(TOKENS.length)]); break;                   // a token
      case 6: b = splice(b, r.below(n + 1), 0, RAW[r.below(RAW.length)]); break;                         // raw bytes
      case 7: if (other.length) b = Uint8Array.from([...b.subarray(0, r.below(n + 1)), ...other.subarray(r.below(other.length))]); break;
      case 8: if (n) b = b.slice(0, r.below(n)); break;                                                   // truncate
      case 9: b = splice(b, r.below(n + 1), 0, new Uint8Array(1 + r.below(64)).fill(n ? b[r.below(n)] : 59)); break;
      case 10: if (n >= 4) {                                 // a little-endian extreme: a zip's sizes, offsets, counts
        b = b.slice();
        new DataView(b.buffer).setUint32(r.below(n - 3), WORDS[r.below(WORDS.length)], true);
      } break;
    }
  }
  return b.length > MAX_LENGTH ? b.slice(0, MAX_LENGTH) : b;
}

// ── the loop (worker) and its watchdog (main thread) ────────────────────────────────────────────
interface Options { corpus: string[]; reproduce: string[]; seconds: number; seed: number; timeout: number; current: string }

function parseOptions(argv: string[]): Options {
  const o: Options = { corpus: [], reproduce: [], seconds: 10, seed: 1, timeout: 10, current: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reproduce') o.reproduce.push(...argv.splice(i + 1));
    else if (arg === '--corpus') o.corpus.push(argv[++i]);
    else if (arg === '--seconds') o.seconds = Number(argv[++i]);
    else if (arg === '--seed') o.seed = Number(argv[++i]);
    else if (arg === '--timeout') o.timeout = Number(argv[++i]);
    else if (arg === '--current') o.current = argv[++i];
    else throw new Error(`unknown option ${arg}`);
  }
  return o;
}

function seeds(dirs: string[]): Uint8Array[] {
  const files = dirs.flatMap((dir) => readdirSync(dir).sort().map((f) => join(dir, f)));
  return [new Uint8Array(), ...files.map((f) => new Uint8Array(readFileSync(f)).slice(0, MAX_LENGTH))];
}

// The shared memory: [executions, length] as Int32, then the input being run.
const HEADER = 8;

async function loop(o: Options, shared: SharedArrayBuffer): Promise<void> {
  const state = new Int32Array(shared, 0, 2);
  const bytes = new Uint8Array(shared, HEADER);
  const corpus = seeds(o.corpus);
  const r = new Random(o.seed);
  const started = performance.now();
  let executions = 0;
  const run = async (input: Uint8Array) => {
    bytes.set(input);
    Atomics.store(state, 1, input.length);
    Atomics.add(state, 0, 1);
    executions++;
    await checkInput(input, new Random(input.length * 31 + (input[0] ?? 0)));
  };
  for (const seed of corpus) await run(seed);
  const peakMb = () => process.resourceUsage().maxRSS / 1024;
  const baseline = peakMb();
  while (performance.now() - started < o.seconds * 1000) {
    await run(mutate(corpus[r.below(corpus.length)], corpus[r.below(corpus.length)], r));
    check(peakMb() - baseline <= MAX_GROWTH_MB, `memory: the process peaked at ${Math.round(peakMb())} MB ` +
      `(${Math.round(baseline)} MB before) reading a ${Atomics.load(state, 1)}-byte file`);
  }
  parentPort!.postMessage({ executions, seconds: (performance.now() - started) / 1000, seeds: corpus.length - 1 });
}

function saveCurrent(path: string, executions: number, input: Uint8Array): void {
  if (!path) return;
  const header = Buffer.alloc(16);
  header.writeBigUInt64LE(BigInt(executions), 0);
  header.writeBigUInt64LE(BigInt(input.length), 8);
  writeFileSync(path, Buffer.concat([header, input]));
}

function watch(o: Options): void {
  const shared = new SharedArrayBuffer(HEADER + MAX_LENGTH);
  const state = new Int32Array(shared, 0, 2);
  const current = () => new Uint8Array(shared, HEADER, Atomics.load(state, 1)).slice();
  // Node 20 does not hand tsx's loader to a worker: the worker registers it, then loads this file.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { o, shared } });
  let last = -1, since = Date.now(), finished = false;
  const fail = (why: string) => {
    if (finished) return;
    finished = true;
    clearInterval(timer);
    saveCurrent(o.current, Atomics.load(state, 0), current());
    console.error(why);
    void worker.terminate();
    process.exitCode = 1;
  };
  const timer = setInterval(() => {
    const n = Atomics.load(state, 0);
    if (n !== last) [last, since] = [n, Date.now()];
    else if (n > 0 && Date.now() - since > o.timeout * 1000) fail(`TIMEOUT: one execution has run for more than ${o.timeout} s`);
  }, 200);
  worker.on('message', (m: { executions: number; seconds: number; seeds: number }) => {
    finished = true;
    clearInterval(timer);
    console.log(`FUZZ-SUMMARY executions=${m.executions} seconds=${m.seconds.toFixed(1)} seeds=${m.seeds}`);
  });
  // An InvariantError is a broken invariant; anything else thrown is a bug of its own.
  worker.on('error', (e) => fail(`FAILED: ${e.stack ?? e}`));
  worker.on('exit', (code) => { if (code !== 0 && !finished) fail(`the worker exited with ${code}`); });
}

async function reproduce(files: string[]): Promise<void> {
  const peakMb = () => process.resourceUsage().maxRSS / 1024;
  for (const file of files) {
    const input = new Uint8Array(readFileSync(file));
    const [before, started] = [peakMb(), performance.now()];
    await checkInput(input, new Random(input.length * 31 + (input[0] ?? 0)));
    const [ms, growth] = [performance.now() - started, peakMb() - before];
    check(growth <= MAX_GROWTH_MB, `memory: ${file} raised the peak by ${Math.round(growth)} MB in ${Math.round(ms)} ms`);
    console.log(`ok ${file} (${input.length} bytes, ${Math.round(ms)} ms)`);
  }
}

if (!isMainThread) {
  const { o, shared } = workerData as { o: Options; shared: SharedArrayBuffer };
  await loop(o, shared);
} else {
  const o = parseOptions(process.argv.slice(2));
  if (o.reproduce.length) await reproduce(o.reproduce);
  else watch(o);
}
