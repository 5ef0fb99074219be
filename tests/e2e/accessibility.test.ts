// axe-core on every page, in both languages, on a desktop and on a 360-px phone, and in the embed
// view: no critical and no serious violation. axe is put into the page as a script (no request).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite } from './harness.ts';
import { drawn } from './page-helpers.ts';

const suite = browserSuite();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation { id: string; impact: string; help: string; nodes: { target: string[] }[] }

// What shows that each page is ready to be read.
const READY: Record<string, string> = {
  home: 'a[href*="page=neuron"]',
  neuron: '[data-stat="iteration"]',
  race: '[data-stat="iteration"]',
  vectors: '.vectors-info',
  train: '[data-toy="loss"]',
};

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return found.filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
}

async function check(query: string, page: string, viewport = { width: 1280, height: 900 }): Promise<void> {
  const session = await suite.open({ viewport });
  await session.page.goto(suite.server.url + query);
  await session.page.locator(READY[page]).filter({ hasText: /\S/ }).first().waitFor({ timeout: 30_000 });
  await drawn(session.page);
  assert.deepEqual(await violations(session.page), [], `${query} at ${viewport.width} px`);
}

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
});
