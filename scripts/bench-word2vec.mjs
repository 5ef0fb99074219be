// The word2vec part of `npm run bench` (also runnable alone: node scripts/bench-word2vec.mjs [vectors.aivec]).
// Measures in one run, so ratios compare like with like:
//  - query speed: nearest neighbours and analogies (a − b + c, 3CosAdd), k = 10, on the shipped
//    Danish vectors and on 200 000 × 300 random vectors, in native C++ (vector_query_bench), in the
//    wasm module under node, and in a plain JavaScript loop; all three must give the same best word;
//  - training speed: corpus words per second per thread of our trainer (native and wasm), fastText
//    and gensim with the same settings on the same corpus.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ROOT } from './steps.mjs';

const K = 10;
const QUERIES = 50;        // of each kind, per vector set
const QUERY_SEED = 2026;
const RANDOM_WORDS = 200_000;
const RANDOM_DIM = 300;
const RANDOM_SEED = 1;
const FREQUENT = 10_000;   // query words come from the most frequent words, as a student's would
const TIE = 1e-5;          // best scores this close count as a tie (the three sum in different orders)
const SHIPPED = join(ROOT, 'data/vectors-da.aivec');
const CORPUS = join(ROOT, '../shared/data/da/corpora/adl/adl_norm_modernprose_5M.txt.gz');
// The same settings for every trainer (word2vec's skip-gram defaults; fastText's own lr would be 0.05).
const TRAIN = { dim: 100, window: 5, negatives: 5, minCount: 5, sample: 1e-4, epochs: 1, lr: 0.025 };

const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A small seeded generator (mulberry32): the same vectors and queries on every run.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function benchWord2Vec({ shipped = SHIPPED } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'aiv-bench-w2v-'));
  try {
    // The SIMD build: what browsers with wasm SIMD load (web/src/wasm/word2vec-loader.ts).
    const { default: createWord2VecCore } = await import(join(ROOT, 'build/wasm/word2vec_core_simd.mjs'));
    const core = await createWord2VecCore({ wasmBinary: readFileSync(join(ROOT, 'build/wasm/word2vec_core_simd.wasm')) });
    printQueryTable(queryRows(core, tmp, shipped), shipped);
    printTrainingTable(trainingRows(core, tmp));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ── Query speed ──────────────────────────────────────────────────────────────────────────────

function queryRows(core, tmp, shipped) {
  const rows = [];
  const name = shipped === SHIPPED ? 'data/vectors-da.aivec' : shipped;
  if (existsSync(shipped))
    rows.push(...timeQueries(core, tmp, { name, file: shipped, space: decodeCompact(readFileSync(shipped)), shipped: true }));
  else rows.push({ name, skipped: `skipped: ${name} not built yet` });
  const file = join(tmp, 'random.bin');
  const space = randomVectors();
  writeFileSync(file, word2vecBinary(space));
  rows.push(...timeQueries(core, tmp, { name: 'random', file, space, shipped: false }));
  return rows;
}

// The app's compact format (wasm/core/word2vec/vector_io.hpp): value = int8 × the vector's scale.
function decodeCompact(bytes) {
  if (bytes.toString('latin1', 0, 6) !== 'AIVEC1') throw new Error('not an AIVEC1 file');
  const [count, dim, wordBytes] = [8, 12, 16].map((at) => bytes.readUInt32LE(at));
  const words = bytes.toString('utf8', 20, 20 + wordBytes).split('\n').slice(0, count);
  const scalesAt = 20 + wordBytes;
  const valuesAt = scalesAt + 4 * count;
  const rows = new Float32Array(count * dim);
  for (let v = 0; v < count; v++) {
    const scale = bytes.readFloatLE(scalesAt + 4 * v);
    for (let i = 0; i < dim; i++) rows[v * dim + i] = bytes.readInt8(valuesAt + v * dim + i) * scale;
  }
  return { words, dim, rows };
}

// Uniform numbers in [−0.5, 0.5): no structure, only size (the worst case for a page to search).
function randomVectors() {
  const next = random(RANDOM_SEED);
  const rows = new Float32Array(RANDOM_WORDS * RANDOM_DIM);
  for (let i = 0; i < rows.length; i++) rows[i] = next() - 0.5;
  return { words: Array.from({ length: RANDOM_WORDS }, (_, w) => `w${w}`), dim: RANDOM_DIM, rows };
}

// word2vec's binary format (-binary 1): "count dim\n", then word, ' ', dim float32 LE, '\n'.
function word2vecBinary({ words, dim, rows }) {
  const header = Buffer.from(`${words.length} ${dim}\n`);
  const names = words.map((w) => Buffer.from(w + ' '));
  const out = Buffer.alloc(header.length + names.reduce((sum, n) => sum + n.length + 4 * dim + 1, 0));
  let at = header.copy(out, 0);
  const floats = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);  // little-endian, as x86 and wasm
  names.forEach((name, w) => {
    at += name.copy(out, at);
    at += floats.copy(out, at, 4 * w * dim, 4 * (w + 1) * dim);
    out[at++] = 0x0a;
  });
  return out;
}

