// "Langsom læring" in Chromium: a link starts the race from Nielsen's saturated start, squared error
// sits on its plateau while cross-entropy falls, the formulas show the table's numbers and predict
// its next row, and the CSV download parses back to the same values.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { parseCsv } from '../../web/src/data/csv.ts';
import { decodeText } from '../../web/src/data/decode.ts';
import { detectDecimal, parseNumber } from '../../web/src/data/numbers.ts';
import { plainRows } from '../../web/src/data/table.ts';
import { browserSuite, screenshot } from './harness.ts';
import { danishNumber, drawn, openPage, waitForIteration } from './page-helpers.ts';

const suite = browserSuite();
const open = (query: string, viewport?: { width: number; height: number }) => openPage(suite, query, viewport);

// The iteration table: its header texts and the row shown for an iteration.
async function tableRow(page: Page, iteration: number): Promise<Record<string, number>> {
  // The table off screen catches up just after training stops: wait for the row to be there.
  const label = new Intl.NumberFormat('da-DK').format(iteration);
  await page.locator('.iteration-table-grid tbody tr').filter({ has: page.locator(`th:text-is("${label}"), td:text-is("${label}")`) })
    .first().waitFor();
  // textContent, not innerText: the section may be out of sight, and the browser then skips its
  // rendering (content-visibility: auto), which empties innerText.
  const headers = await page.locator('.iteration-table-grid thead th').allTextContents();
  const rows = page.locator('.iteration-table-grid tbody tr');
  const count = await rows.count();
  for (let r = 0; r < count; r++) {
    const cells = await rows.nth(r).locator('th, td').allTextContents();
    if (danishNumber(cells[0]) === iteration) return Object.fromEntries(headers.map((h, j) => [h.trim(), danishNumber(cells[j])]));
  }
  throw new Error(`no row for iteration ${iteration}`);
}

// The TeX source KaTeX keeps in its MathML annotation.
// The formulas' TeX, all their blocks (typeset a block a frame: wait until every one is there).
async function formulaTex(page: Page): Promise<string> {
  await drawn(page);
  return (await page.locator('.formula-live annotation').allTextContents()).join(' \\\\ ');
}

// The whole iteration table, through its CSV download (the page shows only its first and last rows).
async function downloadTable(page: Page, lastIteration: number):
  Promise<{ text: string; columns: string[]; rows: Map<number, Record<string, number>> }> {
  await tableRow(page, lastIteration);  // the table has caught up with training
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent tabellen som CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'iterationer.csv');
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for Excel');
  const text = decodeText(new Uint8Array(bytes));
  assert.ok(text.ok);
  const table = parseCsv(text.value);
  assert.ok(table.ok);
  const decimal = detectDecimal(plainRows(table.value).flat());
  const rows = new Map(plainRows(table.value).map((row) => {
    const values = row.map((cell) => parseNumber(cell, decimal)!);
    return [values[0], Object.fromEntries(table.value.columns.map((name, j) => [name, values[j]]))];
  }));
  return { text: text.value, columns: table.value.columns, rows };
}

