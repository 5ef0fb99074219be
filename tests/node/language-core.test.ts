// The text-generation module through wasm: the note's four sentences (numbers from the note and a
// hand count), the course's small network, the sampler's statuses, and determinism by seed.
import assert from 'node:assert/strict';
import { test as nodeTest } from 'node:test';
import { loadLanguageCore } from './wasm-module.ts';

// The page loads the SIMD build where the browser has wasm SIMD, else the plain one
// (web/src/wasm/language-loader.ts): every test below runs on both, named "… [plain]" and "… [simd]".
// Their matrix products sum in different orders; every tolerance here holds for both.
const builds = { plain: await loadLanguageCore('plain'), simd: await loadLanguageCore('simd') };
let core = builds.plain;  // the build of the test that runs (node:test runs a file's tests one after another)
function test(name: string, body: () => void | Promise<void>) {
  for (const [build, module] of Object.entries(builds))
    nodeTest(`${name} [${build}]`, () => {
      core = module;
      return body();
    });
}
const NOTE = 'En hund løber efter en kat. Løber en hund efter en kat? En kat løber ikke efter en hund. Efter en kat løber en hund.';

function noteModel() {
  const model = new core.NgramModel();
  assert.deepEqual(model.build(NOTE, false), { words: 6, tokens: 25 });
  const words = model.words().split('\n').slice(0, -1);
  const id = (w: string) => words.indexOf(w);
  return { model, words, id };
}

test("the note's bigrams: 12 different, P(efter | løber) = 1/4, counts behind it", () => {
  const { model, id } = noteModel();
  const table = model.table(2, 100);
  assert.equal(table.different, 12);
  assert.equal(table.counts.reduce((a, b) => a + b, 0), 25);
  const next = model.next([id('løber')], 2, false, {});
  assert.equal(next.contextCount, 4);
  const efter = [...next.words].indexOf(id('efter'));
  assert.equal(next.counts[efter], 1);
  assert.equal(next.p[efter], 0.25);
  assert.equal(next.status, 'ok');
  model.delete();
});

test('temperature: z ∝ p^(1/T) beside p, and greedy', () => {
  const { model, id } = noteModel();
  // after "løber": en 2/4, efter 1/4, ikke 1/4; at T = 0,5: squares renormalised = 4/6, 1/6, 1/6
  const cold = model.next([id('løber')], 2, false, { temperature: 0.5 });
  assert.deepEqual([...cold.p], [0.5, 0.25, 0.25]);
  [4 / 6, 1 / 6, 1 / 6].forEach((z, i) => assert.ok(Math.abs(cold.z[i] - z) < 1e-15));
  assert.ok(Math.abs(cold.entropyP - 1.5 * Math.log(2)) < 1e-15);  // −(½ ln ½ + 2·¼ ln ¼)
  const greedy = model.next([id('løber')], 2, false, { greedy: true });
  assert.deepEqual([...greedy.z], [1, 0, 0]);
  assert.equal(model.next([id('løber')], 2, false, { temperature: 0 }).status, 'bad_temperature');
  assert.equal(model.next([id('løber')], 2, false, { topP: 1.5 }).status, 'bad_top_p');
  model.delete();
});

test('generation: the same seed gives the same text, an unseen context ends it, back-off says so', () => {
  const { model, id } = noteModel();
  const a = model.generate([id('en')], 3, 20, true, { temperature: 1.2 }, 42);
  const b = model.generate([id('en')], 3, 20, true, { temperature: 1.2 }, 42);
  assert.deepEqual([...a.words], [...b.words]);
  assert.equal(a.words.length, 20);
  const stuck = model.generate([id('hund'), id('en'), id('kat')], 4, 5, false, {}, 1);
  assert.equal(stuck.end, 'unseen_context');
  assert.equal(stuck.words.length, 0);
  assert.equal(model.generate([id('en')], 2, 5, false, {}, -1).status, 'bad_seed');
  model.delete();
});

test('a prompt names its unknown words; copied stretches are measured', () => {
  const { model, id } = noteModel();
  const prompt = model.encode('En ulv løber', false);
  assert.deepEqual([...prompt.ids], [id('en'), id('løber')]);
  assert.deepEqual(prompt.unknown, ['ulv']);
  // "en kat løber en kat": from "en", "en kat løber en" occurs (4 words), not all five
  assert.equal(model.matchLengths([id('en'), id('kat'), id('løber'), id('en'), id('kat')])[0], 4);
  model.delete();
});