// As the core's VectorSpace: the norm summed in double, the inverse rounded to float.
function normalise(v, at, dim) {
  let norm = 0;
  for (let i = 0; i < dim; i++) norm += v[at + i] * v[at + i];
  if (norm <= 0) return;
  const inverse = Math.fround(1 / Math.sqrt(norm));
  for (let i = 0; i < dim; i++) v[at + i] *= inverse;
}

// Query words: seeded, from the frequent words that the wasm module's lower-casing find() keeps.
function pickQueries(words) {
  const next = random(QUERY_SEED);
  const pool = words.slice(0, FREQUENT).filter((w) => w === w.toLowerCase());
  const pick = () => pool[Math.floor(next() * pool.length)];
  const neighbours = Array.from({ length: QUERIES }, () => [pick()]);
  const analogies = Array.from({ length: QUERIES }, () => {
    const three = new Set();
    while (three.size < 3) three.add(pick());
    return [...three];
  });
  return { neighbours, analogies };
}

// One set of vectors: native, then wasm, then JavaScript, on the same queries.
function timeQueries(core, tmp, { name, file, space, shipped }) {
  const queries = pickQueries(space.words);
  const all = [...queries.neighbours, ...queries.analogies];
  const native = nativeQueries(tmp, file, all);
  const wasm = wasmQueries(core, file, all);
  const js = jsQueries(space, all);
  return ['neighbours', 'analogy'].map((kind, part) => {
    const [n, m, j] = [native, wasm, js].map((answers) => answers.slice(part * QUERIES, (part + 1) * QUERIES));
    const ties = checkSameTop(name, queries[kind === 'neighbours' ? 'neighbours' : 'analogies'], [n, m, j]);
    const ms = (answers) => median(answers.map((a) => a.ms));
    return { name, kind, shipped, words: space.words.length, dim: space.dim, ties,
      native: ms(n), wasm: ms(m), js: ms(j) };
  });
}

function nativeQueries(tmp, file, queries) {
  const list = join(tmp, 'queries.txt');
  writeFileSync(list, queries.map((q) => q.join(' ')).join('\n') + '\n');
  const out = execFileSync(join(ROOT, 'build/native/vector_query_bench'), [file, list, String(K)],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out).queries;
}

// Timed as the page asks: find the words, then the query, with the answer copied out of wasm.
function wasmQueries(core, file, queries) {
  const vectors = new core.Vectors();
  try {
    const loaded = vectors.load(readFileSync(file));
    if (!loaded.ok) throw new Error(`wasm cannot load ${file}: ${loaded.status}`);
    return queries.map((q) => {
      const began = performance.now();
      const index = q.map((w) => vectors.find(w));
      const matches = index.length === 1 ? vectors.neighbours(index[0], K) : vectors.analogy(...index, K, 0);
      const ms = performance.now() - began;
      if (index.includes(-1) || matches.indices.length === 0) throw new Error(`wasm does not know ${q.join(' ')}`);
      return { ms, top: vectors.word(matches.indices[0]), score: matches.scores[0] };
    });
  } finally {
    vectors.delete();
  }
}

