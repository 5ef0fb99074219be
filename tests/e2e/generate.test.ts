// The "Tekstgenerering" page in Chromium: the note's four sentences give the note's numbers
// (P(efter | løber) = 1/4 from 1 of 4, 12 bigrams, "hund en kat" never seen), the temperature
// changes the bars as z ∝ p^(1/T) says, greedy writing repeats itself, a written word opens the
// distribution it came from, the course's small network shows 0,9424 and recomputes, and bad
// input gets its message while the page keeps working. Desktop, phone and embed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot } from './harness.ts';
import { danishNumber } from './page-helpers.ts';

const suite = browserSuite();

async function openGenerate(query = '', viewport?: { width: number; height: number }): Promise<Page> {
  const { page } = await suite.open({ viewport });
  await page.goto(`${suite.server.url}?page=generate${query}`);
  await page.locator('[data-generate="stats"]').filter({ hasText: /ord i alt/ }).waitFor();
  await page.locator('[data-next="context"]').filter({ hasText: /\S/ }).waitFor();
  return page;
}

// The bars' rows: word, count, P at T = 1, P at the chosen T.
async function bars(page: Page): Promise<{ word: string; count: number; p: number; z: number }[]> {
  return page.locator('[data-next="bars"] tbody tr').evaluateAll((rows) => rows.map((row) => {
    const cells = Array.from(row.querySelectorAll('th, td'), (c) => c.textContent ?? '');
    return { word: cells[0], count: cells[1], p: cells[2], z: cells[3] };
  })).then((rows) => rows.map((r) => ({ word: r.word, count: danishNumber(r.count), p: danishNumber(r.p), z: danishNumber(r.z) })));
}

