// The "Træn word2vec" page in Chromium, for npm run bench: training the generated practice corpus
// (50 000 sentences, 10 epochs, dim 20) as fast as it goes in the page's worker (wasm), against the
// native w2v tool on the same text and settings; and the frames the page draws meanwhile.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countFrames, frameCounts, resetFrames, withChromium } from './bench-browser.mjs';
import { ROOT } from './steps.mjs';

const SENTENCES = 50_000;
// The page's defaults (web/src/train/train-state.ts), spelled out for the native tool.
const NATIVE_SETTINGS = ['--dim', '20', '--window', '5', '--negatives', '5', '--epochs', '10', '--lr', '0.025',
  '--min-count', '1', '--sample', '0', '--seed', '1', '--threads', '1'];

export async function measureTrainPage() {
  const w2v = join(ROOT, 'build/native/w2v');
  const tmp = mkdtempSync(join(tmpdir(), 'aiv-bench-train-'));
  try {
    const corpus = join(tmp, 'corpus.txt');
    writeFileSync(corpus, execFileSync(w2v, ['generate', '--sentences', String(SENTENCES), '--seed', '1'], { maxBuffer: 1 << 28 }));
    // w2v prints its speed on stderr: "words/s/thread N (training only), …"
    const report = execFileSync('sh', ['-c', `"${w2v}" train --input "${corpus}" --output "${join(tmp, 'v.bin')}" ` +
      `${NATIVE_SETTINGS.join(' ')} 2>&1 >/dev/null | tail -1`], { encoding: 'utf8' });
    const native = Number(/words\/s\/thread (\d+)/.exec(report)[1]);
    return { native, ...(await inChromium()) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function inChromium() {
  return withChromium(async ({ browser, url }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await countFrames(page);
    await page.goto(`${url}?page=train&tempo=fast&n=${SENTENCES}`);
    await page.locator('[data-toy="loss"]').filter({ hasText: /\d/ }).waitFor();
    await page.locator('[data-action="corpus-start"]').scrollIntoViewIfNeeded();
    await resetFrames(page);
    const began = Date.now();
    await page.locator('[data-action="corpus-start"]').click();
    await page.waitForFunction(() => /^Trænet 100\s%/.test(document.querySelector('[data-corpus="stats"]')?.textContent ?? ''),
      null, { timeout: 120_000, polling: 50 });
    const seconds = (Date.now() - began) / 1000;
    const { frames, gap, longest } = await frameCounts(page);
    const stats = await page.locator('[data-corpus="stats"]').innerText();
    const wordsPerSecond = Number(/([\d.]+) ord\/s/.exec(stats)[1].replace(/\./g, ''));
    const tokens = Number(/([\d.]+) ord i alt/.exec(stats)[1].replace(/\./g, ''));
    return { page: wordsPerSecond, wall: (tokens * 10) / seconds, seconds, frames, gap, longest };
  });
}

export function printTrainPage(r) {
  const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(`\nTræn word2vec in Chromium: ${fmt(SENTENCES)} generated sentences, 10 epochs, dim 20, one thread\n`);
  console.log('| trainer | words/s | / native |');
  console.log('|---|---:|---:|');
  console.log(`| native w2v | ${fmt(r.native)} | 1.00 |`);
  console.log(`| the page's worker (wasm, the SIMD build Chromium loads), training time as the page reports it | ${fmt(r.page)} | ${fmt(r.page / r.native, 2)} |`);
  console.log(`| the page, wall clock from the click to 100 % (with its pictures and messages) | ${fmt(r.wall)} | ${fmt(r.wall / r.native, 2)} |`);
  console.log(`\nWhile it trained (${fmt(r.seconds, 2)} s): ${fmt(r.frames / r.seconds)} frames per second, longest gap ` +
    `${fmt(r.gap)} ms, longest main-thread task ${r.longest ? `${fmt(r.longest)} ms` : 'none over 50 ms'}. ` +
    'Targets: page / native ≥ 0.70; ≥ 30 frames per second.');
}

// Run alone: node scripts/bench-train-page.mjs (after npm run build and a native build).
if (import.meta.url === `file://${process.argv[1]}`) printTrainPage(await measureTrainPage());
