// What the bench's Chromium measurements share: the built site served under a sub-path and
// Debian's Chromium, a frame counter in the page, and the gzip sizes of what a page downloads.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './steps.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PREFIX = '/bench/';

// Runs measure({ browser, url }) with dist/ served at url and Chromium started; closes both after.
export async function withChromium(measure) {
  const { serveStatic } = await import('./serve.mjs');
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(join(ROOT, 'dist'), { port: 0, prefix: PREFIX });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    return await measure({ browser, url: server.url });
  } finally {
    await browser.close();
    await server.close();
  }
}

// Counts frames, the longest gap between two, and the longest main-thread task, from before the
// page's own code runs. Read them with frameCounts, start again with resetFrames.
export async function countFrames(page) {
  await page.addInitScript(() => {
    window.benchFrames = 0;
    window.benchLongest = 0;
    window.benchGap = 0;
    let last = 0;
    const frame = (now) => {
      window.benchFrames++;
      if (last) window.benchGap = Math.max(window.benchGap, now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongest = Math.max(window.benchLongest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

// Also lets Playwright put its own helper script into the page first: its evaluation (~60 ms) on
// the first waitForFunction would otherwise count as the page's long task.
export const resetFrames = async (page) => {
  await page.waitForFunction(() => true);
  await page.evaluate(() => { window.benchFrames = 0; window.benchLongest = 0; window.benchGap = 0; });
};
export const frameCounts = (page) =>
  page.evaluate(() => ({ frames: window.benchFrames, longest: window.benchLongest, gap: window.benchGap }));

// Keeps the body of every response the page gets, by file name, in bodies (a Map).
export function recordBodies(page, bodies) {
  page.on('response', async (response) => {
    try {
      bodies.set(new URL(response.url()).pathname.replace(PREFIX, '') || 'index.html', await response.body());
    } catch { /* a response without a body */ }
  });
}

// Each file's bytes and gzip -9 bytes, largest first, and their total.
export function gzipSizes(bodies) {
  const files = [...bodies].map(([name, body]) => ({ name, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }))
    .sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((sum, f) => ({ bytes: sum.bytes + f.bytes, gzip: sum.gzip + f.gzip }), { bytes: 0, gzip: 0 });
  return { files, total };
}