test("held-out score of the unigram model by hand: P(en) = 9/32, P(ulv) = 1/32", () => {
  const { model } = noteModel();
  const s = model.score('En ulv', 1, false);
  assert.ok(Math.abs(s.lossPerWord - (Math.log(32 / 9) + Math.log(32)) / 2) < 1e-12);
  assert.equal(s.unknownWords, 1);
  model.delete();
});

test("the course's small network: h, y, z step by step and P(spinder) = 0,9424", () => {
  const steps = core.networkForward([1, -2, 3, 0], [1, 0, 1, 1, 5, 2, 4, 2, -1, 3], [0.5, 1, 2, 0.2, 0, -4], 2, 'sigmoid');
  assert.equal(steps.status, 'ok');
  if (steps.status !== 'ok') return;
  assert.deepEqual([...steps.a], [2, -1]);
  assert.ok(Math.abs(steps.h[0] - 1 / (1 + Math.exp(-2))) < 1e-15);
  assert.equal(steps.z[0].toFixed(4), '0.9424');
  assert.equal(core.networkForward([1, 2], [1, 2], [1, 2], 1, 'sigmoid').status, 'invalid_weights');
  assert.equal(core.networkForward([1], [0, 1], [0, 1], 1, 'softsign').status, 'unknown_activation');
});

test("the notes' weight count: 102 500 for c = 3, m = 3, V = 2 000, d = 50; the toy's 16", () => {
  assert.equal(core.weightCount(3, 3, 2000, 50), 102_500);  // 50·(1 + 9 + 2000) + 2000
  assert.equal(core.weightCount(2, 2, 2, 2), 16);           // 2·(1 + 4) + 2·(1 + 2)
  assert.equal(core.weightCount(0, 3, 2000, 50), -1);
  assert.equal(core.weightCount(3, 2.5, 2000, 50), -1);
});

test('the status names match the types', () => {
  const names = core.statusNames();
  assert.deepEqual(names.sample, ['ok', 'bad_temperature', 'bad_top_k', 'bad_top_p', 'empty', 'nothing_possible']);
  assert.equal(names.neural.length, 21);
});

test("the neural model through wasm: the note's text, the notes' weight count, learning »en hund løber« → »efter«", () => {
  const { model, id } = noteModel();
  const lm = new core.NeuralLm();
  const settings = { contextWords: 3, hidden: 30, activation: 'sigmoid' as const, optimiser: 'adam' as const, learningRate: 0.05,
    batchSize: 5, trainVectors: false, useVectors: false, randomDim: 10, maxWords: 2000, trainShare: 1, maxHeldOut: 0, seed: 3 };
  const setup = lm.setup(model, settings);
  assert.equal(setup.status, 'ok');
  if (setup.status !== 'ok') return;
  // d·(1 + c·m + V) + V = 30·(1 + 3·10 + 6) + 6
  assert.deepEqual([setup.vocabularySize, setup.weights, setup.trainRows, setup.heldOutRows, setup.unknownMembers], [6, 1116, 25, 0, 0]);
  const before = lm.evaluate(false);
  const trained = lm.train(2000);
  assert.equal(trained.status, 'ok');
  assert.equal(trained.losses.length, 2000);
  assert.equal(trained.epochs, 400);  // 25 rows in batches of 5
  assert.ok(lm.evaluate(false).lossPerWord < before.lossPerWord / 2);
  const next = lm.next([id('en'), id('hund'), id('løber')], {}, 3);
  assert.equal(next.words[0], id('efter'));
  assert.ok(next.p[0] > 0.9, `P(efter | en hund løber) = ${next.p[0]}`);
  assert.ok(Math.abs(next.p[0] + next.p[1] + next.p[2] + next.restP - 1) < 1e-12);
  // Seeded generation: the same seed writes the same text.
  const a = lm.generate([id('en')], 20, { temperature: 1.5 }, 7), b = lm.generate([id('en')], 20, { temperature: 1.5 }, 7);
  assert.deepEqual([...(a.words ?? [])], [...(b.words ?? [])]);
  assert.equal(a.words?.length, 20);
  lm.delete();
  model.delete();
});

