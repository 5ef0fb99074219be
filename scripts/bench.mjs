// npm run bench: a printed table, not a test. Measures in one run, so ratios compare like with like:
//  - iterations per second of the wasm core (under node's V8, as in Chromium) against the native
//    build, on the default Good Food data (100 rows) and on a 10 000-row set from the same generator;
//  - the race page's Good Food race (squared error and cross-entropy from start 10, step for step)
//    to 200 000 iterations, in wasm against native (target: under 2 s of wasm time);
//  - the gzip size of everything the neuron page loads in Chromium (target: ≤ 300 KB);
//  - 200 000 iterations in the neuron page and the race in the race page, in Chromium: wall time,
//    frames drawn per second (target ≥ 30 on the race page) and the longest main-thread task;
//  - word2vec: query speed (native, wasm, plain JavaScript) and training speed against fastText and
//    gensim (scripts/bench-word2vec.mjs);
//  - neural language model training throughput: our native core and the page's wasm module against
//    PyTorch on one thread, words per second on the same rows (float64 like for like, float32 as an extra; scripts/bench-neural.mjs);
//  - the Ordvektorer page in Chromium: download size with its vectors, memory, answer times
//    (scripts/bench-explorer.mjs);
//  - the Træn word2vec page in Chromium: training words/s against native, frames per second
//    (scripts/bench-train-page.mjs);
//  - the pages at their limits: each page's longest task at start, the largest table and text
//    loaded (time, longest task, memory), Pause at 100 000 rows (scripts/bench-limits.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countFrames, frameCounts, gzipSizes, recordBodies, resetFrames, withChromium } from './bench-browser.mjs';
import { measureExplorer, printExplorer } from './bench-explorer.mjs';
import { benchWord2Vec } from './bench-word2vec.mjs';
import { measureNeural, printNeural } from './bench-neural.mjs';
import { measureLimits, printLimits } from './bench-limits.mjs';
import { measureTrainPage, printTrainPage } from './bench-train-page.mjs';
import { BENCH_PACKAGES, ensureNode, ensurePackages } from './system.mjs';
import { buildNative, buildPage, buildWasm, ensureNodeModules, ROOT } from './steps.mjs';

const REPEATS = 5;
const RACE_CHUNK = 1000;  // as neuron_bench's race mode: the two neurons take turns

ensureNode();
ensurePackages(BENCH_PACKAGES);
ensureNodeModules();
buildNative();
buildWasm();
buildPage();

const native = (file, iterations, mode) => JSON.parse(execFileSync(join(ROOT, 'build/native/neuron_bench'),
  [file, String(iterations), String(REPEATS), ...(mode === 'race' ? ['race'] : [])], { encoding: 'utf8' }));

const tmp = mkdtempSync(join(tmpdir(), 'aiv-bench-'));
const bigFile = join(tmp, 'goodfood_10000.csv');
writeFileSync(bigFile, execFileSync(join(ROOT, 'build/native/goodfood_generate'), ['2026', '10000']));
const defaultFile = join(ROOT, 'data/goodfood.csv');

const { default: createNeuronCore } = await import(join(ROOT, 'build/wasm/neuron_core.mjs'));
const core = await createNeuronCore({ wasmBinary: readFileSync(join(ROOT, 'build/wasm/neuron_core.wasm')) });

function readGoodFood(file) {
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
  const x = new Float64Array(lines.length * 2);
  const t = new Float64Array(lines.length);
  lines.forEach((line, m) => {
    const [age, spending, , activated] = line.split(',');
    x[2 * m] = Number(age);
    x[2 * m + 1] = Number(spending);
    t[m] = activated.startsWith('Ja') ? 1 : 0;
  });
  return { x, t, rows: lines.length };
}

