// "Del": the dialog shows the link to the page's current state, copies it, and draws a QR code of
// it whose size is the one the QR standard gives for that link's length.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { browserSuite, inHostPage, screenshot } from './harness.ts';

const suite = browserSuite();

// Bytes a QR code of version 1, 2, … 40 holds in byte mode at error correction level M
// (ISO/IEC 18004, table 7): the reference the code's size is checked against.
const BYTE_CAPACITY_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560,
  624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989,
  2099, 2213, 2331];

// Modules a side of the smallest code that holds an ASCII link: 17 + 4 · version.
function expectedModules(link: string): number {
  const version = BYTE_CAPACITY_M.findIndex((capacity) => capacity >= link.length) + 1;
  assert.ok(version > 0, 'the link fits a QR code');
  return 17 + 4 * version;
}

// The dark modules the SVG path draws, as "x,y" (the path is made of 1-module-high rectangles).
async function darkModules(page: Page | Frame): Promise<Set<string>> {
  const d = await page.locator('dialog svg.qr-code path').getAttribute('d') ?? '';
  const dark = new Set<string>();
  for (const [, x, y, width] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g))
    for (let k = 0; k < Number(width); k++) dark.add(`${Number(x) + k},${y}`);
  assert.equal(d.replace(/M\d+ \d+h(\d+)v1h-\1z/g, ''), '', 'the path is only module rectangles');
  return dark;
}

// A finder pattern of the standard at (left, top): a dark 7×7 ring, a light ring, a dark 3×3 core.
function assertFinder(dark: Set<string>, left: number, top: number): void {
  for (let dy = 0; dy < 7; dy++) for (let dx = 0; dx < 7; dx++) {
    const ring = dx === 0 || dx === 6 || dy === 0 || dy === 6;
    const core = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
    assert.equal(dark.has(`${left + dx},${top + dy}`), ring || core, `finder at ${left},${top}: module ${dx},${dy}`);
  }
}

describe('Del', () => {
  test('shows the current link, a QR code of the right size, copies, and closes with Escape', async () => {
    const { page, context } = await suite.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.server.url).origin });
    await page.goto(suite.server.url + '?page=neuron&loss=ce&eta=0.05&iter=2500&seed=7');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    // A setting changed after the page opened belongs in the link too.
    await page.locator('input[name="eta"]').fill('0.02');
    await page.locator('input[name="eta"]').press('Enter');
    await page.waitForFunction(() => location.search.includes('eta=0.02'));

    const share = page.getByRole('button', { name: 'Del', exact: true });
    await share.click();
    const dialog = page.getByRole('dialog', { name: 'Del denne side' });
    await dialog.waitFor();
    const link = await dialog.getByLabel('Link til siden').inputValue();
    assert.equal(link, await page.evaluate(() => location.href));
    assert.equal(link, `${suite.server.url}?page=neuron&loss=ce&eta=0.02&iter=2500&seed=7`);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Kopiér link', 'the first thing to do has the focus');

    const qr = dialog.getByRole('img', { name: 'QR-kode med linket til siden med de nuværende indstillinger' });
    const n = expectedModules(link);
    assert.equal(await qr.getAttribute('viewBox'), `-4 -4 ${n + 8} ${n + 8}`, 'n modules and a 4-module quiet zone');
    const dark = await darkModules(page);
    for (const cell of dark) {
      const [x, y] = cell.split(',').map(Number);
      assert.ok(x < n && y < n, `module ${cell} inside the ${n}×${n} code`);
    }
    assertFinder(dark, 0, 0);
    assertFinder(dark, n - 7, 0);
    assertFinder(dark, 0, n - 7);
    for (let x = 8; x < n - 8; x++) assert.equal(dark.has(`${x},6`), x % 2 === 0, `timing pattern at ${x}`);
    // Large enough for a projector: most of the window's height.
    const box = (await qr.boundingBox())!;
    assert.equal(box.width, box.height);
    assert.ok(box.height >= 0.6 * 900, `the code is ${box.height} px high`);
    await screenshot(page, 'share-dialog');

    await dialog.getByRole('button', { name: 'Kopiér link' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Linket er kopieret.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

    await dialog.getByRole('button', { name: 'Vis stort' }).click();
    assert.equal(await dialog.getByRole('button', { name: 'Vis stort' }).getAttribute('aria-pressed'), 'true');
    assert.ok((await qr.boundingBox())!.height > box.height, 'larger still');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Del', 'the focus is back on Del');
  });

  test('where the browser refuses to copy (an iframe on another site), the link is selected and the reader told to press Ctrl+C', async () => {
    await inHostPage(suite, '?page=neuron&seed=3', async (_, frame, session) => {
      await frame.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
      await frame.getByRole('button', { name: 'Del', exact: true }).click();
      const dialog = frame.getByRole('dialog', { name: 'Del denne side' });
      await dialog.getByRole('button', { name: 'Kopiér link' }).click();
      await dialog.getByRole('status').filter({ hasText: /Linket er markeret: tryk Ctrl\+C/ }).waitFor();
      const selection = await frame.evaluate(() => {
        const field = document.activeElement as HTMLTextAreaElement;
        return { id: field.id, selected: field.value.slice(field.selectionStart, field.selectionEnd) };
      });
      assert.equal(selection.id, 'share-link');
      assert.equal(selection.selected, `${suite.server.url}?page=neuron&seed=3`);
      // Chromium logs the refusal as an error: expected here, and the only one.
      const expected = session.consoleErrors.filter((e) => /Clipboard API has been blocked/.test(e));
      assert.equal(expected.length, 1, session.consoleErrors.join('\n'));
      session.consoleErrors.splice(0, session.consoleErrors.length, ...session.consoleErrors.filter((e) => !expected.includes(e)));
      await dialog.getByRole('button', { name: 'Luk' }).click();
      await dialog.waitFor({ state: 'detached' });
    });
  });

  test('a link too long for a QR code that scans is offered as text, with the reason', async () => {
    const { page } = await suite.open({ viewport: { width: 360, height: 740 } });
    const word = 'a'.repeat(2100);
    await page.goto(`${suite.server.url}?page=train&watch=${word}`);
    await page.locator('[data-toy="loss"]').filter({ hasText: /\d/ }).waitFor();
    await page.getByRole('button', { name: 'Del', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Del denne side' });
    const link = await dialog.getByLabel('Link til siden').inputValue();
    assert.ok(link.endsWith(`watch=${word}`));
    await dialog.getByText(`Linket er for langt (${link.length} tegn)`).waitFor();
    assert.equal(await dialog.locator('svg').count(), 0, 'no code that could not be scanned');
    assert.equal(await dialog.getByRole('button', { name: 'Vis stort' }).count(), 0);
    assert.ok(await dialog.getByRole('button', { name: 'Kopiér link' }).isVisible());
    const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
    assert.equal(overflow, 0, 'nothing sticks out sideways on a phone');
  });
});