// The straightforward JavaScript version: unit vectors in one Float32Array, a dot product per word,
// the k best kept in a sorted array (ties to the earlier, more frequent word, as the core does).
function jsQueries({ words, dim, rows }, queries) {
  const unit = rows.slice();
  for (let w = 0; w < words.length; w++) normalise(unit, w * dim, dim);
  const indexOf = new Map(words.map((w, i) => [w, i]));
  return queries.map((q) => {
    const began = performance.now();
    const index = q.map((w) => indexOf.get(w));
    const query = new Float32Array(dim);
    for (let i = 0; i < dim; i++)
      query[i] = index.length === 1 ? unit[index[0] * dim + i]
        : unit[index[0] * dim + i] - unit[index[1] * dim + i] + unit[index[2] * dim + i];
    normalise(query, 0, dim);
    const best = nearest(unit, words.length, dim, query, index);
    const ms = performance.now() - began;
    return { ms, top: words[best[0].word], score: best[0].score };
  });
}

function nearest(unit, count, dim, query, exclude) {
  const best = [];
  for (let w = 0; w < count; w++) {
    if (exclude.includes(w)) continue;
    let score = 0;
    for (let i = 0; i < dim; i++) score += query[i] * unit[w * dim + i];
    if (best.length === K && score <= best[K - 1].score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].score < score) at--;
    best.splice(at, 0, { word: w, score });
    if (best.length > K) best.pop();
  }
  return best;
}

// Throws unless all three give the same best word; returns how many queries were ties instead.
function checkSameTop(name, queries, [native, ...others]) {
  let ties = 0;
  queries.forEach((q, i) => {
    const differs = others.filter((o) => o[i].top !== native[i].top);
    if (differs.length === 0) return;
    if (differs.some((o) => Math.abs(o[i].score - native[i].score) > TIE))
      throw new Error(`${name}: native, wasm and JavaScript disagree on "${q.join(' ')}": ` +
        [native, ...others].map((a) => `${a[i].top} (${a[i].score})`).join(' / '));
    ties++;
  });
  return ties;
}

function printQueryTable(rows, shipped) {
  console.log(`\nword2vec queries (k = ${K}, median of ${QUERIES} seeded queries of each kind; wasm (SIMD build) and JavaScript in node ${process.version})\n`);
  console.log('| vectors | query | native ms | wasm ms | JavaScript ms | wasm / native | JavaScript / wasm |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    if (r.skipped) {
      console.log(`| ${r.name} | ${r.skipped} | | | | | |`);
      continue;
    }
    const kind = r.kind === 'neighbours' ? 'nearest neighbours' : 'analogy a − b + c (3CosAdd)';
    console.log(`| ${r.name} (${fmt(r.words)} × ${r.dim}) | ${kind} | ${fmt(r.native, 2)} | ${fmt(r.wasm, 2)} | ` +
      `${fmt(r.js, 2)} | ${fmt(r.wasm / r.native, 2)} | ${fmt(r.js / r.wasm, 2)} |`);
  }
  const ties = rows.reduce((sum, r) => sum + (r.ties ?? 0), 0);
  console.log(`\nAll three give the same best word for every query${ties ? ` (${ties} near-ties within ${TIE})` : ''}.`);
  const shippedRows = rows.filter((r) => r.shipped);
  console.log('Target: < 5 ms per query on the shipped vectors in wasm' + (shippedRows.length
    ? ` (${shippedRows.map((r) => `${r.kind} ${fmt(r.wasm, 2)} ms`).join(', ')}).` : ` (not measured: ${shipped} is missing).`));
}

// ── Training speed ───────────────────────────────────────────────────────────────────────────
// Words per second per thread, counted as corpus tokens of words in the vocabulary (min count 5,
// before subsampling) per second of training alone (vocabulary building left out), per thread.

