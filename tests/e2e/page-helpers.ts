// What the page tests share: opening a page until its worker is ready, reading numbers the way
// the page prints them in Danish, and waiting for the iteration counter.
import type { Page } from 'playwright-core';
import type { Suite } from './harness.ts';

export async function openPage(suite: Suite, query: string, viewport?: { width: number; height: number }): Promise<Page> {
  const { page } = await suite.open({ viewport });
  await page.goto(suite.server.url + query);
  await page.locator('[data-stat="iteration"]').filter({ hasText: /\d/ }).waitFor();
  await drawn(page);
  return page;
}

// Every view shows the latest state: the page draws a few views a frame, aria-busy until done.
export async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('main[aria-busy="true"]'), null, { timeout: 30_000 });
}

// A number as the page prints it in Danish: "−26,56", "1.000", "9,8253·10⁻⁶".
export function danishNumber(text: string): number {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const [mantissa, power] = text.trim().replace(/\u2212/g, '-').split('·10');
  const exponent = power ? Number(power.replace('⁻', '-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(digits.indexOf(c)))) : 0;
  return Number(mantissa.replace(/\./g, '').replace(',', '.')) * 10 ** exponent;
}

export async function iteration(page: Page): Promise<number> {
  return danishNumber(await page.locator('[data-stat="iteration"]').innerText());
}

export async function waitForIteration(page: Page, n: number): Promise<void> {
  await page.waitForFunction((expected) =>
    document.querySelector('[data-stat="iteration"]')?.textContent?.replace(/\./g, '') === String(expected) &&
    !document.querySelector('main[aria-busy="true"]'), n, { timeout: 30_000 });
}