// The same settings as neuron_bench: the notes' neuron, or the race's two neurons from start 10.
function wasm(file, iterations, mode) {
  const { x, t, rows } = readGoodFood(file);
  const losses = mode === 'race' ? ['squared', 'cross_entropy'] : ['squared'];
  const seconds = [];
  let finalLoss = NaN;
  for (let r = 0; r < REPEATS; r++) {
    const neurons = losses.map((loss) => {
      const neuron = new core.Neuron();
      neuron.setup(x, rows, 2, t, { activation: 'sigmoid', loss, gradient: 'sum', eta: 0.001, standardize: true,
        start: { kind: 'constant', value: mode === 'race' ? 10 : 0 }, seed: 1 });
      return neuron;
    });
    const chunk = mode === 'race' ? RACE_CHUNK : iterations;
    const began = performance.now();
    for (let done = 0; done < iterations; done += chunk) {
      for (const neuron of neurons) {
        const result = neuron.train(Math.min(chunk, iterations - done), iterations);
        if (!result.ok) throw new Error(result.status);
      }
    }
    seconds.push((performance.now() - began) / 1000);
    finalLoss = neurons.at(-1).loss();
    for (const neuron of neurons) neuron.delete();
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  return { rows, iterations, medianSeconds: median, iterationsPerSecond: iterations / median, finalLoss };
}

// Alternate native and wasm so that a busy neighbour on the machine hits both alike.
const workloads = [
  { name: 'Good Food, 100 rows', file: defaultFile, iterations: 200_000 },
  { name: 'Good Food, 10 000 rows', file: bigFile, iterations: 2_000 },
  { name: 'Race: Good Food from start 10, two neurons', file: defaultFile, iterations: 200_000, mode: 'race' },
];
const rows = workloads.map((w) => {
  const n = native(w.file, w.iterations, w.mode);
  const m = wasm(w.file, w.iterations, w.mode);
  if (Math.abs(n.finalLoss - m.finalLoss) > 1e-9 * Math.abs(n.finalLoss))
    throw new Error(`native and wasm disagree on ${w.name}: E = ${n.finalLoss} vs ${m.finalLoss}`);
  return { ...w, native: n, wasm: m };
});

const browserNumbers = await measureInChromium();

const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('\nSpeed (median of %d runs; wasm in node %s)\n', REPEATS, process.version);
console.log('| workload | iterations | native s | wasm s | native it/s | wasm it/s | wasm / native |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.name} | ${fmt(r.iterations)} | ${fmt(r.native.medianSeconds, 3)} | ${fmt(r.wasm.medianSeconds, 3)} | ` +
    `${fmt(r.native.iterationsPerSecond)} | ${fmt(r.wasm.iterationsPerSecond)} | ${fmt(r.wasm.iterationsPerSecond / r.native.iterationsPerSecond, 2)} |`);
console.log('\nTargets: wasm / native ≥ 0.50; 200 000 iterations on the default data in wasm < 1 s ' +
  `(${fmt(rows[0].wasm.medianSeconds, 3)} s); the race to 200 000 in wasm < 2 s (${fmt(rows[2].wasm.medianSeconds, 3)} s).`);

const sizes = browserNumbers.sizes;
console.log('\nDownload size of the neuron page (gzip -9 of each response, as loaded by Chromium)\n');
console.log('| file | bytes | gzip bytes |');
console.log('|---|---:|---:|');
for (const f of sizes.files) console.log(`| ${f.name} | ${fmt(f.bytes)} | ${fmt(f.gzip)} |`);
console.log(`| **everything the neuron page loads** | ${fmt(sizes.total.bytes)} | **${fmt(sizes.total.gzip)}** (${fmt(sizes.total.gzip / 1024, 1)} KB; target ≤ 300 KB) |`);
console.log(`| of which the XLSX reader, fetched after the page is ready | | ${fmt(sizes.xlsx)} |`);

console.log('\nIn Chromium (the page trains in its worker while the main thread draws)\n');
console.log('| run | wall time s | frames drawn | frames per s | longest gap between frames | longest main-thread task |');
console.log('|---|---:|---:|---:|---:|---|');
for (const run of browserNumbers.runs)
  console.log(`| ${run.name} | ${fmt(run.seconds, 2)} | ${fmt(run.frames)} | ${fmt(run.frames / run.seconds)} | ` +
    `${fmt(run.gap)} ms | ${run.longest ? fmt(run.longest) + ' ms' : 'none over 50 ms'} |`);
console.log('\nTarget: the race page ≥ 55 frames per second at full speed (a gap over 33 ms is one frame missed).');

await benchWord2Vec();
printNeural(await measureNeural());
const explorer = await measureExplorer();
printExplorer(explorer);
const trainPage = await measureTrainPage();
printTrainPage(trainPage);

// Every page's longest main-thread task while it trains or answers, in one table.
const longestRows = [
  ...browserNumbers.runs.map((run) => [run.name, run.longest, run.frames / run.seconds]),
  ['Ordvektorer: answering the gallery\'s analogies (the vectors loaded)', explorer.longest, null],
  ['Træn word2vec: training on the generated sentences at full speed', trainPage.longest, trainPage.frames / trainPage.seconds],
];
console.log('\nResponsiveness: the longest task on each page\'s main thread (Chromium\'s long tasks are those over 50 ms)\n');
console.log('| page and work | longest main-thread task | frames per s |');
console.log('|---|---|---:|');
for (const [name, longest, fps] of longestRows)
  console.log(`| ${name} | ${longest ? `**${fmt(longest)} ms** (over the target)` : 'none over 50 ms'} | ${fps === null ? '–' : fmt(fps)} |`);
console.log('\nTargets: no task over 50 ms on any page; the race page ≥ 55 frames per second at full speed.');

printLimits(await measureLimits());

// Opens the built pages in Chromium: adds up what the neuron page downloads, then times runs of
// 200 000 iterations while counting frames and long tasks on the main thread.
async function measureInChromium() {
  return withChromium(async ({ browser, url }) => {
    const open = async (query, bodies) => {
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      if (bodies) recordBodies(page, bodies);
      await countFrames(page);
      await page.goto(url + query);
      await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
      await page.waitForLoadState('networkidle');
      return { context, page };
    };
    const run = async (name, page) => {
      await resetFrames(page);
      const began = Date.now();
      await page.getByRole('button', { name: 'Start' }).click();
      await page.waitForFunction(() => document.querySelector('[data-stat="iteration"]')?.textContent === '200.000',
        null, { timeout: 120_000, polling: 50 });
      return { name, seconds: (Date.now() - began) / 1000, ...(await frameCounts(page)) };
    };
    const bodies = new Map();
    const neuron = await open('?page=neuron&speed=max&iter=200000', bodies);
    const { files, total } = gzipSizes(bodies);
    const xlsx = files.filter((f) => /xlsx/i.test(f.name)).reduce((sum, f) => sum + f.gzip, 0);
    const runs = [await run('Kunstig neuron: 200 000 iterations, full speed', neuron.page)];
    await neuron.context.close();
    const race = await open('?page=race&preset=goodfood10&speed=max');
    runs.push(await run('Langsom læring: Good Food race from start 10, 2 × 200 000 iterations', race.page));
    await race.context.close();
    return { sizes: { files, total, xlsx }, runs };
  });
}