function trainingRows(core, tmp) {
  if (!existsSync(CORPUS)) return { skipped: 'skipped: ../shared/data not found' };
  const corpus = join(tmp, 'corpus.txt');
  writeFileSync(corpus, gunzipSync(readFileSync(CORPUS)));
  const lines = countLines(corpus);
  // Alternating tools and thread counts, so that a busy neighbour on the machine hits all alike.
  const ours1 = oursNative(tmp, corpus, 1);
  const rows = [ours1, oursWasm(core, corpus), fastText(tmp, corpus, 1, ours1.tokens, lines), gensim(corpus, 1),
    oursNative(tmp, corpus, 2), fastText(tmp, corpus, 2, ours1.tokens, lines), gensim(corpus, 2)];
  return { rows, lines };
}

function countLines(file) {
  const bytes = readFileSync(file);
  let lines = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
}

// Ours: "words/s/thread N (training only)" = epochs × vocabulary tokens / training seconds / threads.
function oursNative(tmp, corpus, threads) {
  const args = ['train', '--input', corpus, '--output', join(tmp, 'ours.bin'), '--dim', TRAIN.dim, '--window', TRAIN.window,
    '--negatives', TRAIN.negatives, '--min-count', TRAIN.minCount, '--sample', TRAIN.sample, '--epochs', TRAIN.epochs,
    '--lr', TRAIN.lr, '--threads', threads, '--seed', 1].map(String);
  const log = runLogged(join(ROOT, 'build/native/w2v'), args);
  const rate = Number(log.match(/words\/s\/thread (\d+) \(training only\)/)[1]);
  const tokens = Number(log.match(/(\d+) tokens in/)[1]);
  return { name: 'ours, native', threads, tokens, rate, seconds: (TRAIN.epochs * tokens) / rate / threads };
}

// The same core in wasm, one thread: setup (count, vocabulary, encode) untimed, train() timed.
function oursWasm(core, corpus) {
  const trainer = new core.Word2VecTrainer();
  try {
    const status = trainer.setup(readFileSync(corpus, 'utf8'), { architecture: 'skipgram', output: 'negative',
      dim: TRAIN.dim, window: TRAIN.window, negatives: TRAIN.negatives, sample: TRAIN.sample, epochs: TRAIN.epochs,
      learningRate: TRAIN.lr, seed: 1, minCount: TRAIN.minCount });
    if (status !== 'ok') throw new Error(`wasm trainer: ${status}`);
    const began = performance.now();
    const progress = trainer.train();
    const seconds = (performance.now() - began) / 1000;
    return { name: 'ours, wasm (SIMD) in node', threads: 1, tokens: progress.tokens, rate: progress.wordsTotal / seconds, seconds };
  } finally {
    trainer.delete();
  }
}

// fastText prints words/sec/thread after its threads join: tokens / seconds since the threads
// started / threads. It counts each line end as a token ("</s>", trained like a word) and trains
// until it has passed as many vocabulary tokens as the corpus has tokens (out-of-vocabulary words
// included), so a little over one epoch. Its rate times tokens / (tokens + line ends) is the rate
// in corpus tokens of vocabulary words, as ours counts them (same tokens: it splits on the same white
// space, with the same min count), and its seconds are those for one pass over them.
function fastText(tmp, corpus, threads, tokens, lines) {
  const args = ['skipgram', '-input', corpus, '-output', join(tmp, 'fasttext'), '-minn', 0, '-maxn', 0, '-bucket', 0,
    '-dim', TRAIN.dim, '-ws', TRAIN.window, '-neg', TRAIN.negatives, '-minCount', TRAIN.minCount, '-t', TRAIN.sample,
    '-epoch', TRAIN.epochs, '-lr', TRAIN.lr, '-thread', threads, '-verbose', 2].map(String);
  const log = runLogged('fasttext', args);
  const reported = Number([...log.matchAll(/words\/sec\/thread:\s*(\d+)/g)].at(-1)[1]);
  const rate = reported * tokens / (tokens + lines);
  return { name: `fastText ${debianVersion('fasttext')} (Debian)`, threads, tokens, rate,
    seconds: (TRAIN.epochs * tokens) / rate / threads, note: `it reports ${fmt(reported)}, counting line ends` };
}

