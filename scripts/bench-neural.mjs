// The neural language model part of `npm run bench` (also runnable alone: node scripts/bench-neural.mjs).
// Training throughput of the course's neural-network language model (wasm/core/language/neural_model.hpp)
// in words (rows) per second: our native core (lm neural-train) against PyTorch (scripts/neural_lm_torch.py),
// both on one thread, on the same rows with the same sizes, batch, optimiser and float64 numbers;
// PyTorch in float32 as an extra column (not like for like: our core computes in double).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ROOT } from './steps.mjs';

const CORPUS = join(ROOT, '../shared/data/da/corpora/adl/adl_norm_modernprose_1M.txt.gz');
const ROWS = 100_000;         // whole lines up to at least this many words: 5–10 s of training per run
const HELD_OUT_LINES = 100;   // lm neural-train scores a held-out text; small, and outside its timing
const REPEATS = 3;
const WARMUP = 20;             // PyTorch's untimed mini-batches on a throwaway model first
// The notes' example sizes (c = 3, m = 100, d = 50) with V = 2 000 words + the unknown word.
const MODEL = { context: 3, dim: 100, hidden: 50, maxVocab: 2000, batch: 32, optimiser: 'adam', lr: 0.01, epochs: 1, seed: 1 };
const TORCH_SCRIPT = join(ROOT, 'scripts/neural_lm_torch.py');
const PYTHON = '/usr/bin/python3';  // Debian's, the one python3-torch installs into
const TARGET = 1.0;                 // ours native / PyTorch float64, one thread

const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// { text, ours, wasm, float64, float32, torchSkipped } or { skipped } without ../shared.
export async function measureNeural() {
  if (!existsSync(CORPUS)) return { skipped: 'skipped: ../shared/data not found' };
  const tmp = mkdtempSync(join(tmpdir(), 'aiv-bench-neural-'));
  try {
    const text = writeTexts(tmp);
    const runs = { ours: [], wasm: [], float64: [], float32: [] };
    const wasmCore = await loadWasm();
    let torchSkipped = null;
    // Alternating, so that a busy neighbour on the machine hits all alike.
    for (let r = 0; r < REPEATS; r++) {
      runs.ours.push(ours(text));
      runs.wasm.push(wasm(wasmCore, text));
      for (const dtype of ['float64', 'float32']) {
        if (torchSkipped) continue;
        const run = pytorch(text, dtype);
        if (run.skipped) torchSkipped = run.skipped;
        else runs[dtype].push(run);
      }
    }
    for (const run of [...runs.wasm, ...runs.float64, ...runs.float32])
      if (run.rows !== runs.ours[0].rows || run.vocabulary !== runs.ours[0].vocabulary)
        throw new Error(`PyTorch (${run.dtype}) trained ${run.rows} rows over V = ${run.vocabulary}, ours ` +
          `${runs.ours[0].rows} over V = ${runs.ours[0].vocabulary}: the two tokenise the text differently`);
    return { text, ours: median(runs.ours), wasm: median(runs.wasm), float64: median(runs.float64), float32: median(runs.float32), torchSkipped };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// The run with the median rate (its own seconds and loss beside it), or null for none.
function median(runs) {
  if (runs.length === 0) return null;
  return [...runs].sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)];
}

// The first whole lines that hold ROWS words train; the next HELD_OUT_LINES lines are held out.
function writeTexts(tmp) {
  const lines = gunzipSync(readFileSync(CORPUS)).toString('utf8').split('\n');
  let words = 0;
  let end = 0;
  while (end < lines.length && words < ROWS) words += lines[end++].split(/\s+/).filter(Boolean).length;
  const train = join(tmp, 'train.txt');
  const heldOut = join(tmp, 'held-out.txt');
  writeFileSync(train, lines.slice(0, end).join('\n') + '\n');
  writeFileSync(heldOut, lines.slice(end, end + HELD_OUT_LINES).join('\n') + '\n');
  return { train, heldOut, lines: end, words };
}

