// The Ordvektorer page in Chromium, for npm run bench: what it downloads (gzip -9 of each response,
// the default vectors included), the renderer's memory once the vectors are loaded (resident set
// of the renderer process, in which the page's worker and its wasm memory live, against the same
// measure on the overview page), and how long the page's worker takes to answer the gallery's
// analogies (core, spelling check and PCA, as the page reports it).
import { readFileSync } from 'node:fs';
import { countFrames, frameCounts, gzipSizes, recordBodies, resetFrames, withChromium } from './bench-browser.mjs';

export async function measureExplorer() {
  return withChromium(async ({ browser, url }) => {
    const overview = await rendererMemory(browser, url, async () => {});
    const bodies = new Map();
    const milliseconds = [];
    let longest = 0;
    const explorer = await rendererMemory(browser, `${url}?page=vectors`, async (page) => {
      recordBodies(page, bodies);
      await countFrames(page);
      await page.reload();
      await page.locator('.matches [data-word]').first().waitFor({ timeout: 60_000 });
      await resetFrames(page);  // the long tasks while answering (loading is issue 11's)
      for (const link of await page.locator('.gallery .example').all()) {
        const label = await link.innerText();
        if (!label.includes(' − ')) continue;  // the analogies
        await link.click();
        await page.locator('.answer-head', { hasText: `${label} ≈` }).waitFor();
        const text = await page.locator('.answer .field-help').innerText();
        milliseconds.push(Number(/(\d+(?:,\d+)?) ms/.exec(text)[1].replace(',', '.')));
      }
      longest = (await frameCounts(page)).longest;
    });
    milliseconds.sort((a, b) => a - b);
    return { ...gzipSizes(bodies), overviewKb: overview, explorerKb: explorer, answerMs: milliseconds, longest };
  });
}

// The renderer's resident memory (kB) after opening url and running act(page).
async function rendererMemory(browser, url, act) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await act(page);
  await page.waitForTimeout(500);
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const renderers = processInfo.filter((p) => p.type === 'renderer');
  const kb = Math.max(...renderers.map((p) => residentKb(p.id)));
  await cdp.detach();
  await context.close();
  return kb;
}

function residentKb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  } catch {
    return 0;
  }
}

export function printExplorer(result) {
  const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log('\nThe Ordvektorer page in Chromium (gzip -9 of each response, as loaded)\n');
  console.log('| file | bytes | gzip bytes |');
  console.log('|---|---:|---:|');
  for (const f of result.files.slice(0, 8)) console.log(`| ${f.name} | ${fmt(f.bytes)} | ${fmt(f.gzip)} |`);
  console.log(`| **everything the page loads** (${result.files.length} files) | ${fmt(result.total.bytes)} | ` +
    `**${fmt(result.total.gzip / 1e6, 2)} MB** (target ≤ 6 MB) |`);
  const median = result.answerMs[Math.floor(result.answerMs.length / 2)];
  console.log(`\nRenderer memory (resident): ${fmt(result.explorerKb / 1024, 1)} MB with the vectors loaded, ` +
    `${fmt(result.overviewKb / 1024, 1)} MB on the overview page (difference ${fmt((result.explorerKb - result.overviewKb) / 1024, 1)} MB).`);
  console.log(`Answers to the ${result.answerMs.length} gallery analogies in the page's worker: median ${fmt(median, 1)} ms, ` +
    `slowest ${fmt(result.answerMs.at(-1), 1)} ms (core query, spelling check and PCA together).`);
  console.log(`Longest main-thread task while answering: ${result.longest ? `${fmt(result.longest)} ms` : 'none over 50 ms'}.`);
}

// Run alone: node scripts/bench-explorer.mjs (after npm run build).
if (import.meta.url === `file://${process.argv[1]}`) printExplorer(await measureExplorer());