function debianVersion(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.replace(/\+.*/, '') : '';
}

// gensim: build_vocab untimed, train() timed; its tokens are the summed counts of its vocabulary.
// corpus_file mode, gensim's fastest: each worker reads its own part of the file, without the GIL.
const GENSIM = `
import json, sys, time
import gensim
from gensim.models import Word2Vec
corpus, workers, dim, window, negative, min_count, sample, epochs, alpha = sys.argv[1:]
m = Word2Vec(vector_size=int(dim), window=int(window), negative=int(negative), min_count=int(min_count),
             sample=float(sample), sg=1, hs=0, workers=int(workers), alpha=float(alpha), seed=1)
m.build_vocab(corpus_file=corpus)
began = time.perf_counter()
m.train(corpus_file=corpus, total_examples=m.corpus_count, total_words=m.corpus_total_words, epochs=int(epochs))
seconds = time.perf_counter() - began
tokens = int(sum(m.wv.get_vecattr(w, 'count') for w in m.wv.index_to_key))
print(json.dumps({'seconds': seconds, 'tokens': tokens, 'version': gensim.__version__}))
`;

function gensim(corpus, workers) {
  const args = ['-c', GENSIM, corpus, workers, TRAIN.dim, TRAIN.window, TRAIN.negatives, TRAIN.minCount, TRAIN.sample,
    TRAIN.epochs, TRAIN.lr].map(String);
  const r = JSON.parse(execFileSync('/usr/bin/python3', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  return { name: `gensim ${r.version} (Debian)`, threads: workers, tokens: r.tokens, seconds: r.seconds,
    rate: (TRAIN.epochs * r.tokens) / r.seconds / workers };
}

// Runs a tool, returns what it printed (both streams), throws with its output when it fails.
function runLogged(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const log = (r.stdout ?? '') + (r.stderr ?? '');
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${log}${r.error ?? ''}`);
  return log;
}

function printTrainingTable(result) {
  const s = TRAIN;
  console.log(`\nword2vec training (skip-gram, dim ${s.dim}, window ${s.window}, ${s.negatives} negatives, min count ` +
    `${s.minCount}, sample ${s.sample}, lr ${s.lr}, ${s.epochs} epoch; one run each)\n`);
  if (result.skipped) {
    console.log(result.skipped);
    return;
  }
  const { rows } = result;
  const peer = (threads) => Math.max(...rows.filter((r) => r.threads === threads && !r.name.startsWith('ours'))
    .map((r) => r.rate));
  console.log(`Corpus: ${CORPUS.replace(join(ROOT, '..'), '..')}, ${fmt(rows[0].tokens)} tokens of vocabulary words ` +
    `in ${fmt(result.lines)} lines.\n`);
  console.log('| trainer | threads | vocabulary tokens | training s per epoch | words/s/thread | / faster peer (native, same threads) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(`| ${r.name}${r.note ? `; ${r.note}` : ''} | ${r.threads} | ${fmt(r.tokens)} | ${fmt(r.seconds, 2)} | ` +
      `${fmt(r.rate)} | ${fmt(r.rate / peer(r.threads), 2)} |`);
  const ours = (name, threads) => rows.find((r) => r.name === name && r.threads === threads).rate;
  console.log(`\nTargets: ours native / faster peer ≥ 1.00 (1 thread ${fmt(ours('ours, native', 1) / peer(1), 2)}, ` +
    `2 threads ${fmt(ours('ours, native', 2) / peer(2), 2)}); ours in wasm / faster peer native, 1 thread ≥ 0.50 ` +
    `(${fmt(ours('ours, wasm (SIMD) in node', 1) / peer(1), 2)}).`);
}

// Run alone: install and build what it needs first (bench.mjs has done that when it calls us).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ensureNode, ensurePackages, BENCH_PACKAGES } = await import('./system.mjs');
  const { buildNative, buildWasm } = await import('./steps.mjs');
  ensureNode();
  ensurePackages(BENCH_PACKAGES);
  buildNative();
  buildWasm();
  await benchWord2Vec({ shipped: process.argv[2] ?? SHIPPED });
}
