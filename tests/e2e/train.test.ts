// The "Træn word2vec" page in Chromium, the course's toy: L = 31,71 at the exercise's start from a
// link, a drag and a key press change L, gradient descent gets below 23, and the picture goes
// into the link.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { defaultTextTraining } from '../../web/src/train/train-state.ts';
import { loadWord2VecCore } from '../node/wasm-module.ts';
import { browserSuite, screenshot } from './harness.ts';
import { danishNumber, drawn } from './page-helpers.ts';

const suite = browserSuite();
// L at the exercise's start as tests/reference/word2vec_toy_reference.py computes it.
const toyL = (JSON.parse(readFileSync(new URL('../cases/word2vec_toy_cases.json', import.meta.url), 'utf8')) as
  { expected: { L: number } }).expected.L;

async function openToy(query = '', viewport?: { width: number; height: number }): Promise<Page> {
  const { page } = await suite.open({ viewport });
  await page.goto(`${suite.server.url}?page=train${query}`);
  await page.locator('[data-toy="loss"]').filter({ hasText: /\d/ }).waitFor();
  await drawn(page);
  return page;
}

const loss = async (page: Page) => danishNumber(await page.locator('[data-toy="loss"]').innerText());

// L once it has stopped changing: the same on screen twice, 300 ms apart, with every view drawn.
async function settledLoss(page: Page): Promise<number> {
  let last = NaN;
  for (let tries = 0; tries < 50; tries++) {
    await drawn(page);
    const now = await loss(page);
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(300);
  }
  throw new Error(`L kept changing: ${last}`);
}

