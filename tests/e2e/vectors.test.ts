// The Ordvektorer page in Chromium: the gallery's analogies with the shipped vectors, an unknown
// word, the PCA picture, questions from the URL, own vector files (good, gzipped and broken),
// a phone, an embedding, and working offline once the vectors have been fetched.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot } from './harness.ts';

const suite = browserSuite();

// Hand-made 4-D vectors (axes: royal, male, female, animal), as in tests/cpp/word2vec_space_test.cpp.
const HAND_MADE = `7 4
konge 1 1 0 0
dronning 1 0 1 0
mand 0 1 0 0.1
kvinde 0 0 1 0.1
hund 0 0.2 0 1
kat 0 0 0.2 1
prins 0.9 1 0 0.2
`;

async function openVectors(query: string, viewport?: { width: number; height: number }): Promise<Page> {
  const { page } = await suite.open({ viewport });
  await page.goto(`${suite.server.url}?page=vectors${query}`);
  await page.locator('.vectors-info').filter({ hasText: /40\.000 danske ord/ }).waitFor({ timeout: 30_000 });
  return page;
}

async function answers(page: Page): Promise<string[]> {
  await page.locator('.matches [data-word]').first().waitFor();
  return page.locator('.matches [data-word]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-word') ?? ''));
}

// How many pixels of the PCA canvas have the colour of the point a − b + c (#7c3aed).
async function sumPointPixels(page: Page): Promise<number> {
  return page.locator('.pca-box canvas').evaluate((canvas: HTMLCanvasElement) => {
    // Read a copy: reading the chart's own canvas twice makes Chromium warn about readbacks.
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(canvas, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i] - 0x7c) < 12 && Math.abs(data[i + 1] - 0x3a) < 12 && Math.abs(data[i + 2] - 0xed) < 12) count++;
    return count;
  });
}

