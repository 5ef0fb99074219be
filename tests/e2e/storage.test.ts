// What the app keeps on the device, and how it degrades where the browser refuses to keep anything:
// inside a cross-site iframe (as in Lectio or Moodle) Chromium refuses sessionStorage and IndexedDB.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame } from 'playwright-core';
import { browserSuite, inHostPage, screenshot } from './harness.ts';

const suite = browserSuite();

const CSV = 'Alder,Aktiveret\n25,Nej\n40,Nej\n60,Ja\n70,Ja\n';

// The app in a cross-site iframe, and a screenshot of the lesson page after.
async function withHost(query: string, run: (frame: Frame) => Promise<void>): Promise<void> {
  await inHostPage(suite, query, async (page, frame) => {
    await run(frame);
    await screenshot(page, 'storage-refused-in-iframe');
  });
}

// Whether the element is inside the frame's visible part.
const inView = (frame: Frame, selector: string) => frame.locator(selector).evaluate((e) => {
  const r = e.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
});

describe('storage on the device', () => {
  test('in a cross-site iframe the hand-over to Ordvektorer fails beside its button and points to the download', async () => {
    await withHost('?page=train&tempo=fast&n=200', async (frame) => {
      assert.equal(await frame.evaluate(() => { try { sessionStorage.length; return true; } catch { return false; } }), false,
        'this Chromium refuses storage in a third-party iframe (else the test shows nothing)');
      await frame.locator('[data-note="kept"]', { hasText: 'må ikke gemme noget' }).waitFor();
      await frame.locator('[data-action="corpus-start"]').click();
      await frame.waitForFunction(() => /^Trænet 100\s%/.test(document.querySelector('[data-corpus="stats"]')?.textContent ?? ''));
      await frame.locator('[data-action="corpus-open"]').click();
      const message = frame.locator('[data-corpus="handover-message"]');
      await message.filter({ hasText: 'Hent som .vec-fil' }).waitFor();
      assert.ok(await inView(frame, '[data-corpus="handover-message"]'),
        `the message is where the student looks: ${await frame.locator('[data-corpus="handover-message"]').evaluate((e) => JSON.stringify(e.getBoundingClientRect()) + ' ' + window.innerHeight)}`);
      assert.equal(await frame.evaluate(() => document.activeElement?.getAttribute('data-action')), 'corpus-download');
      assert.match(frame.url(), /page=train/, 'the page stayed');
    });
  });

  test('in a cross-site iframe the neuron page says its table cannot go along, and the race page says why', async () => {
    await withHost('?page=neuron', async (frame) => {
      await frame.locator('[data-note="kept"]', { hasText: 'kan ikke få tabellen med' }).waitFor();
      await frame.locator('input[type="file"]').setInputFiles({ name: 'fire.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
      await frame.locator('.data-summary', { hasText: /^4 eksempler/ }).waitFor();
      await frame.waitForLoadState('networkidle');  // the XLSX reader is fetched at an idle moment: let it arrive
      await frame.goto(`${suite.server.url}?page=race&preset=own`);
      await frame.locator('text=browseren må ikke gemme noget for siden').waitFor();
      await frame.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();  // the default race instead
    });
  });

  test('an uploaded table goes to the race page in the same tab, and "Glem mine data" removes it', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.url}?page=neuron`);
    await page.locator('[data-note="kept"]', { hasText: 'Tabellen gemmes i dette faneblad' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'fire.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.locator('.data-summary', { hasText: /^4 eksempler/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.goto(`${suite.server.url}?page=race&preset=own`);
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    assert.ok(await page.evaluate(() => sessionStorage.length > 0));
    await page.getByRole('button', { name: 'Glem mine data' }).click();
    await page.locator('.forget-result', { hasText: 'Glemt' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    await page.reload();
    await page.locator('text=Der er ingen egne data endnu').waitFor();
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();  // the default race instead
    assert.notEqual(await page.locator('select[name="preset"]').inputValue(), 'own');
  });
});
