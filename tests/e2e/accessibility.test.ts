// axe-core on every page, in both languages, on a desktop and on a 360-px phone, and in the embed
// view: no critical and no serious violation. axe is evaluated in the page through the DevTools
// protocol: no request, and the page's Content-Security-Policy (no inline script) stays as it is.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite } from './harness.ts';
import { drawn } from './page-helpers.ts';

const suite = browserSuite();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string; help: string; nodes: { target: string[] }[] }

// What shows that each page is ready to be read.
const READY: Record<string, string> = {
  home: 'a[href*="page=neuron"]',
  neuron: '[data-stat="iteration"]',
  race: '[data-stat="iteration"]',
  vectors: '.vectors-info',
  train: '[data-toy="loss"]',
  generate: '[data-network="result"]',
};

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return found.filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
}

// then: what to open before axe looks (a dialog), if anything.
async function check(query: string, page: string, viewport = { width: 1280, height: 900 },
  then?: (page: Page) => Promise<void>): Promise<void> {
  const session = await suite.open({ viewport });
  await session.page.goto(suite.server.url + query);
  await session.page.locator(READY[page]).filter({ hasText: /\S/ }).first().waitFor({ timeout: 30_000 });
  await drawn(session.page);
  await then?.(session.page);
  assert.deepEqual(await violations(session.page), [], `${query} at ${viewport.width} px`);
}

const openShareDialog = async (page: Page) => {
  await page.getByRole('button', { name: /^(Del|Share)$/ }).click();
  await page.locator('dialog.share-dialog svg').waitFor();
};

describe('accessibility (axe-core: no critical or serious violation)', () => {
  for (const page of Object.keys(READY)) {
    const query = page === 'home' ? '' : `?page=${page}`;
    for (const lang of ['da', 'en']) {
      const q = lang === 'da' ? query : `${query}${query ? '&' : '?'}lang=en`;
      test(`${page}, ${lang}, desktop`, () => check(q, page));
      test(`${page}, ${lang}, 360-px phone`, () => check(q, page, { width: 360, height: 740 }));
    }
    if (page !== 'home') test(`${page}, embedded`, () => check(`${query}&embed=1`, page, { width: 800, height: 600 }));
  }
  test('the Del dialog, da, desktop', () => check('?page=neuron', 'neuron', undefined, openShareDialog));
  test('the Del dialog, en, 360-px phone', () => check('?page=neuron&lang=en', 'neuron', { width: 360, height: 740 }, openShareDialog));
});

// Presses Tab until the focus is on `selector`; fails after `max` presses.
async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.tagName);

describe('keyboard only', () => {
  test('the skip link leads past the header; Start, Pause and the result on Kunstig neuron', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.url}?page=neuron&iter=100000&speed=2500`);
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Spring til indholdet');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await tabTo(page, '[data-action="start"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'pause');  // not <body>
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'start');
    // The run's result, said once it stopped.
    const said = await page.locator('[data-stat="announce"]').filter({ hasText: /Træningen stoppede efter [\d.]+ iterationer: E = / }).innerText();
    assert.match(said, /nøjagtighed \d+/);
    // Ét skridt is news too, though nothing was seen running
    const before = Number((await page.locator('[data-stat="iteration"]').innerText()).replace(/\./g, ''));
    await tabTo(page, '[data-action="step"]');
    await page.keyboard.press('Enter');
    const next = new Intl.NumberFormat('da-DK').format(before + 1);
    await page.locator('[data-stat="announce"]').filter({ hasText: `Nu ved iteration ${next}: E = ` }).waitFor();
  });

  test('the race runs and pauses from the keyboard, and the speed slider says what it means', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.url}?page=race&preset=goodfood10&iter=100000`);
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    await tabTo(page, 'input[name="speed"]');
    await page.keyboard.press('ArrowLeft');
    assert.match(await page.locator('input[name="speed"]').getAttribute('aria-valuetext') ?? '', /^[\d.]+ iterationer\/s$/);
    await tabTo(page, '[data-action="start"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'pause');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'start');
    assert.ok(Number((await page.locator('[data-stat="iteration"]').innerText()).replace(/\./g, '')) > 0);
  });

  test('Træn word2vec trains and pauses from the keyboard', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.url}?page=train&n=200000`);
    await page.locator('[data-toy="loss"]').filter({ hasText: /\d/ }).waitFor();
    await tabTo(page, '[data-action="corpus-start"]', 200);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'corpus-pause', null, { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'corpus-start');
    assert.match(await page.locator('[data-corpus="stats"]').innerText(), /^Trænet \d/);
    assert.equal(await focused(page), 'corpus-start');
  });

  test('Ordvektorer answers a question typed and sent from the keyboard', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.url}?page=vectors`);
    await page.locator('.vectors-info').filter({ hasText: /ord/ }).waitFor({ timeout: 30_000 });
    await tabTo(page, 'input[type="text"]');
    await page.keyboard.type('konge');
    await page.keyboard.press('Enter');
    await page.locator('.matches [data-word]').first().waitFor();
    assert.ok(await page.locator('.matches [data-word]').count() > 0);
  });
});