// lm neural-train's words/s: rows of an epoch / seconds of that epoch's training loop (one thread;
// --threads is for its held-out scoring only, which is not timed).
function ours({ train, heldOut }) {
  const args = ['neural-train', '--input', train, '--held-out', heldOut, '--context', MODEL.context, '--dim', MODEL.dim,
    '--hidden', MODEL.hidden, '--max-vocab', MODEL.maxVocab, '--batch', MODEL.batch, '--optimiser', MODEL.optimiser,
    '--lr', MODEL.lr, '--epochs', MODEL.epochs, '--seed', MODEL.seed, '--threads', 1, '--json'].map(String);
  const r = spawnSync(join(ROOT, 'build/native/lm'), args, { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(`lm ${args.join(' ')} failed:\n${r.stderr ?? ''}${r.error ?? ''}`);
  const out = JSON.parse(r.stdout);
  const epochs = out.epochs.filter((e) => e.epoch > 0);
  const seconds = epochs.reduce((sum, e) => sum + out.trainWords / e.wordsPerSecond, 0);
  return { rows: out.trainWords, vocabulary: out.vocabulary, seconds, rate: (epochs.length * out.trainWords) / seconds,
    loss: epochs.at(-1).trainLossPerWord };
}

// The SIMD build, the one the page's worker loads in every browser with wasm SIMD (language-loader.ts).
async function loadWasm() {
  const { default: create } = await import(join(ROOT, 'build/wasm/language_core_simd.mjs'));
  return create({ wasmBinary: readFileSync(join(ROOT, 'build/wasm/language_core_simd.wasm')) });
}

// The same epoch through the wasm module the page's worker uses (NeuralLm of language_core_simd, node's V8 as in Chromium):
// the text counted as lm counts it (no sentence-end word), all of it training, V = 2 000 + «ukendt».
function wasm(core, { train }) {
  const text = new core.NgramModel();
  text.build(readFileSync(train, 'utf8'), false);
  const lm = new core.NeuralLm();
  try {
    const setup = lm.setup(text, { contextWords: MODEL.context, hidden: MODEL.hidden, activation: 'sigmoid', optimiser: MODEL.optimiser,
      learningRate: MODEL.lr, batchSize: MODEL.batch, trainVectors: false, useVectors: false, randomDim: MODEL.dim,
      maxWords: MODEL.maxVocab, trainShare: 1, maxHeldOut: 0, seed: MODEL.seed });
    if (setup.status !== 'ok') throw new Error(`NeuralLm.setup: ${setup.status}`);
    lm.train(WARMUP);  // as PyTorch's warm-up (on the model itself here; 20 of ~3 000 batches)
    const batches = Math.ceil(setup.trainRows / MODEL.batch);
    const began = performance.now();
    const r = lm.train(batches);
    const seconds = (performance.now() - began) / 1000;
    if (r.status !== 'ok') throw new Error(`NeuralLm.train: ${r.status}`);
    return { rows: setup.trainRows, vocabulary: setup.vocabularySize, seconds, rate: setup.trainRows / seconds,
      loss: lm.evaluate(false).lossPerWord };
  } finally {
    lm.delete();
    text.delete();
  }
}

// Exit code 3 (or no Debian python3) means torch cannot be imported: a note, not a failure.
function pytorch({ train }, dtype) {
  const env = { ...process.env };
  // Without them OpenBLAS picks its kernels and cache sizes for the CPU it runs on, not forced ones.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const args = [TORCH_SCRIPT, '--input', train, '--context', MODEL.context, '--dim', MODEL.dim, '--hidden', MODEL.hidden,
    '--max-vocab', MODEL.maxVocab, '--batch', MODEL.batch, '--optimiser', MODEL.optimiser, '--lr', MODEL.lr,
    '--epochs', MODEL.epochs, '--seed', MODEL.seed, '--warmup', WARMUP, '--dtype', dtype].map(String);
  const r = spawnSync(PYTHON, args, { encoding: 'utf8', env, maxBuffer: 16 << 20 });
  if (r.error?.code === 'ENOENT') return { skipped: `${PYTHON} not found` };
  if (r.status === 3) return { skipped: r.stderr.trim() };
  if (r.status !== 0) throw new Error(`${PYTHON} ${args.join(' ')} failed:\n${r.stderr ?? ''}${r.error ?? ''}`);
  const out = JSON.parse(r.stdout);
  return { dtype, rows: out.rows, vocabulary: out.vocabulary, seconds: out.seconds, rate: out.wordsPerSecond,
    loss: out.trainLossPerWord.at(-1), cpuPerWall: out.cpuSeconds / out.seconds, threads: out.threads,
    version: out.torch, blas: blasName(out.blas) };
}

// Which BLAS torch loaded, e.g. "openblas-pthread/libopenblasp-r0.3.21.so" (Debian's reference BLAS is "blas/libblas.so.3").
function blasName(paths) {
  const path = paths.find((p) => p.includes('libopenblas')) ?? paths.find((p) => p.includes('libblas')) ?? '';
  return path ? `${basename(dirname(path))}/${basename(path)}` : 'none found';
}

export function printNeural(result) {
  const s = MODEL;
  console.log(`\nNeural language model training: our native core against PyTorch on one thread (the notes' model: ` +
    `c = ${s.context} context words of m = ${s.dim}, d = ${s.hidden} sigmoid neurons, V = ${fmt(s.maxVocab)} words + the ` +
    `unknown word, mini-batches of B = ${s.batch} with the mean gradient, ${s.optimiser === 'adam' ? 'Adam' : 'SGD'} ` +
    `η ${s.lr}, ${s.epochs} epoch; median of ${REPEATS} runs each)\n`);
  if (result.skipped) {
    console.log(result.skipped);
    return;
  }
  const { text, ours: o, wasm: w, float64, float32, torchSkipped } = result;
  console.log(`Text: ${CORPUS.replace(join(ROOT, '..'), '..')}, the first ${fmt(text.lines)} lines: ${fmt(o.rows)} words, ` +
    `so ${fmt(o.rows)} rows (context → next word) for each trainer, V = ${fmt(o.vocabulary)}.\n`);
  const ratio = (peer) => (peer ? fmt(o.rate / peer.rate, 2) : '–');
  const rate = (peer) => (peer ? fmt(peer.rate) : 'skipped');
  console.log('| ours | rows | training s | ours words/s | PyTorch float64 words/s | ours / PyTorch float64 | ' +
    'extra: PyTorch float32 words/s | ours / PyTorch float32 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  console.log(`| native core (lm neural-train, built with -march=native), float64, 1 thread | ${fmt(o.rows)} | ${fmt(o.seconds, 2)} | ${fmt(o.rate)} | ` +
    `${rate(float64)} | ${float64 ? `**${ratio(float64)}**` : '–'} | ${rate(float32)} | ${ratio(float32)} |`);
  const wasmRatio = (peer) => (peer ? fmt(w.rate / peer.rate, 2) : '–');
  console.log(`| wasm core (NeuralLm, the page's SIMD module, node's V8), float64 | ${fmt(w.rows)} | ${fmt(w.seconds, 2)} | ${fmt(w.rate)} | ` +
    `${rate(float64)} | ${float64 ? `**${wasmRatio(float64)}**` : '–'} | ${rate(float32)} | ${wasmRatio(float32)} |`);
  console.log('\nWord vectors random (uniform in ±1) and frozen in both: a throughput row, and random vectors do ' +
    'the same work as word2vec ones. Timed: the epoch\'s training loop alone (reading the text, building the rows, ' +
    `the held-out scores and PyTorch's ${WARMUP} warm-up mini-batches on a throwaway model left out).`);
  if (torchSkipped) console.log(`PyTorch: skipped (${torchSkipped}).`);
  const peers = [float64, float32].filter(Boolean);
  if (peers.length)
    console.log(`PyTorch ${peers[0].version} (Debian python3-torch), torch.set_num_threads(${peers[0].threads}), BLAS ` +
      `${peers[0].blas}, nn.Linear layers, cross_entropy, torch.optim.Adam as it comes; CPU s / wall s ` +
      `${peers.map((p) => `${fmt(p.cpuPerWall, 2)} (${p.dtype})`).join(', ')}: one thread. Training loss per word ` +
      `after the epoch (the same model from different random starts): ours ${fmt(o.loss, 3)}, ` +
      `${peers.map((p) => `PyTorch ${p.dtype} ${fmt(p.loss, 3)}`).join(', ')}.`);
  console.log(`\nTargets: ours native / PyTorch float64, one thread ≥ ${fmt(TARGET, 2)} ` +
    `(${float64 ? ratio(float64) : 'not measured: PyTorch skipped'}); wasm / PyTorch float64 ≥ 0.50 ` +
    `(${float64 ? wasmRatio(float64) : 'not measured: PyTorch skipped'}; wasm / native ${fmt(w.rate / o.rate, 2)}).`);
}

// Run alone: install and build what it needs first (bench.mjs has done that when it calls us).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ensurePackages, BENCH_PACKAGES } = await import('./system.mjs');
  const { buildNative } = await import('./steps.mjs');
  ensurePackages(BENCH_PACKAGES);
  const { buildWasm } = await import('./steps.mjs');
  buildNative('lm');
  buildWasm();
  printNeural(await measureNeural());
}
