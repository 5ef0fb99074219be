// npm run bench: a printed table, not a test. Measures in one run, so ratios compare like with like:
//  - iterations per second of the wasm core (under node's V8, as in Chromium) against the native
//    build, on the default Good Food data (100 rows) and on a 10 000-row set from the same generator;
//  - the wall time of 200 000 iterations in wasm on the default data (target: under 1 s);
//  - the gzip size of everything the neuron page loads in Chromium (target: ≤ 300 KB),
//    the XLSX reader included (the page fetches it once it is ready, for offline use).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureNode, ensurePackages, TEST_PACKAGES } from './system.mjs';
import { buildNative, buildPage, buildWasm, ensureNodeModules, ROOT } from './steps.mjs';

const REPEATS = 5;

ensureNode();
ensurePackages(TEST_PACKAGES);
ensureNodeModules();
buildNative();
buildWasm();
buildPage();

const native = (file, iterations) => JSON.parse(execFileSync(join(ROOT, 'build/native/neuron_bench'),
  [file, String(iterations), String(REPEATS)], { encoding: 'utf8' }));

const tmp = mkdtempSync(join(tmpdir(), 'aiv-bench-'));
const bigFile = join(tmp, 'goodfood_10000.csv');
writeFileSync(bigFile, execFileSync(join(ROOT, 'build/native/goodfood_generate'), ['2026', '10000']));
const defaultFile = join(ROOT, 'data/goodfood.csv');

// The wasm side: the same settings (sigmoid, squared error, η = 0.001, standardised, start 0).
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

function wasm(file, iterations) {
  const { x, t, rows } = readGoodFood(file);
  const seconds = [];
  let finalLoss = NaN;
  for (let r = 0; r < REPEATS; r++) {
    const neuron = new core.Neuron();
    neuron.setup(x, rows, 2, t, { activation: 'sigmoid', loss: 'squared', gradient: 'sum', eta: 0.001,
      standardize: true, start: { kind: 'constant', value: 0 }, seed: 1 });
    const began = performance.now();
    const result = neuron.train(iterations, iterations);
    seconds.push((performance.now() - began) / 1000);
    if (!result.ok) throw new Error(result.status);
    finalLoss = neuron.loss();
    neuron.delete();
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)];
  return { rows, iterations, medianSeconds: median, iterationsPerSecond: iterations / median, finalLoss };
}

// Alternate native and wasm so that a busy neighbour on the machine hits both alike.
const workloads = [
  { name: 'Good Food, 100 rows', file: defaultFile, iterations: 200_000 },
  { name: 'Good Food, 10 000 rows', file: bigFile, iterations: 2_000 },
];
const rows = workloads.map((w) => {
  const n = native(w.file, w.iterations);
  const m = wasm(w.file, w.iterations);
  if (Math.abs(n.finalLoss - m.finalLoss) > 1e-9 * Math.abs(n.finalLoss))
    throw new Error(`native and wasm disagree on ${w.name}: E = ${n.finalLoss} vs ${m.finalLoss}`);
  return { ...w, native: n, wasm: m };
});

const pageSizes = await measurePage();  // sizes, and a run in the page

const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log('\nSpeed (median of %d runs; wasm in node %s)\n', REPEATS, process.version);
console.log('| workload | iterations | native it/s | wasm it/s | wasm / native | target |');
console.log('|---|---:|---:|---:|---:|---|');
for (const r of rows)
  console.log(`| ${r.name} | ${fmt(r.iterations)} | ${fmt(r.native.iterationsPerSecond)} | ${fmt(r.wasm.iterationsPerSecond)} | ${fmt(r.wasm.iterationsPerSecond / r.native.iterationsPerSecond, 2)} | ≥ 0.50 |`);
const d = rows[0].wasm;
console.log(`\n200 000 iterations on the default data in wasm: ${fmt(d.medianSeconds, 3)} s (target < 1 s)`);
console.log('\nDownload size of the neuron page (gzip -9 of each response, as loaded by Chromium)\n');
console.log('| file | bytes | gzip bytes |');
console.log('|---|---:|---:|');
for (const f of pageSizes.files) console.log(`| ${f.name} | ${fmt(f.bytes)} | ${fmt(f.gzip)} |`);
console.log(`| **everything the neuron page loads** | ${fmt(pageSizes.total.bytes)} | **${fmt(pageSizes.total.gzip)}** (${fmt(pageSizes.total.gzip / 1024, 1)} KB; target ≤ 300 KB) |`);
console.log(`| of which the XLSX reader, fetched after the page is ready | | ${fmt(pageSizes.xlsx)} |`);
const run = pageSizes.run;
console.log(`\nIn Chromium: 200 000 iterations at full speed took ${fmt(run.seconds, 2)} s from the click to the last number;`);
console.log(`the main thread drew ${fmt(run.frames)} frames meanwhile (${fmt(run.frames / run.seconds)} per s), longest task ${run.longest ? fmt(run.longest) + ' ms' : 'none over 50 ms'}.`);

// Opens the built page in Chromium: adds up what it downloads, then trains 200 000 iterations in
// it and watches the main thread (frames drawn, longest task) while the worker trains.
async function measurePage() {
  const { serveStatic } = await import('./serve.mjs');
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(join(ROOT, 'dist'), { port: 0, prefix: '/bench/' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const bodies = new Map();
    page.on('response', async (response) => {
      try {
        bodies.set(new URL(response.url()).pathname.replace('/bench/', '') || 'index.html', await response.body());
      } catch { /* a response without a body */ }
    });
    // Counts frames and long tasks from the start, before the page's own code runs.
    await page.addInitScript(() => {
      window.benchFrames = 0;
      window.benchLongest = 0;
      const frame = () => { window.benchFrames++; requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.benchLongest = Math.max(window.benchLongest, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url + '?page=neuron&speed=max&iter=200000');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    await page.waitForLoadState('networkidle');
    const files = [...bodies].map(([name, body]) => ({ name, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }))
      .sort((a, b) => b.gzip - a.gzip);
    const total = files.reduce((sum, f) => ({ bytes: sum.bytes + f.bytes, gzip: sum.gzip + f.gzip }), { bytes: 0, gzip: 0 });
    const xlsx = files.filter((f) => /xlsx/i.test(f.name)).reduce((sum, f) => sum + f.gzip, 0);

    await page.evaluate(() => { window.benchFrames = 0; window.benchLongest = 0; });
    const began = Date.now();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForFunction(() => document.querySelector('[data-stat="iteration"]')?.textContent === '200.000',
      null, { timeout: 60_000, polling: 50 });
    const seconds = (Date.now() - began) / 1000;
    const main = await page.evaluate(() => ({ frames: window.benchFrames, longest: window.benchLongest }));
    await context.close();
    return { files, total, xlsx, run: { seconds, ...main } };
  } finally {
    await browser.close();
    await server.close();
  }
}