describe('Tekstgenerering', () => {
  test("the note's four sentences: 25 words, P(efter | løber) = 1/4, 12 bigrams", async () => {
    const page = await openGenerate('&p=løber');
    assert.equal(await page.locator('[data-generate="stats"]').innerText(), 'Teksten har 25 ord i alt, 6 forskellige.');
    await page.locator('[data-next="context"]', { hasText: 'Sammenhængen »løber« findes 4 gange i teksten.' }).waitFor();
    const rows = await bars(page);
    assert.deepEqual(rows.map((r) => [r.word, r.count, r.p]), [['en', 2, 0.5], ['efter', 1, 0.25], ['ikke', 1, 0.25]]);
    await page.locator('[data-table="summary"]', { hasText: /^12 forskellige/ }).waitFor();
    const first = await page.locator('[data-table="grams"] tbody tr').first().innerText();
    assert.match(first, /^en hund\s+4$/);  // 4 times, as the note says; equal counts in the order the words are met
    await screenshot(page, 'generate-desktop');
  });

  test("the note's walk-through: step by step, the word the note chose is marked in the distribution it came from", async () => {
    const page = await openGenerate();
    await page.locator('[data-action="walk-step"]').click();
    await page.locator('[data-walk="text"]', { hasText: 'Efter »en« vælger noten »kat«.' }).waitFor();
    await page.locator('[data-next="bars"] tr.marked th', { hasText: 'kat' }).waitFor();
    for (let i = 0; i < 3; i++) await page.locator('[data-action="walk-step"]').click();
    await page.locator('[data-walk="text"]', { hasText: 'Efter »en kat løber en« vælger noten »kat«.' }).waitFor();
    assert.equal(await page.locator('input[name="prompt"]').inputValue(), 'en kat løber en');
    // P(kat | en) = 4/8
    await page.locator('[data-next="bars"] tr.marked td.bar-cell', { hasText: '0,500' }).first().waitFor();
    // With trigrams: "en hund efter" twice; after "hund en" only "hund" (the text starts over), never "kat".
    await page.locator('select[name="order"]').selectOption('3');
    await page.locator('[data-walk="box"] h3', { hasText: 'trigrammer' }).waitFor();
    await page.locator('[data-action="walk-step"]').click();
    await page.locator('[data-next="context"]', { hasText: 'Sammenhængen »en hund« findes 4 gange' }).waitFor();
    assert.match(await page.locator('[data-next="bars"] tr.marked').innerText(), /^efter\s+2\s/);
    await page.locator('[data-action="walk-step"]').click();
    await page.locator('[data-next="context"]', { hasText: 'Sammenhængen »hund en« findes én gang' }).waitFor();
    assert.deepEqual((await bars(page)).map((r) => [r.word, r.count]), [['hund', 1]]);
    await page.locator('[data-walk="text"]', { hasText: '»hund en kat« står ikke i teksten' }).waitFor();
    await page.locator('select[name="order"]').selectOption('4');
    assert.equal(await page.locator('[data-walk="box"]').isVisible(), false);
  });

  test('temperature: the side-by-side bars follow z = p^(1/T) / Σ p^(1/T); greedy puts all on the first', async () => {
    const page = await openGenerate('&p=løber');
    await page.locator('input[name="temperature"]').fill('0,5');
    await page.locator('input[name="temperature"]').press('Tab');
    await page.locator('[data-next="bars"] thead', { hasText: 'P ved T = 0,5' }).waitFor();
    // p = (½, ¼, ¼) → p² = (¼, 1/16, 1/16) / (6/16) = (0,667; 0,167; 0,167)
    assert.deepEqual((await bars(page)).map((r) => r.z), [0.667, 0.167, 0.167]);
    await page.locator('[data-generate="formula"] .katex').first().waitFor();
    assert.match(page.url(), /[?&]t=0\.5(&|$)/);
    await page.locator('input[name="greedy"]').check();
    await page.locator('[data-next="bars"] thead', { hasText: 'P, grådig' }).waitFor();
    assert.deepEqual((await bars(page)).map((r) => r.z), [1, 0, 0]);
  });

  test('an unseen context says so; back-off says which context it used instead', async () => {
    const page = await openGenerate('&p=hund%20en%20kat&n=4');
    await page.locator('[data-next="context"]', { hasText: 'Sammenhængen »hund en kat« findes ikke i teksten' }).waitFor();
    assert.equal(await page.locator('[data-next="bars"] tbody tr').count(), 0);
    await page.locator('input[name="backoff"]').check();
    await page.locator('[data-next="context"]', { hasText: 'bruger i stedet »en kat«, som findes 4 gange (back-off)' }).waitFor();
    // a word the text does not have is named and skipped
    await page.locator('input[name="prompt"]').fill('en ulv');
    await page.locator('[data-next="unknown"]', { hasText: 'Teksten har ikke ordet »ulv«; det er sprunget over.' }).waitFor();
  });

  test('greedy writing repeats itself; a written word shows the distribution it was drawn from', async () => {
    const page = await openGenerate('&p=en&words=6');
    await page.locator('[data-action="generate"]').click();
    const greedy = page.locator('.compared-run').first();
    await greedy.locator('.written-word').first().waitFor();
    // after "en": hund 4, kat 4 (the first met wins); hund → efter; efter → en
    assert.deepEqual(await greedy.locator('.written-word').allInnerTexts(), ['hund', 'efter', 'en', 'hund', 'efter', 'en']);
    assert.equal(await page.locator('.compared-run').count(), 4);
    await page.locator('[data-written="text"] .written-word').nth(1).click();
    const before = await page.locator('[data-written="text"]').first().evaluate((text) =>
      Array.from(text.querySelectorAll('.prompt-word, .written-word'), (w) => w.textContent).slice(0, 2).join(' '));
    assert.equal(await page.locator('input[name="prompt"]').inputValue(), before);
  });

  test("the course's small network: P(spinder) = 0,9424, recomputed when a number changes, refused when not a number", async () => {
    const page = await openGenerate();
    await page.locator('[data-network="result"]', { hasText: 'P(spinder) = 0,9424' }).waitFor();
    // u_{1,0} = 0,5 → 2,5: y_spinder grows by 2, z = 1/(1 + e^{−(y1 − y2)}) with y1 − y2 = 4,7944 → 0,9918
    await page.locator('input[aria-label="u1,0"]').fill('2,5');
    await page.locator('[data-network="result"]', { hasText: 'P(spinder) = 0,9918' }).waitFor();
    // the notes' weight count, and a larger one: 50·(1 + 3·3 + 2000) + 2000 = 102 500; d = 100: 203 000
    await page.locator('[data-weights="count"]', { hasText: '= 102.500 vægte' }).waitFor();
    await page.locator('input[name="weights-d"]').fill('100');
    await page.locator('[data-weights="count"]', { hasText: '100·(1 + 3·3 + 2.000) + 2.000 = 203.000 vægte' }).waitFor();
    await page.locator('input[aria-label="u1,0"]').fill('to');
    await page.locator('.network-toy .field-error', { hasText: 'Alle felter skal være tal' }).waitFor();
    assert.equal(await page.locator('[data-network="result"]').innerText(), 'P(spinder) = 0,9918');
  });

  test('practice sentences and an own text; a one-word text is refused and the text before stays', async () => {
    const page = await openGenerate('&src=practice&sent=200&p=hunden');
    await page.locator('[data-generate="stats"]').filter({ hasText: /^Teksten har [\d.]+ ord i alt/ }).waitFor();
    assert.ok((await bars(page)).length > 0);
    await page.locator('select[name="source"]').selectOption('own');
    await page.locator('textarea[name="own-text"]').fill('Hej.');
    await page.locator('[data-action="use-text"]').click();
    await page.locator('.generate-page .field-error', { hasText: 'Teksten har kun ét ord' }).waitFor();
    await page.locator('textarea[name="own-text"]').fill('Solen skinner. Solen går ned. Månen skinner.');
    await page.locator('[data-action="use-text"]').click();
    await page.locator('[data-generate="stats"]', { hasText: 'Teksten har 7 ord i alt, 5 forskellige.' }).waitFor();
    // a text of one sentence twice: whatever is written stands in it word for word, and is underlined
    await page.locator('textarea[name="own-text"]').fill('Hunden gør ad katten i haven hver dag. Hunden gør ad katten i haven hver dag.');
    await page.locator('[data-action="use-text"]').click();
    await page.locator('[data-generate="stats"]', { hasText: 'Teksten har 16 ord i alt, 8 forskellige.' }).waitFor();
    await page.locator('input[name="prompt"]').fill('hunden');
    await page.locator('[data-action="generate"]').click();
    await page.locator('[data-written="text"] .written-word').first().waitFor();
    assert.equal(await page.locator('[data-written="text"]').first().locator('.written-word:not(.copied)').count(), 0);
  });

  test('a text file: counted in the worker; a long read can be cancelled; a picture and a file of numbers are refused', async () => {
    const page = await openGenerate('&src=own&p=katten');
    const input = page.locator('input[name="text-file"]');
    await input.setInputFiles({ name: 'dyr.txt', mimeType: 'text/plain', buffer: Buffer.from('Katten sover i solen. Hunden gør ad katten.\n'.repeat(1000)) });
    await page.locator('[data-generate="file"]', { hasText: /^dyr\.txt · / }).waitFor();
    await page.locator('[data-generate="stats"]', { hasText: 'Teksten har 8.000 ord i alt, 7 forskellige.' }).waitFor();
    // 8 words a line, 1 000 lines; "katten" twice a line
    await page.locator('[data-next="context"]', { hasText: 'Sammenhængen »katten« findes 2.000 gange i teksten.' }).waitFor();
    // Annullér pressed by the page itself the moment the bar shows (a quiet machine reads fast)
    const cancelled = page.evaluate(() => new Promise<void>((resolve, reject) => {
      setTimeout(() => reject(new Error('the reading bar never showed')), 20_000);
      const box = document.querySelector<HTMLElement>('[data-generate="reading"]')!;
      new MutationObserver((_, observer) => {
        if (box.hidden) return;
        observer.disconnect();
        document.querySelector<HTMLButtonElement>('[data-action="generate-cancel"]')!.click();
        resolve();
      }).observe(box, { attributes: true, attributeFilter: ['hidden'] });
    }));
    await input.setInputFiles({ name: 'lang.txt', mimeType: 'text/plain',
      buffer: Buffer.from('Solen skinner på den gule mark. Hunden løber efter katten i haven.\n'.repeat(200_000)) });
    await cancelled;
    await page.locator('.generate-page .field-error', { hasText: 'Læsningen blev annulleret; teksten fra før er stadig i brug.' }).waitFor();
    await page.locator('[data-next="context"]', { hasText: 'Sammenhængen »katten« findes 2.000 gange i teksten.' }).waitFor();
    assert.equal(await page.locator('[data-generate="stats"]').innerText(), 'Teksten har 8.000 ord i alt, 7 forskellige.');
    await input.setInputFiles({ name: 'billede.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    await page.locator('.generate-page .field-error', { hasText: 'billede.txt er ikke en tekstfil' }).waitFor();
    await input.setInputFiles({ name: 'tal.txt', mimeType: 'text/plain', buffer: Buffer.from('x 1 2 3 4 5 6 7 8 9\n'.repeat(100)) });
    await page.locator('.generate-page .field-error', { hasText: /Kun 10\s%\saf tegnene i starten af tal\.txt er bogstaver/ }).waitFor();
    assert.equal(await page.locator('[data-generate="stats"]').innerText(), 'Teksten har 8.000 ord i alt, 7 forskellige.');
  });

  test('the ladder: too short a text says so; on the practice sentences two words of context beat one and none', async () => {
    const page = await openGenerate();
    await page.locator('[data-ladder="about"]', { hasText: 'Teksten er for kort til at måle på: der skal være mindst 200 ord' }).waitFor();
    await page.goto(`${suite.server.url}?page=generate&src=practice&sent=2000`);
    await page.locator('[data-ladder="table"] tbody tr').nth(4).waitFor();
    const loss = (await page.locator('[data-ladder="table"] tbody tr td.bar-cell').allInnerTexts()).map(danishNumber);
    assert.equal(loss.length, 5);
    assert.ok(loss[1] < loss[0] && loss[2] < loss[1], `loss per word ${loss.join(', ')}`);
  });

  test("the neural network learns the note's text: after »en hund løber« it comes to put almost everything on »efter«", async () => {
    const page = await openGenerate('&model=neural&nvec=random&p=en%20hund%20l%C3%B8ber');
    await page.locator('[data-neural="about"]', { hasText: 'V = 6 ord' }).waitFor();
    assert.equal(await page.locator('[data-next="model-hint"]').isVisible(), true);  // untrained: says so
    // d·(1 + c·m + V) + V = 30·(1 + 3·10 + 6) + 6 = 1 116
    await page.locator('[data-neural="about"]', { hasText: '1.116 vægte' }).waitFor();
    await page.locator('[data-next="context"]', { hasText: 'Netværket læser de 3 ord før: »en hund løber«.' }).waitFor();
    await page.locator('[data-action="neural-start"]').click();
    // "en hund løber" is followed by "efter" and nothing else in the text.
    await page.waitForFunction(() => {
      const first = document.querySelector('[data-next="bars"] tbody tr');
      const p = Number(first?.querySelectorAll('td')[1]?.textContent?.replace(',', '.'));
      return first?.querySelector('th')?.textContent === 'efter' && p > 0.9;
    }, undefined, { timeout: 60_000 });
    await page.locator('[data-action="neural-pause"]').click();
    await page.locator('[data-action="neural-start"]', { hasText: 'Fortsæt' }).waitFor();
    assert.equal(await page.locator('[data-next="bars"] tbody tr').first().locator('td.count').innerText(), '–');  // no counts
    assert.equal(await page.locator('[data-next="model-hint"]').isVisible(), false);
    await page.locator('[data-neural="drawing"] svg').waitFor();
    assert.match(await page.locator('[data-neural="network-caption"]').innerText(), /30 neuroner h/);
    // An empty beginning reads the text's last three words: it starts over after "… løber en hund".
    await page.locator('input[name="prompt"]').fill('');
    await page.locator('[data-next="context"]', { hasText: '»løber en hund«' }).waitFor();
    await screenshot(page, 'generate-neural-desktop');
  });

  test('the neural network on the practice sentences: the held-out loss falls and joins the ladder', async () => {
    const page = await openGenerate('&src=practice&sent=2000&model=neural&nvec=random&nd=20');
    const heldOut = async () => danishNumber((await page.locator('[data-neural="status"]').innerText()).match(/testdelen: ([\d,]+)/)?.[1] ?? 'NaN');
    await page.locator('[data-neural="status"]', { hasText: 'testdelen' }).waitFor();
    const before = await heldOut();
    await page.locator('[data-action="neural-start"]').click();
    await page.waitForFunction(() => /[1-9][\d.]* mini-batches \((?:[1-9]|0,[2-9])/.test(document.querySelector('[data-neural="status"]')?.textContent ?? ''),
      undefined, { timeout: 60_000 });
    await page.locator('[data-action="neural-pause"]').click();
    await page.locator('[data-action="neural-start"]', { hasText: 'Fortsæt' }).waitFor();
    const after = await heldOut();
    assert.ok(after < before - 0.5, `held-out loss per word ${before} → ${after}`);
    await page.locator('[data-ladder-row="neural"]').waitFor();
    await page.locator('[data-neural="status"]', { hasText: 'Bedste N-gram på samme testdel' }).waitFor();
    // The written text comes from the network; an absurd learning rate is refused in Danish.
    await page.locator('[data-action="generate"]').click();
    await page.locator('[data-generate="written"] .written-word').first().waitFor();
    await page.locator('input[name="neural-eta"]').fill('-1');
    await page.locator('input[name="neural-eta"]').press('Tab');
    await page.locator('.field-error', { hasText: 'Læringsraten skal være et tal større end 0' }).waitFor();
  });

  test('the finished Danish model: read from data/ngram-da.aing, pruned counts said, the stored ladder, stretches copied from the literature underlined', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.url}?page=generate&src=danish&n=5&backoff=1&greedy=1&words=30&p=der%20var%20engang`);
    await page.locator('[data-generate="stats"]', { hasText: 'Modellen er talt i 2.456.919 ord; 50.367 forskellige ord er med' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('input[name="ends"]').isVisible(), false);  // the model has its own words
    // The ladder stored in the file (N = 1 … 5), said to be measured when the model was made.
    await page.locator('[data-ladder="about"]', { hasText: 'Målt, da modellen blev lavet' }).waitFor();
    assert.equal(await page.locator('[data-ladder="table"] tbody tr').count(), 5);
    // Greedy with N = 5 after "der var engang" repeats a stretch of the literature word for word.
    await page.locator('[data-generate="written"] .copied').first().waitFor();
    // N = 2 after "der": counts behind the bars, and the pruned followers said.
    await page.locator('input[name="prompt"]').fill('der');
    await page.locator('select[name="order"]').selectOption('2');
    await page.locator('[data-next="context"]', { hasText: /Sammenhængen »der« findes [\d.]+ gange i teksten\. Efter [\d.]+ af dem kom et ord, der kun stod der én gang/ }).waitFor();
    assert.ok((await bars(page))[0].count > 100);
    // No text to train the network on: said, nothing breaks.
    await page.locator('select[name="model"]').selectOption('neural');
    await page.locator('[data-neural="problem"]', { hasText: 'Den færdige model har ingen tekst' }).waitFor();
  });

  test('a 360-px phone: no sideways scrolling of the page; the embed shows the page alone', async () => {
    const page = await openGenerate('&p=en%20kat', { width: 360, height: 780 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page ${width} px wide`);
    await screenshot(page, 'generate-phone');
    await page.goto(`${suite.server.url}?page=generate&embed=1&hide=network,table`);
    await page.locator('[data-next="bars"] tbody tr').first().waitFor();
    assert.equal(await page.locator('[data-control="network"]').isVisible(), false);
  });
});
