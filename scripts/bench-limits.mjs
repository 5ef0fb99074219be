// The pages at their limits, for npm run bench: each page's longest main-thread task while it
// starts; loading the largest allowed table (100 000 rows, ~19 MB) and text (~19,9 MB): time,
// longest task, and the browser's peak memory over its level before; training on 100 000 rows:
// frames per second, longest task, and how long Pause takes to show (measured inside the page).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countFrames, frameCounts, resetFrames, withChromium } from './bench-browser.mjs';
import { ROOT } from './steps.mjs';

const PAGES = ['', '?page=neuron', '?page=race', '?page=vectors', '?page=train', '?page=generate'];
const START_RUNS = 3;
const ROWS = 100_000;
const COLUMNS = 20;        // 100 000 rows × 20 numbers ≈ 19 MB: both limits at once
const TEXT_BYTES = 19_900_000;
const TRAIN_SECONDS = 5;

// A table at the limits: deterministic numbers (an LCG), the target last.
function bigTable() {
  let s = 7;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [[...Array.from({ length: COLUMNS }, (_, j) => `x${j + 1}`), 't'].join(';')];
  for (let m = 0; m < ROWS; m++) {
    const xs = Array.from({ length: COLUMNS }, () => (next() * 1000).toFixed(3).replace('.', ','));
    lines.push([...xs, Number(xs[0].replace(',', '.')) + next() * 300 > 650 ? 1 : 0].join(';'));
  }
  return lines.join('\n') + '\n';
}

// The generated practice sentences, repeated up to the size (the w2v tool makes them).
function bigText() {
  const w2v = join(ROOT, 'build/native/w2v');
  const piece = execFileSync(w2v, ['generate', '--sentences', '200000', '--seed', '1'], { maxBuffer: 1 << 28 });
  const copies = Math.ceil(TEXT_BYTES / piece.length);
  return Buffer.concat(Array.from({ length: copies }, () => piece)).subarray(0, TEXT_BYTES);
}

// Resident memory of every Chromium process, in bytes.
function chromiumMemory() {
  const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).reduce((sum, kb) => sum + Number(kb) * 1024, 0);
}

// Runs work() while sampling memory every 50 ms; the peak over the level before.
async function peakMemory(work) {
  const before = chromiumMemory();
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, chromiumMemory()); }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, chromiumMemory());
    return { result, extra: peak - before };
  } finally {
    clearInterval(timer);
  }
}

async function longestAtStart(browser, url, query) {
  let longest = 0;
  for (let run = 0; run < START_RUNS; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await countFrames(page);
    await page.goto(url + query);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    longest = Math.max(longest, (await frameCounts(page)).longest);
    await context.close();
  }
  return longest;
}

async function openQuiet(browser, url, query, ready) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await countFrames(page);
  await page.goto(url + query);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(2000);  // the idle work (warm-ups, the spare table worker) is done
  await resetFrames(page);
  return { context, page };
}