describe('Ordvektorer', () => {
  test('the gallery: konge − mand + kvinde gives dronning first, drawn as a parallelogram', async () => {
    const page = await openVectors('&tool=neighbours&w=hund');
    await answers(page);
    assert.equal(await sumPointPixels(page), 0, 'no a − b + c point for a neighbour question');
    await page.getByRole('link', { name: 'konge − mand + kvinde' }).click();
    await page.locator('.answer-head', { hasText: 'konge − mand + kvinde ≈' }).waitFor();
    assert.equal((await answers(page))[0], 'dronning');
    assert.ok(await sumPointPixels(page) > 20, 'the point a − b + c is drawn');
    assert.equal(new URL(page.url()).searchParams.get('tool'), null, 'analogy is the default tool');
    await screenshot(page, 'vectors-analogy');
  });

  test('every analogy of the gallery gives its expected word first', async () => {
    const page = await openVectors('');
    const expected: [string, string][] = [['far − mand + kvinde', 'mor'], ['søn − dreng + pige', 'datter'],
      ['katte − kat + hund', 'hunde'], ['gik − gå + løbe', 'løb'], ['bedre − god + stor', 'større'],
      ['sommer − varm + kold', 'vinter']];
    for (const [label, word] of expected) {
      await page.getByRole('link', { name: label }).click();
      await page.locator('.answer-head', { hasText: `${label} ≈` }).waitFor();
      assert.equal((await answers(page))[0], word, label);
    }
  });

  test('an unknown word gets a Danish message with the closest spellings, one click from the answer', async () => {
    const page = await openVectors('&tool=neighbours&w=kvine');
    const message = page.locator('.unknown');
    await message.waitFor();
    assert.match(await message.innerText(), /»kvine« findes ikke blandt de 40\.000 ord\.\s+Mente du:/);
    await message.getByRole('button', { name: 'kvinde', exact: true }).click();
    await page.locator('.answer-head', { hasText: 'Nærmeste naboer til »kvinde«' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('w'), 'kvinde');
    assert.equal(await page.locator('.unknown').count(), 0);
  });

  test('typed words in any case, with æ, ø, å, are found; the question goes into the URL', async () => {
    const page = await openVectors('&tool=neighbours');
    const box = page.locator('input[name="w"]');
    await box.fill('SØSTER');
    await box.press('Enter');
    await page.locator('.answer-head', { hasText: 'Nærmeste naboer til »søster«' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('w'), 'søster');
    assert.equal((await answers(page)).length, 10);
  });

  test('similarity and the odd one out from a link', async () => {
    const page = await openVectors('&tool=similarity&sim=hund,kat');
    const similarity = page.locator('[data-answer="similarity"]');
    await similarity.waitFor();
    assert.match(await similarity.innerText(), /^cos\(hund, kat\) = 0,\d{3}$/);
    await page.goto(`${suite.server.url}?page=vectors&tool=odd&odd=hund,kat,ko,stol`);
    await page.locator('[data-answer="odd"]', { hasText: '»stol« passer ikke ind.' }).waitFor();
  });

  test('own vectors: a .vec file is used, a gzipped one too, and a broken one is refused with its line', async () => {
    const page = await openVectors('&tool=neighbours&w=konge');
    const input = page.locator('input[name="vectors-file"]');
    await input.setInputFiles({ name: 'haandlavet.vec', mimeType: 'text/plain', buffer: Buffer.from(HAND_MADE) });
    await page.locator('.vectors-info', { hasText: 'Dine egne vektorer fra haandlavet.vec: 7 ord med 4 tal hver.' }).waitFor();
    // cos(konge, prins) = (0.9 + 1)/(√2·√1.85) = 0.98776
    await page.locator('.matches tbody tr').first().filter({ hasText: 'prins' }).filter({ hasText: '0,988' }).waitFor();

    await input.setInputFiles({ name: 'broken.vec', mimeType: 'text/plain',
      buffer: Buffer.from('2 3\nhund 0.1 0.2 0.3\nkat 0.1 NaN 0.3\n') });
    await page.locator('.load-panel .field-error', {
      hasText: 'broken.vec kunne ikke bruges. Linje 3, vektor nr. 2: et tal er NaN eller uendeligt. De vektorer, du havde, er stadig i brug.',
    }).waitFor();
    assert.match(await page.locator('.vectors-info').innerText(), /haandlavet\.vec: 7 ord/);

    await input.setInputFiles({ name: 'pakket.vec.gz', mimeType: 'application/gzip', buffer: gzipSync(HAND_MADE) });
    await page.locator('.vectors-info', { hasText: 'pakket.vec.gz: 7 ord' }).waitFor();
    await page.getByRole('button', { name: 'Tilbage til standardvektorerne' }).click();
    await page.locator('.vectors-info').filter({ hasText: /40\.000 danske ord/ }).waitFor();
  });

  test('the texts follow the loaded vectors: their dimension, and only gallery questions whose words they know', async () => {
    const page = await openVectors('&tool=neighbours&w=hund');
    assert.match(await page.locator('[data-vectors="intro"]').innerText(), /^Hvert ord er en vektor med 100 tal\./);
    assert.equal(await page.locator('.gallery a.example:visible').count(), 14);  // 7 analogies and 7 other questions
    await page.locator('input[name="vectors-file"]').setInputFiles({ name: 'tre.vec', mimeType: 'text/plain',
      buffer: Buffer.from('3 2\nhund 1 0\nkat 0.9 0.1\nstol 0 1\n') });
    await page.locator('.vectors-info', { hasText: 'tre.vec: 3 ord med 2 tal hver.' }).waitFor();
    assert.match(await page.locator('[data-vectors="intro"]').innerText(), /^Hvert ord er en vektor med 2 tal\./);
    assert.match(await page.locator('.vectors-plot .field-help').innerText(), /^Vektorerne har kun 2 tal\./);
    // of the gallery only "Naboer: hund", cos(hund, kat) and cos(hund, stol) use nothing but hund, kat and stol
    assert.deepEqual(await page.locator('.gallery a.example:visible').allInnerTexts(),
      ['Naboer: hund', 'cos(hund, kat)', 'cos(hund, stol)']);
    assert.equal(await page.locator('.gallery h3:visible').allInnerTexts().then((h) => h.length), 1);
    await page.locator('.gallery .field-help', { hasText: 'kun de eksempler, hvis ord dine vektorer kender' }).waitFor();
    await page.locator('input[name="vectors-file"]').setInputFiles({ name: 'andre.vec', mimeType: 'text/plain',
      buffer: Buffer.from('2 3\nsol 1 0 0\nmåne 0 1 0\n') });
    await page.locator('[data-gallery="none"]', { hasText: 'Dine vektorer kender ingen af ordene i eksemplerne.' }).waitFor();
    assert.equal(await page.locator('.gallery a.example:visible').count(), 0);
  });

  test('a file being read can be cancelled: the vectors from before stay in use and still answer', async () => {
    const page = await openVectors('&tool=neighbours&w=konge');
    // Annullér pressed by the page itself the moment the reading shows, before the worker answers
    const cancelled = page.evaluate(() => new Promise<string>((resolve) => {
      const button = document.querySelector<HTMLButtonElement>('[data-action="vectors-cancel"]')!;
      const box = button.parentElement!;
      new MutationObserver((_, observer) => {
        if (box.hidden) return;
        observer.disconnect();
        button.click();
        resolve(document.querySelector('.load-panel .data-summary')!.textContent ?? '');
      }).observe(box, { attributes: true, attributeFilter: ['hidden'] });
    }));
    const input = page.locator('input[name="vectors-file"]');
    await input.setInputFiles({ name: 'haandlavet.vec', mimeType: 'text/plain', buffer: Buffer.from(HAND_MADE) });
    assert.equal(await cancelled, 'Læser haandlavet.vec …');
    await page.locator('.load-panel .data-summary',
      { hasText: 'Læsningen af haandlavet.vec blev annulleret; vektorerne fra før er stadig i brug.' }).waitFor();
    assert.equal(await page.locator('[data-vectors="loading"]').isVisible(), false);
    await page.waitForTimeout(300);  // a late answer from the ended worker would show here
    assert.match(await page.locator('.vectors-info').innerText(), /40\.000 danske ord/);
    await page.locator('.gallery a.example', { hasText: 'Naboer: hund' }).click();
    await page.locator('.matches tbody tr').first().filter({ hasText: 'hunden' }).waitFor();
    // and the same file, not cancelled, is used
    await input.setInputFiles({ name: 'haandlavet.vec', mimeType: 'text/plain', buffer: Buffer.from(HAND_MADE) });
    await page.locator('.vectors-info', { hasText: 'haandlavet.vec: 7 ord med 4 tal hver.' }).waitFor();
  });

  test('a truncated download and a wrong header are explained', async () => {
    const page = await openVectors('&tool=neighbours&w=hund');
    const input = page.locator('input[name="vectors-file"]');
    const error = page.locator('.load-panel .field-error');
    await input.setInputFiles({ name: 'halv.vec', mimeType: 'text/plain', buffer: Buffer.from('3 2\na 1 2\nb 3 4\n') });
    await error.filter({ hasText: 'Linje 4, vektor nr. 3: filen slutter, før alle vektorerne er kommet.' }).waitFor();
    await input.setInputFiles({ name: 'stor.vec', mimeType: 'text/plain', buffer: Buffer.from('10 999999\n') });
    await error.filter({ hasText: 'antallet af ord eller dimensioner er urimeligt' }).waitFor();
    await input.setInputFiles({ name: 'ødelagt.gz', mimeType: 'application/gzip', buffer: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]) });
    await error.filter({ hasText: '.gz-filen er beskadiget' }).waitFor();
    assert.match(await page.locator('.vectors-info').innerText(), /40\.000 danske ord/);
  });

  test('on a phone the analogy and its picture fit the screen', async () => {
    const page = await openVectors('', { width: 360, height: 740 });
    assert.equal((await answers(page))[0], 'dronning');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling (${width} px)`);
    assert.ok(await sumPointPixels(page) > 20);
    await screenshot(page, 'vectors-phone');
  });

  test('embedded with hidden controls', async () => {
    const page = await openVectors('&embed=1&hide=gallery,load');
    assert.equal(await page.locator('[data-control="gallery"]').isVisible(), false);
    assert.equal(await page.locator('[data-control="load"]').isVisible(), false);
    assert.equal(await page.locator('[data-control="tools"]').isVisible(), true);
    await page.getByRole('link', { name: 'Åbn i AI-værkstedet' }).waitFor();
  });

  test('after one visit the vectors come from the offline copy', async () => {
    const { page, context } = await suite.open();
    await page.goto(`${suite.server.url}?page=vectors`);
    await page.locator('.vectors-info').filter({ hasText: /40\.000 danske ord/ }).waitFor({ timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();  // now controlled by the service worker, which keeps the vectors it sees
    await page.locator('.vectors-info').filter({ hasText: /40\.000 danske ord/ }).waitFor({ timeout: 30_000 });
    // The copy is stored after the page has its answer: wait until the cache holds the vectors.
    await page.waitForFunction(async () => {
      for (const name of await caches.keys())
        if ((await (await caches.open(name)).keys()).some((request) => request.url.endsWith('.aivec'))) return true;
      return false;
    }, null, { timeout: 20_000, polling: 200 });
    await context.setOffline(true);
    await page.reload();
    await page.locator('.vectors-info').filter({ hasText: /40\.000 danske ord/ }).waitFor({ timeout: 30_000 });
    assert.equal((await answers(page))[0], 'dronning');
    await context.setOffline(false);
  });
});
