// The word2vec wasm module gives the native answers: on vectors and a corpus generated here from a
// seed, `build/native/w2v neighbours|analogy --json` and `w2v train` must agree with the module to the
// last bit — the core is built with -ffp-contract=off and sums in a fixed order for exactly this.
// Needs the native build (npm test builds it before the node tier; `npm test -- node` alone does not):
// without it every test here is skipped with a message saying so.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import type { Word2VecSettings } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './wasm-module.ts';

const W2V = fileURLToPath(new URL('../../build/native/w2v', import.meta.url));
const skip = existsSync(W2V) ? false
  : 'build/native/w2v is not built: run `npm test` (all tiers) or `cmake --build build/native` first';
// The page loads the SIMD build where the browser has wasm SIMD, else the plain one: both must agree.
const builds = { plain: await loadWord2VecCore('plain'), simd: await loadWord2VecCore('simd') };
const core = builds.plain;
const dir = mkdtempSync(join(tmpdir(), 'w2v-native-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// mulberry32: a small seeded generator, so the files are the same on every run.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const w2v = (...args: string[]) => execFileSync(W2V, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const sameFloat = (json: number, wasm: number) => Math.fround(json) === wasm;  // %.9g reads back exactly

// ── vectors: 2 000 words × 50 dims, in 40 clusters so that neighbours mean something ─────────────

const SYLLABLES = ['ka', 'lø', 'mi', 'så', 'te', 'ræ', 'bo', 'fu', 'ne', 'di', 'gå', 'hø', 'ju', 'pæ', 'ro', 'sy'];
const wordOf = (i: number) => [256, 16, 1].map((d) => SYLLABLES[Math.floor(i / d) % 16]).join('');
const COUNT = 2000;
const DIM = 50;
const WORDS = Array.from({ length: COUNT }, (_, i) => wordOf(i));
const VECTOR_FILE = join(dir, 'vectors.txt');
{
  const next = random(2024);
  const centres = Array.from({ length: 40 }, () => Array.from({ length: DIM }, () => 2 * next() - 1));
  const lines = WORDS.map((w, i) => `${w} ${centres[i % 40].map((c) => (c + 0.6 * (next() - 0.5)).toFixed(5)).join(' ')}`);
  writeFileSync(VECTOR_FILE, `${COUNT} ${DIM}\n${lines.join('\n')}\n`);
}

interface JsonMatch { word: string; index: number; score: number }

describe('word2vec wasm gives the native answers', () => {
  const v = new core.Vectors();
  after(() => v.delete());
  assert.equal(new Set(WORDS).size, COUNT);
  assert.equal(v.load(readFileSync(VECTOR_FILE)).status, 'ok');

  function assertSameMatches(native: JsonMatch[], indices: Int32Array, scores: Float32Array, what: string): void {
    assert.deepEqual(native.map((m) => m.index), Array.from(indices), `${what}: indices`);
    assert.deepEqual(native.map((m) => m.word), Array.from(indices, (i) => v.word(i)), `${what}: words`);
    native.forEach((m, i) => assert.ok(sameFloat(m.score, scores[i]), `${what}: ${m.word} native ${m.score}, wasm ${scores[i]}`));
  }

  test('neighbours of 25 words (one in capitals, one unknown), k = 10', { skip }, () => {
    const queries = [...Array.from({ length: 23 }, (_, i) => WORDS[(i * 97) % COUNT]), WORDS[5 * 256 + 3 * 16 + 1].toUpperCase(), 'ukendt'];
    const native = JSON.parse(w2v('neighbours', '--vectors', VECTOR_FILE, ...queries, '--k', '10', '--json')) as
      { queries: { word: string; index: number; neighbours: JsonMatch[] }[] };
    assert.equal(native.queries.length, queries.length);
    native.queries.forEach((q, i) => {
      assert.equal(q.word, queries[i].toLowerCase());
      assert.equal(q.index, v.find(queries[i]), q.word);
      if (q.index < 0) return assert.deepEqual(q.neighbours, []);
      const wasm = v.neighbours(q.index, 10);
      assert.equal(wasm.indices.length, 10);
      assertSameMatches(q.neighbours, wasm.indices, wasm.scores, q.word);
    });
  });

  for (const [method, flag] of [[0, 'add'], [1, 'mul']] as const) {
    test(`analogies with 3Cos${flag === 'add' ? 'Add' : 'Mul'}, k = 10`, { skip }, () => {
      for (let q = 0; q < 8; q++) {
        const [a, b, c] = [q * 131, q * 257 + 3, q * 389 + 11].map((i) => WORDS[i % COUNT]);
        const native = JSON.parse(w2v('analogy', '--vectors', VECTOR_FILE, a, b, c, '--k', '10', '--method', flag, '--json')) as
          { a: string; b: string; c: string; method: string; answers: JsonMatch[] };
        assert.deepEqual([native.a, native.b, native.c, native.method], [a, b, c, flag]);
        const wasm = v.analogy(v.find(a), v.find(b), v.find(c), 10, method);
        assert.equal(wasm.indices.length, 10);
        assertSameMatches(native.answers, wasm.indices, wasm.scores, `${a} − ${b} + ${c}`);
      }
    });
  }
});

// ── training: a seeded corpus of a few thousand tokens ──────────────────────────────────────────

const TOPICS = [
  'konge dronning prins prinsesse slot krone rige trone',
  'hund kat hest ko får gris høne and',
  'æble pære banan blomme kirsebær jordbær appelsin citron',
  'bil cykel tog bus båd fly lastbil færge',
  'sø å hav strand skov eng mark bakke',
].map((t) => t.split(' '));
const GLUE = ['og', 'en', 'et', 'den', 'det', 'på', 'i', 'med', 'til', 'er'];
const RARE = ['ørred', 'ål', 'søløve', 'zebra'];  // one to three times each: min-count decides
const CORPUS_FILE = join(dir, 'corpus.txt');
const CORPUS = (() => {
  const next = random(7);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const sentences = Array.from({ length: 450 }, () => {
    const topic = pick(TOPICS);
    return Array.from({ length: 5 + Math.floor(next() * 8) }, () => (next() < 0.3 ? pick(GLUE) : pick(topic))).join(' ');
  });
  RARE.forEach((w, i) => { for (let k = 0; k <= i % 3; k++) sentences[37 * (i + 1) + k] += ` ${w}`; });
  return `${sentences.join('\n')}\n`;
})();
writeFileSync(CORPUS_FILE, CORPUS);

// Words with at least minCount tokens, by count descending, then by their UTF-8 bytes (vocabulary.hpp).
function expectedVocabulary(minCount: number): { words: string[]; tokens: number } {
  const counts = new Map<string, number>();
  for (const token of CORPUS.split(/\s+/).filter(Boolean)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= minCount);
  kept.sort(([a, n], [b, m]) => m - n || Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return { words: kept.map(([w]) => w), tokens: kept.reduce((s, [, n]) => s + n, 0) };
}

// A word2vec text file: header, words, and each vector's floats.
function parseTextVectors(text: string): { count: number; dim: number; words: string[]; values: number[] } {
  const lines = text.trimEnd().split('\n');
  const [count, dim] = lines[0].split(' ').map(Number);
  const rows = lines.slice(1).map((l) => l.split(' '));
  return { count, dim, words: rows.map((r) => r[0]), values: rows.flatMap((r) => r.slice(1).map((x) => Math.fround(Number(x)))) };
}

// Same settings both ways; the binding's defaults (word2vec_bindings.cpp) must be w2v train's
// (train_command.cpp): window 5, negatives 5, sample 1e-4, lr 0.025 (0.05 for CBOW), skip-gram with
// negative sampling — the first case leaves them all to the defaults.
const TRAININGS: { what: string; flags: string[]; settings: Word2VecSettings; minCount: number }[] = [
  { what: 'skip-gram, negative sampling, every default', flags: [], settings: {}, minCount: 1 },
  { what: 'CBOW, window 3, 8 negatives, sample 1e-3, lr 0.04, min count 3',
    flags: ['--cbow', '--window', '3', '--negatives', '8', '--sample', '1e-3', '--lr', '0.04'],
    settings: { architecture: 'cbow', window: 3, negatives: 8, sample: 1e-3, learningRate: 0.04 }, minCount: 3 },
  { what: 'skip-gram with the full softmax, sample 0', flags: ['--softmax', '--sample', '0'],
    settings: { output: 'softmax', sample: 0 }, minCount: 1 },
  { what: 'CBOW with η held fixed (no decay)', flags: ['--cbow', '--decay', 'none'],
    settings: { architecture: 'cbow', decay: 'none' }, minCount: 1 },
];

for (const [build, core] of Object.entries(builds)) describe(`word2vec wasm (${build} build) trains what w2v train trains, bit for bit`, () => {
  for (const t of TRAININGS) {
    test(t.what, { skip }, () => {
      const out = join(dir, `native-${TRAININGS.indexOf(t)}.txt`);
      w2v('train', ...t.flags, '--input', CORPUS_FILE, '--output', out, '--format', 'text', '--threads', '1', '--seed', '7',
        '--dim', '20', '--epochs', '2', '--min-count', String(t.minCount));
      const nativeText = readFileSync(out, 'utf8');

      const trainer = new core.Word2VecTrainer();
      try {
        assert.equal(trainer.setup(CORPUS, { ...t.settings, dim: 20, epochs: 2, minCount: t.minCount, seed: 7 }), 'ok');
        const start = parseTextVectors(new TextDecoder().decode(trainer.focusVectors())).values;
        const progress = trainer.train();
        const expected = expectedVocabulary(t.minCount);
        assert.deepEqual([progress.vocabulary, progress.tokens, progress.wordsTotal, progress.wordsDone],
          [expected.words.length, expected.tokens, 2 * expected.tokens, 2 * expected.tokens]);
        const wasmText = new TextDecoder().decode(trainer.focusVectors());

        const [native, wasm] = [parseTextVectors(nativeText), parseTextVectors(wasmText)];
        assert.deepEqual([native.count, native.dim, native.words], [expected.words.length, 20, expected.words], 'native vocabulary');
        assert.deepEqual([wasm.count, wasm.dim, wasm.words], [expected.words.length, 20, expected.words], 'wasm vocabulary');
        assert.equal(wasm.values.length, 20 * expected.words.length);
        const first = wasm.values.findIndex((x, i) => !Object.is(x, native.values[i]));
        assert.equal(first, -1, first < 0 ? '' : `first difference: ${wasm.words[Math.floor(first / 20)]}[${first % 20}] ` +
          `wasm ${wasm.values[first]}, native ${native.values[first]}`);
        assert.equal(wasmText, nativeText);  // the same floats written by the same writer
        const eta = t.settings.learningRate ?? (t.settings.architecture === 'cbow' ? 0.05 : 0.025);
        if (t.settings.decay === 'none') assert.equal(progress.learningRate, eta);
        else assert.ok(progress.learningRate < eta / 1000, `η at the end ${progress.learningRate}: linear decay to ~0`);
        const moved = wasm.values.filter((x, i) => x !== start[i]).length;
        assert.ok(moved > wasm.values.length / 2, `training changed ${moved} of ${wasm.values.length} numbers`);
      } finally {
        trainer.delete();
      }
    });
  }
});

// The page trains in slices between frames (advance): the vectors must be those of w2v train.
test('training in slices with advance() gives what w2v train gives', { skip }, () => {
  const out = join(dir, 'native-slices.txt');
  w2v('train', '--input', CORPUS_FILE, '--output', out, '--format', 'text', '--threads', '1', '--seed', '3',
    '--dim', '16', '--epochs', '3', '--min-count', '1');
  const trainer = new core.Word2VecTrainer();
  try {
    assert.equal(trainer.setup(CORPUS, { dim: 16, epochs: 3, minCount: 1, seed: 3 }), 'ok');
    let slices = 0;
    let last = trainer.advance(200);
    for (; last.running; last = trainer.advance(200)) {
      slices++;
      assert.ok(last.wordsDone < last.wordsTotal);
    }
    assert.ok(slices > 5, `${slices} slices`);
    assert.equal(last.wordsDone, last.wordsTotal);
    assert.equal(new TextDecoder().decode(trainer.focusVectors()), readFileSync(out, 'utf8'));
  } finally {
    trainer.delete();
  }
});

// A student's own text: the page hands it over as written with normalise: true, and the core makes
// it ready exactly as w2v train --normalise does.
test('an ordinary text trains as w2v train --normalise trains it', { skip }, () => {
  const raw = 'Hunden sover. Katten spinder!\nÆblet er rødt, siger Ørnen; "Nej?" tv-stuen er Jens\' – og Annes …\n'.repeat(30);
  const input = join(dir, 'raw.txt');
  writeFileSync(input, raw);
  const out = join(dir, 'raw.vec');
  w2v('train', '--input', input, '--output', out, '--format', 'text', '--normalise', '--threads', '1', '--seed', '5',
    '--dim', '8', '--epochs', '2', '--min-count', '1');
  const trainer = new core.Word2VecTrainer();
  try {
    assert.equal(trainer.setup(raw, { dim: 8, epochs: 2, minCount: 1, seed: 5, normalise: true }), 'ok');
    const progress = trainer.train();
    // hunden sover | katten spinder | æblet er rødt siger ørnen | nej | tv-stuen er jens og annes:
    // 2 + 2 + 5 + 1 + 5 = 15 words a time, 14 different (er twice)
    assert.deepEqual([progress.tokens, progress.vocabulary], [15 * 30, 14]);
    assert.equal(new TextDecoder().decode(trainer.focusVectors()), readFileSync(out, 'utf8'));
  } finally {
    trainer.delete();
  }
});