describe('Langsom læring', () => {
  test('a link starts the race from the saturated start: squared error sits on its plateau, cross-entropy falls', async () => {
    const page = await open('?page=race&preset=nielsen-saturated&speed=max');
    assert.equal(await page.locator('h1').innerText(), 'Langsom læring');
    assert.equal(await page.locator('select[name="preset"]').inputValue(), 'nielsen-saturated');
    assert.equal(await page.locator('input[name="eta"]').inputValue(), '0,15');
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 300);
    const { rows } = await downloadTable(page, 300);
    const [first, hundred, last] = [rows.get(0)!, rows.get(100)!, rows.get(300)!];
    // From (2, 2) squared error loses less than 5 % of E in 100 updates; cross-entropy more than 90 %.
    assert.ok(1 - hundred['SE: E'] / first['SE: E'] < 0.05, `SE: ${first['SE: E']} → ${hundred['SE: E']}`);
    assert.ok(1 - hundred['CE: E'] / first['CE: E'] > 0.9, `CE: ${first['CE: E']} → ${hundred['CE: E']}`);
    // Nielsen's numbers: squared error o = 0.9334 after 150 updates and 0.2028 after 300;
    // cross-entropy 0.0985 after 50 and 0.0120 after 300.
    assert.ok(Math.abs(rows.get(150)!['SE: o1'] - 0.9334) < 5e-5);
    assert.ok(Math.abs(rows.get(50)!['CE: o1'] - 0.0985) < 5e-5);
    assert.ok(Math.abs(last['SE: o1'] - 0.2028) < 5e-5, `SE o after 300: ${last['SE: o1']}`);
    assert.ok(Math.abs(last['CE: o1'] - 0.0120) < 5e-5, `CE o after 300: ${last['CE: o1']}`);
    // The example worst off shows why: o·(1 − o) was tiny at the start for squared error.
    assert.match(await page.locator('.compare-table').innerText(), /o·\(1 − o\)/);
    assert.equal(await page.locator('.landscape-map canvas').count(), 2);
    await screenshot(page, 'race-desktop');
  });

  test('the formulas show the table\'s numbers and predict its next row', async () => {
    const page = await open('?page=race&preset=nielsen-saturated&speed=max&iter=40');
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 40);
    for (const [loss, prefix] of [['squared', 'SE'], ['cross_entropy', 'CE']] as const) {
      await page.locator('select[name="formula-loss"]').selectOption(loss);
      const now = await tableRow(page, 40);
      const tex = (await formulaTex(page)).replace(/\{,\}/g, ',');
      // The z line writes w0 + w1·x1 with the weights of iteration 40, to five digits as in the table.
      for (const w of ['w0', 'w1']) assert.ok(tex.includes(formatFive(now[`${prefix}: ${w}`])), `${prefix}: ${w} in ${tex}`);
      // Each update line ends with the new weight: the next row of the table must say the same.
      const lines = tex.split(' \\\\ ');
      const next = lines.flatMap((line, k) => (lines[k - 1]?.includes('\\leftarrow') ? [line] : []))
        .map((line) => Number(/= (-?[\d,]+)\s*(\\end\{aligned\})?$/.exec(line.trim())![1].replace(',', '.')));
      assert.equal(next.length, 2, tex);
      await page.getByRole('button', { name: 'Ét skridt' }).click();
      await waitForIteration(page, 41);
      const after = await tableRow(page, 41);
      assert.equal(formatFive(after[`${prefix}: w0`]), formatFive(next[0]));
      assert.equal(formatFive(after[`${prefix}: w1`]), formatFive(next[1]));
      await page.getByRole('button', { name: 'Nulstil' }).click();
      await waitForIteration(page, 0);
      await page.getByRole('button', { name: 'Start' }).click();
      await waitForIteration(page, 40);
    }
  });

  test('the exam panels work the derivative out with today\'s numbers', async () => {
    const page = await open('?page=race&preset=nielsen-saturated');
    await page.getByText('2. Squared error').click();
    const numbers = page.locator('details.exam[open] .formula').nth(1);
    await numbers.locator('annotation').waitFor({ state: 'attached' });
    const tex = (await numbers.locator('annotation').textContent()) ?? '';
    // From (2, 2): o = σ(4) = 0,98201, ∂E/∂w1 = −(0 − o)·o·(1 − o)·1 = o²·(1 − o) = 0,017345, and
    // w1 ← 2 − 0,15·0,017345 = 1,9974 (a calculator's numbers).
    assert.match(tex, /0\{,\}98201/);
    assert.match(tex, /0\{,\}017345/);
    assert.match(tex, /= 1\{,\}9974/);
  });

  test('the CSV download parses back to the numbers in the table', async () => {
    const page = await open('?page=race&preset=nielsen&speed=max');
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 300);
    const { text, columns, rows } = await downloadTable(page, 300);
    assert.ok(text.split('\r\n')[0].includes(';'), 'semicolons for Danish Excel');
    assert.match(text, /\d,\d/, 'decimal commas for Danish Excel');
    assert.equal(rows.size, 301);
    const last = rows.get(300)!;
    const shown = await tableRow(page, 300);
    for (const name of columns) assert.equal(formatFive(last[name]), formatFive(shown[name]), name);
    // Nielsen from (0.6, 0.9): o = 0.0940 after 300 updates with squared error.
    assert.ok(Math.abs(last['SE: o1'] - 0.0940) < 5e-5);
  });

  test('the user\'s own data travel from the neuron page to the race', async () => {
    const { page } = await suite.open();
    await page.goto(suite.server.url + '?page=neuron');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'kunder.csv', mimeType: 'text/csv',
      buffer: Buffer.from('Alder;Forbrug;Aktiveret\n23;2900;Ja\n45;2100;Nej\n52;3600;Ja\n71;1900;Nej\n', 'utf8') });
    await page.locator('.data-summary').filter({ hasText: /^4 eksempler/ }).waitFor();
    await page.goto(suite.server.url + '?page=race&preset=own&speed=max&iter=50');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    assert.equal(await page.locator('select[name="preset"]').inputValue(), 'own');
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForIteration(page, 50);
    assert.match(await page.locator('.compare-table').innerText(), /Alder/);
  });

  test('the Indlejr code starts the race by itself and keeps the plots and the comparison', async () => {
    const page = await open('?page=race&preset=three');
    await page.getByRole('button', { name: 'Indlejr' }).click();
    const src = /src="([^"]+)"/.exec(await page.locator('textarea.embed-code').inputValue())![1].replace(/&amp;/g, '&');
    const params = new URL(src).searchParams;
    assert.deepEqual([params.get('page'), params.get('preset'), params.get('run'), params.get('embed')], ['race', 'three', '1', '1']);
    const hidden = params.get('hide')!.split(',');
    assert.ok(!hidden.includes('compare') && !hidden.includes('landscape') && hidden.includes('table'));
    await page.getByRole('checkbox', { name: 'Start løbet af sig selv, når siden åbner' }).uncheck();
    const again = /src="([^"]+)"/.exec(await page.locator('textarea.embed-code').inputValue())![1].replace(/&amp;/g, '&');
    assert.equal(new URL(again).searchParams.get('run'), null);
  });

  test('an embedded link with run=1 starts the race by itself, and fits a 360-px phone', async () => {
    const page = await open('?page=race&embed=1&speed=max&run=1', { width: 360, height: 740 });
    assert.equal(await page.locator('header.top').count(), 0);
    await waitForIteration(page, 300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${overflow} px too wide`);
    await screenshot(page, 'race-phone-360');
  });
});

// Five significant digits, as the table and the formulas print them.
function formatFive(x: number): string {
  return new Intl.NumberFormat('da-DK', { maximumSignificantDigits: 5, useGrouping: false }).format(x).replace('\u2212', '-');
}