export async function measureLimits() {
  const tmp = mkdtempSync(join(tmpdir(), 'aiv-bench-limits-'));
  const tableFile = join(tmp, 'stor.csv');
  const textFile = join(tmp, 'stor.txt');
  writeFileSync(tableFile, bigTable());
  writeFileSync(textFile, bigText());
  try {
    return await withChromium(async ({ browser, url }) => {
      const starts = [];
      for (const query of PAGES) starts.push({ query: query || '(overview)', longest: await longestAtStart(browser, url, query) });

      // The largest table on Kunstig neuron, then training on it.
      const neuron = await openQuiet(browser, url, '?page=neuron&speed=max&iter=1000000',
        (page) => page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor());
      const table = await peakMemory(async () => {
        const began = Date.now();
        await neuron.page.locator('input[name="file"]').setInputFiles(tableFile);
        await neuron.page.locator('.data-summary').filter({ hasText: /^100\.000 eksempler/ }).waitFor({ timeout: 120_000 });
        return { seconds: (Date.now() - began) / 1000, longest: (await frameCounts(neuron.page)).longest };
      });
      await resetFrames(neuron.page);
      const began = Date.now();
      await neuron.page.getByRole('button', { name: 'Start' }).click();
      await neuron.page.waitForTimeout(TRAIN_SECONDS * 1000);
      const training = { ...(await frameCounts(neuron.page)), seconds: (Date.now() - began) / 1000 };
      const pause = await neuron.page.evaluate(() => new Promise((resolve) => {
        const start = document.querySelector('[data-action="start"]');
        const clicked = performance.now();
        new MutationObserver((_, observer) => {
          if (start.disabled) return;
          observer.disconnect();
          resolve(performance.now() - clicked);
        }).observe(start, { attributes: true });
        document.querySelector('[data-action="pause"]').click();
      }));
      await neuron.context.close();

      // The largest text on Træn word2vec: chosen, then read by the worker (Start), up to its first state.
      const train = await openQuiet(browser, url, '?page=train&src=own&tempo=slow',
        (page) => page.locator('[data-toy="loss"]').filter({ hasText: /\d/ }).waitFor());
      const text = await peakMemory(async () => {
        const began = Date.now();
        await train.page.locator('input[name="text-file"]').setInputFiles(textFile);
        await train.page.locator('[data-corpus="file-name"]').waitFor();
        await train.page.locator('[data-action="corpus-start"]').click();
        await train.page.locator('[data-corpus="stats"]').filter({ hasText: /ord i alt/ }).waitFor({ timeout: 180_000 });
        return { seconds: (Date.now() - began) / 1000, longest: (await frameCounts(train.page)).longest };
      });
      await train.context.close();

      // The same text on Tekstgenerering: counted in the worker (time, longest task, memory), then
      // the next word's distribution for typed beginnings (the time from a keystroke to the bars).
      const generate = await openQuiet(browser, url, '?page=generate&src=own&n=3&nvec=random',
        (page) => page.locator('[data-generate="stats"]').filter({ hasText: /\d/ }).waitFor());
      const counted = await peakMemory(async () => {
        const began = Date.now();
        await generate.page.locator('input[name="text-file"]').setInputFiles(textFile);
        await generate.page.locator('[data-generate="stats"]').filter({ hasText: /^Teksten har [\d.]{9,} ord/ }).waitFor({ timeout: 180_000 });
        return { seconds: (Date.now() - began) / 1000, longest: (await frameCounts(generate.page)).longest };
      });
      await generate.page.waitForTimeout(1000);  // the page's first text, table and bars after a new text are done
      const PROMPTS = ['hunden', 'den gule', 'katten sover', 'en', 'kongen og dronningen', 'og', 'der er en'];
      const timeNext = async () => {
        const times = [];
        for (const prompt of PROMPTS) {
          times.push(await generate.page.evaluate((text) => new Promise((resolve) => {
            const context = document.querySelector('[data-next="context"]');
            const input = document.querySelector('input[name="prompt"]');
            const typed = performance.now();
            const timer = setTimeout(() => resolve(NaN), 10_000);  // never wait for ever
            new MutationObserver((_, observer) => { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - typed); })
              .observe(context, { childList: true, characterData: true, subtree: true });
            input.value = text;
            input.dispatchEvent(new Event('input'));
          }), prompt));
        }
        return times;
      };
      const nextMs = await timeNext();
      // The neural network on the same text (V = 2 000 + «ukendt», d = 30, random vectors m = 10):
      // set up, then the same beginnings timed while it trains (its slices share the worker), and
      // the longest main-thread task meanwhile.
      const setupBegan = Date.now();
      await generate.page.locator('select[name="model"]').selectOption('neural');
      await generate.page.locator('[data-neural="about"]').filter({ hasText: /V = / }).waitFor({ timeout: 120_000 });
      const neuralSetupSeconds = (Date.now() - setupBegan) / 1000;
      await generate.page.locator('[data-action="neural-start"]').click();
      await generate.page.waitForTimeout(2000);
      await resetFrames(generate.page);
      const neuralNextMs = await timeNext();
      await generate.page.waitForTimeout(3000);
      const neuralLongest = (await frameCounts(generate.page)).longest;
      const neuralStatus = await generate.page.locator('[data-neural="status"]').innerText();
      await generate.page.locator('[data-action="neural-pause"]').click();
      await generate.context.close();
      return { starts, table: { ...table, bytes: statSync(tableFile).size }, training, pause,
        text: { ...text, bytes: statSync(textFile).size },
        generate: { ...counted, nextMs, neural: { setupSeconds: neuralSetupSeconds, nextMs: neuralNextMs, longest: neuralLongest, status: neuralStatus } } };
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function printLimits(r) {
  const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const task = (ms) => (ms ? `${fmt(ms)} ms` : 'none over 50 ms');
  const mb = (bytes) => `${fmt(bytes / 1e6, 1)} MB`;
  console.log(`\nAt the limits (Chromium; the longest main-thread task of ${START_RUNS} starts of each page)\n`);
  console.log('| page | longest main-thread task at start |');
  console.log('|---|---|');
  for (const s of r.starts) console.log(`| ${s.query} | ${task(s.longest)} |`);
  console.log('\n| work | time s | longest main-thread task | browser memory over its level before | / file size |');
  console.log('|---|---:|---|---:|---:|');
  console.log(`| Kunstig neuron: loading a ${mb(r.table.bytes)} CSV of 100 000 rows × ${COLUMNS} inputs (read and parsed in a worker) | ` +
    `${fmt(r.table.result.seconds, 2)} | ${task(r.table.result.longest)} | ${mb(r.table.extra)} | ${fmt(r.table.extra / r.table.bytes, 2)} |`);
  console.log(`| Træn word2vec: choosing a ${mb(r.text.bytes)} text and reading it (count and encode in the worker, a megabyte at a time) | ` +
    `${fmt(r.text.result.seconds, 2)} | ${task(r.text.result.longest)} | ${mb(r.text.extra)} | ${fmt(r.text.extra / r.text.bytes, 2)} |`);
  console.log(`| Tekstgenerering: the same text read and counted in the worker (N-gram index of every position) | ` +
    `${fmt(r.generate.result.seconds, 2)} | ${task(r.generate.result.longest)} | ${mb(r.generate.extra)} | ${fmt(r.generate.extra / r.text.bytes, 2)} |`);
  console.log(`\nTekstgenerering on that text, N = 3: the next word's distribution ${r.generate.nextMs.map((ms) => fmt(ms, 1)).join(', ')} ms ` +
    'after a keystroke (target < 20 ms).');
  const n = r.generate.neural;
  console.log(`The neural network on that text (V = 2 000 + «ukendt», d = 30, random vectors): set up in ${fmt(n.setupSeconds, 1)} s; ` +
    `while it trains, the next word's distribution (and the network's values) ${n.nextMs.map((ms) => fmt(ms, 1)).join(', ')} ms after a ` +
    `keystroke (target < 20 ms); longest main-thread task ${task(n.longest)}. After ~8 s: ${n.status.replace(/\s+/g, ' ')}`);
  console.log(`\nTraining on the 100 000 rows at full speed for ${fmt(r.training.seconds, 1)} s: ${fmt(r.training.frames / r.training.seconds)} frames per second, ` +
    `longest main-thread task ${task(r.training.longest)}; Pause shown ${fmt(r.pause)} ms after the click (inside the page). ` +
    'Targets: ≥ 30 frames per second, Pause ≤ 100 ms, memory ≤ 3 × the file.');
}

// Run alone: node scripts/bench-limits.mjs (after npm run build and a native build).
if (import.meta.url === `file://${process.argv[1]}`) printLimits(await measureLimits());