test('the neural model refuses bad settings and bad vector files with a status', () => {
  const { model } = noteModel();
  const lm = new core.NeuralLm();
  const base = { contextWords: 3, hidden: 30, activation: 'sigmoid' as const, optimiser: 'adam' as const, learningRate: 0.01,
    batchSize: 32, trainVectors: false, useVectors: false, randomDim: 10, maxWords: 2000, trainShare: 1, maxHeldOut: 0, seed: 1 };
  assert.equal(lm.setup(model, { ...base, hidden: 0 }).status, 'invalid_hidden');
  assert.equal(lm.setup(model, { ...base, contextWords: 5 }).status, 'invalid_context_words');
  assert.equal(lm.setup(model, { ...base, learningRate: -1 }).status, 'invalid_learning_rate');
  assert.equal(lm.setup(model, { ...base, activation: 'softsign' as never }).status, 'unknown_activation');
  assert.equal(lm.train(1).status, 'not_ready');  // nothing was set up
  assert.equal(lm.useVectors(new TextEncoder().encode('AIVEC1\0\0 not a file')), 'bad_compact_file');
  assert.equal(lm.hasVectors(), false);
  lm.delete();
  model.delete();
});

test('the finished Danish model through wasm: data/ngram-da.aing reads; a damaged copy is refused and the model before stays', async () => {
  const { readFile } = await import('node:fs/promises');
  const bytes = new Uint8Array(await readFile(new URL('../../data/ngram-da.aing', import.meta.url)));
  const model = new core.NgramCountsModel();
  const loaded = model.load(bytes);
  assert.equal(loaded.status, 'ok');
  const words = model.words().split('\n').slice(0, -1);
  assert.equal(words.length, loaded.words);
  assert.equal(loaded.sentenceEnds, false);
  // After "der" (N = 2): the kept followers, most frequent first, P = count / their sum.
  const { ids, unknown } = model.encode('der', false);
  assert.deepEqual(unknown, []);
  const next = model.next(ids, 2, false, {});
  assert.equal(next.status, 'ok');
  const counts = [...next.counts];
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  const sum = counts.reduce((a, b) => a + b, 0);
  assert.equal(next.contextCount, sum);
  next.p.forEach((p, i) => assert.ok(Math.abs(p - counts[i] / sum) < 1e-15));
  // The ladder stored in the file: five orders, finite, N = 2 better than N = 1.
  const ladder = model.ladder(0.9, 0);
  assert.equal(ladder.lossPerWord.length, 5);
  assert.ok(ladder.lossPerWord[1] < ladder.lossPerWord[0]);
  // Cut short or with a byte changed in the magic: a status, and "der" still answers as before.
  assert.notEqual(model.load(bytes.subarray(0, bytes.length - 1000)).status, 'ok');
  const damaged = bytes.slice();
  damaged[0] ^= 0xff;
  assert.notEqual(model.load(damaged).status, 'ok');
  assert.deepEqual([...model.next(ids, 2, false, {}).counts], counts);
  model.delete();
});

nodeTest('the SIMD build trains the same network as the plain one: the same losses to 1e-12 after 2000 Adam steps', () => {
  const run = (module: typeof core) => {
    const model = new module.NgramModel();
    model.build(NOTE, false);
    const lm = new module.NeuralLm();
    const setup = lm.setup(model, { contextWords: 3, hidden: 30, activation: 'sigmoid', optimiser: 'adam', learningRate: 0.05,
      batchSize: 5, trainVectors: true, useVectors: false, randomDim: 10, maxWords: 2000, trainShare: 0.8, maxHeldOut: 100, seed: 3 });
    assert.equal(setup.status, 'ok');
    const losses = [...lm.train(2000).losses];
    const numbers = [losses[0], losses.at(-1)!, lm.evaluate(false).lossPerWord, lm.evaluate(true).lossPerWord];
    lm.delete();
    model.delete();
    return numbers;
  };
  const plain = run(builds.plain), simd = run(builds.simd);
  plain.forEach((x, i) => assert.ok(Math.abs(x - simd[i]) <= 1e-12 * Math.abs(x), `${x} (plain) against ${simd[i]} (simd)`));
});