describe('Træn word2vec: the course\'s toy', () => {
  test('the exercise\'s start shows L = 31,71, term by term', async () => {
    const page = await openToy();
    assert.equal(await page.locator('[data-toy="loss"]').innerText(), '31,71');
    assert.equal(await page.locator('[data-toy="sum"]').innerText(), toyL.toFixed(4).replace('.', ','));
    assert.equal(await page.locator('.toy-terms tbody tr').count(), 8);
    await screenshot(page, 'train-toy');
  });

  test('one pair worked out: P(sover | hunden) = 0,2497, and the update is the next step', async () => {
    const page = await openToy();
    // e^0,28 / (e^−1 + e^−0,96 + e^0,8 + e^0,28 + e^0) by hand = 1,3231 / 5,2994
    assert.match(await page.locator('[data-toy="softmax"]').innerText(), /0,2497/);
    const next = Number(await page.locator('[data-toy="update"]').getAttribute('data-next'));
    await page.locator('[data-action="step"]').click();
    await page.locator('[data-toy="steps"]').filter({ hasText: '1' }).waitFor();
    const degrees = Number(await page.locator('[data-vector="focus-hunden"]').getAttribute('aria-valuenow'));
    assert.equal(degrees, Math.round(((next * 180) / Math.PI + 360) % 360));
  });

  test('dragging a vector changes L, and the link keeps the picture', async () => {
    const page = await openToy();
    const handle = page.locator('[data-vector="focus-hunden"]');
    const box = (await handle.boundingBox())!;
    const circle = (await page.locator('.circle-view').boundingBox())!;
    const centre = { x: circle.x + circle.width / 2, y: circle.y + circle.height / 2 };
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // Towards (0.8, 0.6): where the context vectors of sover and gør can be reached better.
    const radius = circle.width / 2.9;
    await page.mouse.move(centre.x + 0.6 * radius, centre.y + 0.8 * radius, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('angles') !== null);
    const after = await settledLoss(page);  // the worker's answer to the last position, drawn
    assert.ok(Math.abs(after - 31.71) > 0.05, `L = ${after}`);
    const link = page.url();
    await page.goto(link);
    await page.locator('[data-toy="loss"]').filter({ hasText: /\d/ }).waitFor();
    assert.equal(await loss(page), after, 'the same picture from the link');
  });

  test('the arrow keys turn a vector one degree', async () => {
    const page = await openToy();
    await page.locator('[data-vector="context-sover"]').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[data-toy="loss"]')?.textContent !== '31,71');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('angles') !== null);
    const angles = new URL(page.url()).searchParams.get('angles')!.split(',').map(Number);
    // The exercise's start in degrees, by hand: v = (−0,8; 0,6) lies at 180° − 36,87° = 143,1°, and so on;
    // k of "sover" = (−0,8; −0,6) lies at 180° + 36,87° = 216,9°, and ArrowLeft turns it to 217,9°.
    assert.deepEqual(angles, [143.1, 90, 53.1, 36.9, 0, 323.1, 306.9, 180, 217.9, 233.1]);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('angles')?.split(',')[8] === '216.9');
  });

  test('gradient descent along the circle gets L below 23', async () => {
    const page = await openToy();
    await page.locator('[data-action="start"]').click();
    await page.waitForFunction(() => {
      const text = document.querySelector('[data-toy="loss"]')?.textContent ?? '';
      return Number(text.replace(',', '.')) < 23;
    }, null, { timeout: 20_000 });
    await page.locator('[data-action="pause"]').click();
    assert.ok(await loss(page) >= 22.85, 'never below the best possible');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('angles') !== null);
  });

  test('an absurd step size gets a Danish message and changes nothing', async () => {
    const page = await openToy();
    const eta = page.locator('input[name="eta"]');
    await eta.fill('-3');
    await eta.press('Enter');
    await page.locator('.field-error', { hasText: 'Skridtlængden η skal være et tal større end 0' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('eta'), null);
  });

  test('on a phone the circle fits the screen', async () => {
    const page = await openToy('', { width: 360, height: 740 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling (${width} px)`);
    const circle = (await page.locator('.circle-view').boundingBox())!;
    assert.ok(circle.width > 250 && circle.width <= 340);
    await screenshot(page, 'train-toy-phone');
  });
});

describe('Træn word2vec: training on a text', () => {
  const stats = (page: Page) => page.locator('[data-corpus="stats"]');
  // Training at 100 %, and every view drawn from its last state (a few views are drawn per frame).
  const trained = async (page: Page) => {
    await stats(page).filter({ hasText: /^Trænet 100\s%/ }).waitFor({ timeout: 60_000 });
    await drawn(page);
  };

  test('the generated sentences train in the page and konge finds dronning', async () => {
    const page = await openToy('&tempo=fast');
    await page.locator('[data-action="corpus-start"]').click();
    await trained(page);
    // The grammar's words (sentence_generator.hpp): people 42 (10 persons, 10 places, 10 things, på, i,
    // en er siger at elsker ser han hun hans hendes), animals 25 (20 + to tre mange spiser alle),
    // colours 26 (5 colours, 10 + 10 forms of things, jeg).
    assert.match(await stats(page).innerText(), /93 forskellige ord/);
    const konge = await page.locator('.corpus-word[data-word="konge"]').innerText();
    assert.match(konge, /^konge dronning 0,\d\d/);
    // η fell linearly to 0,025·10⁻⁴: the pair's panel says why a step now moves nothing
    await page.locator('[data-pair="note"]', { hasText: 'η er næsten 0 nu' }).waitFor();
    await screenshot(page, 'train-corpus');
  });

  test('the trained vectors open in Ordvektorer with one click, and download as a .vec file', async () => {
    const page = await openToy('&tempo=fast');
    await page.locator('[data-action="corpus-start"]').click();
    await trained(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="corpus-download"]').click()]);
    assert.equal(download.suggestedFilename(), 'ordvektorer.vec');
    const path = await download.path();
    assert.match(readFileSync(path, 'utf8').split('\n')[0], /^93 20$/);  // 93 words of 20 numbers
    await page.locator('[data-action="corpus-open"]').click();
    await page.waitForURL(/page=vectors/);
    await page.locator('.vectors-info', { hasText: 'Dine egne vektorer fra siden Træn word2vec: 93 ord med 20 tal hver.' }).waitFor();
    await page.locator('.answer-head', { hasText: 'konge − mand + kvinde ≈' }).waitFor();
    assert.equal(await page.locator('.matches [data-word]').first().getAttribute('data-word'), 'dronning');
  });

  test('a pasted text is lower-cased, trained, and its words followed', async () => {
    const page = await openToy('&tempo=fast&src=own&watch=kat,hund');
    await page.locator('textarea[name="own-text"]').fill(
      'Katten sover i solen. Hunden sover i skyggen! Katten spiser fisk. Hunden spiser kød.\n'.repeat(40));
    await page.locator('[data-action="corpus-start"]').click();
    await trained(page);
    // 9 words (katten sover i solen hunden skyggen spiser fisk kød); (4 + 4 + 3 + 3) · 40 = 560 in all
    assert.match(await stats(page).innerText(), /9 forskellige ord, 560 ord i alt/);
    assert.match(await page.locator('.corpus-word[data-word="kat"]').innerText(), /findes ikke i teksten/);
  });

  test('the course\'s sentences in dimension 2 with the full softmax: the vectors themselves and the whole P table', async () => {
    const text = 'Hunden sover. Katten sover. Katten spinder. Hunden gør. Hunden sover. Hunden gør. ' +
      'Katten sover. Hunden gør. Katten sover. Katten spinder. Katten sover. Katten spinder.';
    const page = await openToy('&tempo=fast&src=own&dim=2&out=softmax&win=1&epochs=100&watch=hunden,katten');
    await page.locator('textarea[name="own-text"]').fill(text);
    await page.locator('[data-action="corpus-start"]').click();
    await trained(page);
    assert.match(await stats(page).innerText(), /5 forskellige ord, 24 ord i alt/);  // 12 sentences of 2 words
    // The same training in node (the link's settings, the rest the page's defaults; the same vectors
    // bit for bit), and P(c | w) = e^(v_w·k_c) / Σ_o e^(v_w·k_o) from its matrices in plain JS.
    const d = defaultTextTraining();
    const core = await loadWord2VecCore();
    const trainer = new core.Word2VecTrainer();
    const settings = { architecture: d.architecture, output: 'softmax' as const, dim: 2, window: 1, negatives: d.negatives,
      epochs: 100, learningRate: d.learningRate, decay: d.decay, minCount: d.minCount, sample: d.sample, seed: d.seed, normalise: true };
    assert.equal(trainer.setup(text, settings), 'ok');
    trainer.train();
    const words = new TextDecoder().decode(trainer.focusVectors()).trim().split('\n').slice(1).map((l) => l.split(' ')[0]);
    const { focus, context } = trainer.matrices();
    trainer.delete();
    const dot = (w: number, o: number) => focus[2 * w] * context[2 * o] + focus[2 * w + 1] * context[2 * o + 1];
    const table = page.locator('[data-corpus="softmax"]');
    assert.deepEqual((await table.locator('thead th').allInnerTexts()).slice(1), words);
    assert.equal(await table.locator('tbody tr').count(), 5);
    for (let w = 0; w < 5; w++) {
      const row = table.locator('tbody tr').nth(w);
      assert.equal(await row.locator('th').innerText(), words[w]);
      const shown = (await row.locator('td').allInnerTexts()).map((x) => Number(x.replace(',', '.')));
      const sum = words.reduce((a, _, o) => a + Math.exp(dot(w, o)), 0);
      shown.forEach((p, o) => assert.ok(Math.abs(p - Math.exp(dot(w, o)) / sum) <= 0.0005 + 1e-9,
        `P(${words[o]} | ${words[w]}) shown ${p}, by hand ${Math.exp(dot(w, o)) / sum}`));
    }
    assert.equal(await page.locator('[data-corpus="plane"]').isVisible(), true);
    await screenshot(page, 'train-corpus-toy-2d');
  });

  test('dimension 3: the vectors in space, turned by a drag and by the arrow keys', async () => {
    const page = await openToy('&tempo=fast&src=own&dim=3&win=1&epochs=50&watch=hunden,katten');
    await page.locator('textarea[name="own-text"]').fill('Hunden sover. Katten sover. Katten spinder. Hunden gør.');
    await page.locator('[data-action="corpus-start"]').click();
    await trained(page);
    const space = page.locator('[data-corpus="space"] svg');
    assert.equal(await space.locator('line.vector').count(), 10);  // 5 words, each v and k
    assert.equal(await page.locator('[data-corpus="plane"]').isVisible(), false);
    const tip = () => page.locator('[data-vector="focus-hunden"]').last().getAttribute('x2');
    const before = { turn: await space.getAttribute('data-turn'), tip: await tip() };
    assert.equal(before.turn, '-30.0 20.0');
    await space.scrollIntoViewIfNeeded();
    const box = (await space.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = (await space.getAttribute('data-turn'))!.split(' ').map(Number);
    assert.ok(Math.abs(dragged[0] - (-30 + (60 * 0.01 * 180) / Math.PI)) < 0.2, `yaw ${dragged[0]}`);  // 0,01 rad a pixel
    assert.notEqual(await tip(), before.tip);
    await space.focus();
    await page.keyboard.press('ArrowDown');
    assert.equal((await space.getAttribute('data-turn'))!.split(' ')[1], '25.0');
    await screenshot(page, 'train-corpus-3d');
  });

  test('one pair worked out with negative sampling, and Ét skridt takes exactly that step', async () => {
    const page = await openToy();
    const after = page.locator('[data-pair="after"]');
    // Before training every k is 0: each of the 1 + 5 terms is ln σ(0) = −ln 2, so L = 6·ln 2 = 4,1589.
    await after.filter({ hasText: 'Parrets L er 4,1589 nu' }).waitFor();
    assert.deepEqual(await page.locator('[data-pair="targets"] tbody td:first-child').first().innerText(), 'gør');
    assert.equal(await page.locator('[data-pair="targets"] tbody tr').count(), 6);
    const vector = async (key: 'v' | 'next') => ((await page.locator('[data-pair="update"]').getAttribute(`data-${key}`)) ?? '').split(' ').map(Number);
    for (let step = 1; step <= 2; step++) {
      const next = await vector('next');
      assert.equal(next.length, 20);
      await page.locator('[data-action="corpus-step"]').click();
      await after.filter({ hasText: `Skridt taget på parret: ${step}.` }).waitFor();
      const v = await vector('v');
      v.forEach((x, i) => assert.ok(Math.abs(x - next[i]) < 1e-6, `v[${i}] ${x}, promised ${next[i]}`));
    }
    await screenshot(page, 'train-corpus-pair');
  });

  test('the full softmax for a pair from the link; a word not in the text gives the text\'s first pair', async () => {
    const page = await openToy('&out=softmax&pair=kat,miaver');
    // Before training every k is 0: P(miaver | kat) = 1/93 over the 93 words, L = ln 93 = 4,5326.
    await page.locator('[data-pair="after"]').filter({ hasText: 'Parrets L er 4,5326 nu' }).waitFor();
    assert.match(await page.locator('[data-pair="objective"]').innerText(), /P\(miaver∣kat\)/);
    assert.equal(await page.locator('[data-pair="targets"]').isVisible(), false);
    await page.locator('input[name="pair-focus"]').fill('elefant');
    await page.locator('input[name="pair-focus"]').press('Enter');
    await page.locator('[data-pair="note"]', { hasText: '»elefant« eller »miaver« findes ikke i teksten' }).waitFor();
    assert.match(page.url(), /pair=elefant%2Cmiaver|pair=elefant,miaver/);
  });

  test('a 21 MB text file is refused with a message', async () => {
    const page = await openToy('&src=own');
    // Just over the limit, and time to hand the bytes to Chromium: on a busy 2-core machine 30 MB took over 30 s.
    await page.locator('input[name="text-file"]').setInputFiles({ name: 'stor.txt', mimeType: 'text/plain',
      buffer: Buffer.alloc(21 * 1000 * 1000, 'a') }, { timeout: 90_000 });
    await page.locator('.corpus-panel .field-error', { hasText: 'stor.txt er 21 MB; højst 20 MB kan trænes i browseren.' }).waitFor();
  });

  const SENTENCES = 'Katten sover i solen. Hunden sover i skyggen! Katten spiser fisk. Hunden spiser kød.\n';
  const textFile = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

  test('a text file is shown by its name, size and start, not put into the text box, and trains', async () => {
    const page = await openToy('&tempo=fast&src=own&watch=katten');
    await page.locator('textarea[name="own-text"]').fill('Noget helt andet.');
    // 86 bytes a line (85 characters with the line end, "ø" is two bytes) · 1 000 = 86 000 bytes → "0,1 MB"
    await page.locator('input[name="text-file"]').setInputFiles(textFile('dyr.txt', SENTENCES.repeat(1000)));
    await page.locator('[data-corpus="file-name"]', { hasText: 'dyr.txt · 0,1 MB' }).waitFor();
    assert.match(await page.locator('[data-corpus="file-preview"]').innerText(), /^Katten sover i solen\. Hunden sover/);
    assert.match(await page.locator('[data-corpus="file-preview"]').innerText(), / …$/);  // only the start of 86 000 bytes
    assert.equal(await page.locator('textarea[name="own-text"]').isVisible(), false);
    await page.locator('[data-action="corpus-start"]').click();
    await trained(page);
    // the file's words, not the text box's: 14 a line, 9 distinct
    assert.match(await stats(page).innerText(), /9 forskellige ord, 14\.000 ord i alt/);
    await page.locator('[data-action="corpus-type-instead"]').click();
    assert.equal(await page.locator('textarea[name="own-text"]').inputValue(), 'Noget helt andet.');
  });

  test('a long read shows its progress and can be cancelled; a file of numbers or a picture is refused', async () => {
    const page = await openToy('&tempo=fast&src=own');
    // 86 bytes · 150 000 = 12,9 MB: several pieces, each read twice
    await page.locator('input[name="text-file"]').setInputFiles(textFile('lang.txt', SENTENCES.repeat(150_000)), { timeout: 90_000 });
    await page.locator('[data-corpus="file-name"]', { hasText: 'lang.txt · 12,9 MB' }).waitFor();
    // Annullér pressed by the page itself the moment the bar shows: on a fast, quiet machine a
    // read of 12,9 MB is over within a second, before a click from outside could arrive.
    const cancelled = page.evaluate(() => new Promise<string>((resolve) => {
      const box = document.querySelector<HTMLElement>('[data-corpus="reading"]')!;
      new MutationObserver((_, observer) => {
        if (box.hidden) return;
        observer.disconnect();
        const shown = box.querySelector('[data-corpus="reading-text"]')!.textContent ?? '';
        document.querySelector<HTMLButtonElement>('[data-action="corpus-cancel"]')!.click();
        resolve(shown);
      }).observe(box, { attributes: true, attributeFilter: ['hidden'] });
    }));
    await page.locator('[data-action="corpus-start"]').click();
    assert.match(await cancelled, /^Læser teksten … \d/);
    await page.locator('[data-corpus="reading"]').waitFor({ state: 'hidden' });
    await page.waitForTimeout(500);
    assert.equal(await stats(page).innerText(), '', 'nothing trained after the cancel');
    // "x 1 2 3 4 5 6 7 8 9": one letter among ten visible characters
    await page.locator('input[name="text-file"]').setInputFiles(textFile('tal.txt', 'x 1 2 3 4 5 6 7 8 9\n'.repeat(100)));
    await page.locator('.corpus-panel .field-error', { hasText: /Kun 10\s%\saf tegnene i starten af tal\.txt er bogstaver/ }).waitFor();
    await page.locator('input[name="text-file"]').setInputFiles({ name: 'billede.txt', mimeType: 'text/plain',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    await page.locator('.corpus-panel .field-error', { hasText: 'billede.txt er ikke en tekstfil' }).waitFor();
    // the file chosen before the refused ones is still the one shown
    await page.locator('[data-corpus="file-name"]', { hasText: 'lang.txt' }).waitFor();
  });
});
