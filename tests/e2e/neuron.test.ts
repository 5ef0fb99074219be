// The "Kunstig neuron" page in Chromium: it trains, a link reproduces its state, bad files are
// explained and change nothing, an XLSX trains, and it fits a phone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildXlsx } from '../fixtures/xlsx-writer.ts';
import { browserSuite, screenshot } from './harness.ts';
import { danishNumber, iteration, openPage, waitForIteration } from './page-helpers.ts';

const suite = browserSuite();
const open = (query: string, viewport?: { width: number; height: number }) => openPage(suite, query, viewport);

async function weights(page: Page): Promise<number[]> {
  const cells = await page.locator('table.weights tbody tr td:nth-child(2)').allInnerTexts();
  return cells.map(danishNumber);
}

describe('Kunstig neuron', () => {
  test('opens on Good Food at iteration 0 with E = ½·Σ(t − ½)² = 12,5', async () => {
    const page = await open('?page=neuron');
    assert.equal(await page.locator('h1').innerText(), 'Kunstig neuron');
    assert.equal(await iteration(page), 0);
    // All weights 0: o = ½ for all 100 customers, so E = 100 · ½ · ¼.
    assert.equal(danishNumber(await page.locator('[data-stat="loss"]').innerText()), 12.5);
    assert.match(await page.locator('.data-summary').innerText(), /100 eksempler · 2 inputs · 40 Ja og 60 Nej/);
    assert.deepEqual(await weights(page), [0, 0, 0]);
  });

  test('a training run draws a falling loss curve', async () => {
    const page = await open('?page=neuron&speed=max');
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 1000);
    const canvas = page.locator('canvas[data-last-loss]');
    const first = Number(await canvas.getAttribute('data-first-loss'));
    const last = Number(await canvas.getAttribute('data-last-loss'));
    assert.equal(first, 12.5);
    assert.ok(last < first * 0.9, `E fell from ${first} to ${last}`);
    assert.ok(Number(await canvas.getAttribute('data-points')) > 100);
    assert.equal(Number(await canvas.getAttribute('data-last-iteration')), 1000);
    assert.ok((await weights(page)).every((w) => w !== 0));
  });

  test('a link reproduces the notes\' GeoGebra sheet: 499 updates from (−26,54; 1,21)', async () => {
    const page = await open('?page=neuron&data=goodfood3&std=0&eta=0.1&w=-26.54,1.21&iter=499&speed=max');
    assert.equal(await page.locator('select[name="dataset"]').inputValue(), 'goodfood3');
    assert.equal(await page.locator('input[name="eta"]').inputValue(), '0,1');
    assert.equal(await page.locator('input[name="standardize"]').isChecked(), false);
    assert.deepEqual(await weights(page), [-26.54, 1.21]);
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 499);
    // Row 501 of gradientnedstigning.ggb: w0 = −26,56203, w1 = 0,5332845 (shown to 4 digits).
    assert.deepEqual(await weights(page), [-26.56, 0.5333]);
  });

  test('Ét skridt, Pause and Nulstil', async () => {
    const page = await open('?page=neuron&speed=5&iter=1000');
    await page.getByRole('button', { name: 'Ét skridt' }).click();
    await waitForIteration(page, 1);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForFunction(() => Number(document.querySelector('[data-stat="iteration"]')?.textContent) >= 3);
    await page.getByRole('button', { name: 'Pause' }).click();
    // The paused state comes after every earlier one, and turns Start into Fortsæt.
    await page.locator('[data-action="start"]', { hasText: 'Fortsæt' }).waitFor();
    const paused = await iteration(page);
    await page.waitForTimeout(600);
    assert.equal(await iteration(page), paused, 'no training while paused');
    await page.getByRole('button', { name: 'Nulstil' }).click();
    await waitForIteration(page, 0);
    assert.deepEqual(await weights(page), [0, 0, 0]);
  });

  test('the prediction panel reproduces Hans and Gerda from the slides', async () => {
    const page = await open('?page=neuron&std=0&w=-0.298,-0.0375,0.000769');
    const decision = page.locator('.decision');
    await decision.filter({ hasText: /o = 0,627 ≥ 0,5.*"Ja".*Vis tilbuddet!/ }).waitFor();
    await page.locator('input[name="ask-0"]').fill('65');
    await page.locator('input[name="ask-1"]').fill('2800');
    assert.match(await decision.innerText(), /o = 0,358 < 0,5.*"Nej".*Vis ikke tilbuddet/);
  });

  test('a bad CSV shows where it is wrong and keeps the data and the training', async () => {
    const page = await open('?page=neuron&speed=max&iter=200');
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 200);
    const before = await weights(page);
    await page.locator('input[type="file"]').setInputFiles({ name: 'kunder.csv', mimeType: 'text/csv',
      buffer: Buffer.from('Alder;Forbrug;Aktiveret\n50;3500;Ja\n40;2x00;Nej\n61;1800;Nej\n', 'utf8') });
    const message = page.locator('.data-panel .field-error');
    await message.waitFor();
    assert.match(await message.innerText(), /Række 3/);
    assert.match(await message.innerText(), /Forbrug/);
    assert.match(await page.locator('.data-summary').innerText(), /^100 eksempler/);
    assert.equal(await page.locator('select[name="dataset"]').inputValue(), 'goodfood');
    assert.equal(await iteration(page), 200);
    assert.deepEqual(await weights(page), before);
  });

  test('a binary file renamed .csv is refused in plain words', async () => {
    const page = await open('?page=neuron');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(400, 7)]);
    await page.locator('input[type="file"]').setInputFiles({ name: 'data.csv', mimeType: 'text/csv', buffer: png });
    const message = page.locator('.data-panel .field-error');
    await message.waitFor();
    assert.match(await message.innerText(), /tekstfil/);
    assert.match(await page.locator('.data-summary').innerText(), /^100 eksempler/);
  });

  test('an XLSX file like aimat.dk\'s goodfood.xlsx loads and trains', async () => {
    const page = await open('?page=neuron&speed=max&iter=300');
    const rows: (string | number)[][] = [['Alder', 'Forbrug', 'Kon', 'Aktiveret']];
    const customers: [number, number, number, string][] = [[23, 2900, 1, 'Ja'], [31, 2400, 0, 'Ja'], [38, 3300, 1, 'Ja'],
      [45, 2100, 0, 'Nej'], [52, 3600, 1, 'Ja'], [58, 2500, 0, 'Nej'], [64, 3100, 1, 'Nej'], [71, 1900, 0, 'Nej']];
    rows.push(...customers);
    await page.locator('input[type="file"]').setInputFiles({ name: 'goodfood.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(buildXlsx(rows)) });
    await page.locator('.data-summary').filter({ hasText: /^8 eksempler · 2 inputs · 4 Ja og 4 Nej/ }).waitFor();
    assert.equal(await page.locator('select[name="target"]').inputValue(), 'Aktiveret');
    assert.match(await page.locator('select[name="dataset"] option:checked').innerText(), /goodfood\.xlsx/);
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 300);
    const accuracy = await page.locator('[data-stat="accuracy"]').innerText();
    assert.match(accuracy, /%/);
  });

  test('a large file: a spreadsheet\'s reading can be cancelled, and 100 000 rows train with a thinned plot and a working Pause', async () => {
    const page = await open('?page=neuron&speed=max&iter=1000000');
    // x1 = m mod 100, x2 = m mod 37, t = 1 when x1 + x2 > 60: both classes, every row different enough
    const rows: (string | number)[][] = [['x1', 'x2', 't']];
    for (let m = 0; m < 100_000; m++) rows.push([m % 100, m % 37, (m % 100) + (m % 37) > 60 ? 1 : 0]);
    // Annullér the moment the bar shows (an .xlsx shows it at once), however fast the worker reads.
    const cancelled = page.evaluate(() => new Promise<void>((resolve) => {
      const box = document.querySelector<HTMLElement>('[data-upload="reading"]')!;
      new MutationObserver((_, observer) => {
        if (box.hidden) return;
        observer.disconnect();
        box.querySelector<HTMLButtonElement>('[data-action="upload-cancel"]')!.click();
        resolve();
      }).observe(box, { attributes: true });
    }));
    await page.locator('input[type="file"]').setInputFiles({ name: 'stor.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(buildXlsx(rows)) });
    await cancelled;
    await page.locator('.data-panel', { hasText: 'Læsningen af stor.xlsx blev annulleret; dataene fra før er stadig i brug.' }).waitFor();
    assert.equal(await page.locator('[data-upload="reading"]').isHidden(), true);
    assert.match(await page.locator('.data-summary').innerText(), /^100 eksempler/);

    const csv = rows.map((r) => r.join(';')).join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'stor.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('.data-summary').filter({ hasText: /^100\.000 eksempler/ }).waitFor({ timeout: 60_000 });
    // 100 000 / 2 500 = every 40th row drawn
    await page.locator('[data-plot="thinned"]', { hasText: 'Tegningen viser 2.500 af de 100.000 punkter' }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForFunction(() => Number(document.querySelector('[data-stat="iteration"]')?.textContent?.replace(/\./g, '')) >= 20);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.locator('[data-action="start"]:not([disabled])').waitFor();
    const paused = await iteration(page);
    await page.waitForTimeout(500);
    assert.equal(await iteration(page), paused, 'no iteration after Pause');
    assert.ok(paused < 1_000_000);
  });

  test('a link whose columns, start weights or inputs do not fit the data says so instead of ignoring them', async () => {
    const page = await open('?page=neuron&t=Findesikke&x=Alder,Vægt&w=1,2,3,4,5,6,7,8,9&ask=1,2,3,4,5');
    const notices = page.locator('.notices');
    // Good Food: target Aktiveret, inputs Alder and Forbrug, so 3 weights w0 … w2 and 2 inputs
    await notices.getByText('Adressen beder om kolonnen t=Findesikke som mål').waitFor();
    await notices.getByText('Adressen beder om inputkolonnerne x=Alder,Vægt').waitFor();
    await notices.getByText('Adressens startvægte (w=) har 9 tal, men neuronen har 3 vægte (w0 … w2). Den starter fra 0 i stedet.').waitFor();
    await notices.getByText('Adressens input til forudsigelsen (ask=) har 5 tal, men datasættet har 2 input.').waitFor();
    assert.deepEqual(await weights(page), [0, 0, 0]);
    // start weights beyond ±10^6 would overflow E before the first step: the link's value is refused
    const huge = await open('?page=neuron&w=random:1e308');
    await huge.locator('.notices').getByText('w=random:1e308').waitFor();
  });

  test('an absurd learning rate stops with a message, and no NaN reaches the screen', async () => {
    const page = await open('?page=neuron&act=identity&std=0&eta=1000000&speed=max');
    await page.getByRole('button', { name: 'Start' }).click();
    const message = page.locator('.run-message');
    await message.waitFor();
    assert.match(await message.innerText(), /Træningen stoppede efter iteration \d+.*η = 1\.000\.000 er for stor/);
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /NaN|Infinity/);
  });

  test('a dead ReLU neuron (all start weights 0) is explained, and random start weights revive it', async () => {
    const page = await open('?page=neuron&act=relu&speed=max&iter=50');
    const hint = page.locator('.run-hint');
    await hint.waitFor();
    assert.match(await hint.innerText(), /Alle ∂E\/∂wᵢ er 0/);
    await page.locator('select[name="start-kind"]').selectOption('random');
    await hint.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 50);
  });

  test('a typed η that is not a number is refused and the old one kept', async () => {
    const page = await open('?page=neuron');
    const eta = page.locator('input[name="eta"]');
    await eta.fill('hurtig');
    await eta.press('Enter');
    await page.getByText('Læringsraten η skal være et positivt tal').waitFor();
    assert.doesNotMatch(page.url(), /eta=/);
    await eta.fill('0,01');
    await eta.press('Enter');
    await page.waitForFunction(() => location.search.includes('eta=0.01'));
  });

  test('English toggle translates the page and switches to decimal points', async () => {
    const page = await open('?page=neuron&std=0&w=-0.298,-0.0375,0.000769');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Artificial neuron' }).waitFor();  // the English texts load on the first click
    await page.waitForFunction(() => location.search.includes('lang=en'));
    assert.match(await page.locator('.decision').innerText(), /o = 0\.627 ≥ 0\.5/);
    assert.equal(await page.locator('input[name="eta"]').inputValue(), '0.001');
  });

  test('on a 360-px phone everything fits the width', async () => {
    const page = await open('?page=neuron', { width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow} px wider than the screen`);
    await screenshot(page, 'neuron-phone-360');
  });

  test('a desktop screenshot after training', async () => {
    const page = await open('?page=neuron&speed=max&iter=2000');
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 2000);
    await screenshot(page, 'neuron-desktop');
  });
});
