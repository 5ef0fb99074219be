// npm run ngram: rebuild data/ngram-da.aing, the default Danish N-gram models of Tekstgenerering,
// with the project's own lm tool, exactly as data/README.md records; print what it kept, its
// held-out ladder and the README's sample texts. Needs ../shared/data (the ADL corpus); about 10 s.
// npm run ngram -- --check [--lm PATH]: write it to build/ngram/ instead and fail unless it equals
// data/ngram-da.aing byte for byte (the CTest ngram_model_is_reproducible; exit 77 = skipped, when
// ../shared is not there).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildNative, ROOT } from './steps.mjs';

const CORPUS = join(ROOT, '..', 'shared', 'data', 'da/corpora/adl/adl_norm_modernprose_5M.txt.gz');
const SHIPPED = join(ROOT, 'data/ngram-da.aing');
const DESCRIPTION = 'Dansk litteratur 1830–1940 fra Arkiv for Dansk Litteratur (35 forfattere, moderniseret stavning): ' +
  'hver anden linje af adl_norm_modernprose_5M, de første 95 %. Ord og ordfølger talt mindst 2 gange.';
// The recipe of data/README.md: one line in two of the 5M sample (all 35 authors), the first 95 %
// of those lines counted, the last 5 % held out; n-grams kept when counted twice; 6-gram set with
// 2^-14 false positives; no sentence-end word (the corpus has no punctuation; lines are paragraphs).
const EXPORT_ARGS = ['--every', '2', '--split', '0.95', '--min-count', '2', '--set-bits', '14', '--description', DESCRIPTION];
// The README's runs: how far each order writes without back-off, and with it how often it backs off
// and how much of what it writes is copied (40 runs of 50 words: seeds 1–40, these prompts in turn).
const RUN_PROMPTS = ['der var engang', 'hun så på ham og', 'det var en kold', 'han gik ud i', 'jeg har aldrig'];
// The README's sample texts: prompt, order, seed, back-off.
const SAMPLES = [
  ['der var engang', 2, 1, false], ['der var engang', 3, 1, true], ['hun så på ham og', 3, 2, true],
  ['der var engang', 4, 3, true], ['der var engang en ung mand', 5, 1, false],
];

const args = process.argv.slice(2);
const check = args.includes('--check');
const given = args.indexOf('--lm');
if (!existsSync(CORPUS)) {
  console.error(`The corpus is not here: ${CORPUS}\nnpm run ngram needs ../shared/data next to the project` +
    (check ? ' (skipped: the corpus is not in the repository; data/ngram-da.aing is checked without it by its own tests).' : '.'));
  process.exit(check ? 77 : 1);
}
if (given < 0) buildNative();
const lm = given >= 0 ? args[given + 1] : join(ROOT, 'build/native/lm');
const work = join(ROOT, 'build/ngram');
mkdirSync(work, { recursive: true });
const output = check ? join(work, 'ngram-da.aing') : SHIPPED;
const run = (cmdArgs) => {
  console.log(`\n$ lm ${cmdArgs.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  return execFileSync(lm, cmdArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
};

const report = run(['ngram-export', '--input', CORPUS, '--output', output, ...EXPORT_ARGS]);
console.log(report);
if (check) {
  if (!readFileSync(output).equals(readFileSync(SHIPPED))) {
    console.error(`${output} differs from data/ngram-da.aing: the recipe, the corpus or the core changed. ` +
      'Run npm run ngram and say why in data/README.md.');
    process.exit(1);
  }
  console.log('data/ngram-da.aing is what the recipe makes, byte for byte.');
  process.exit(0);
}
console.log(`Wrote ${SHIPPED}\n\nSample texts for data/README.md:\n`);
const sample = (sampleArgs) =>
  JSON.parse(execFileSync(lm, [...sampleArgs, '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
// Which words (prompt + written) lie in stretches of ≥ 6 found in the text, as the page underlines them.
const copiedMask = (out) => {
  const all = [...out.prompt, ...out.words];
  const copied = all.map(() => false);
  out.copied.forEach((n, i) => { if (n >= 6) for (let k = i; k < i + n && k < all.length; k++) copied[k] = true; });
  return copied;
};
for (const [prompt, order, seed, backoff] of SAMPLES) {
  const sampleArgs = ['ngram-sample', '--model', 'data/ngram-da.aing', '--prompt', prompt, '--order', String(order),
    '--count', '25', '--seed', String(seed), ...(backoff ? ['--backoff'] : [])];
  const out = sample(sampleArgs);
  // Copied stretches in [brackets].
  const all = [...out.prompt, ...out.words];
  const copied = copiedMask(out);
  const shown = all.map((w, i) => `${copied[i] && !copied[i - 1] ? '[' : ''}${w}${copied[i] && !copied[i + 1] ? ']' : ''}`);
  const notes = [out.end === 'done' ? '' : `ends after ${out.words.length}: a context without followers`,
    out.backedOff ? `back-off for ${out.backedOff} of ${out.words.length}` : ''].filter(Boolean);
  console.log(`lm ${sampleArgs.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`);
  console.log(`→ ${shown.slice(0, out.prompt.length).join(' ')} | ${shown.slice(out.prompt.length).join(' ')}` +
    `${notes.length ? `  (${notes.join('; ')})` : ''}`);
}

console.log('\nHow far each order writes (40 runs of 50 words; medians and means over the runs):\n');
console.log('| N | words before a context without followers (no back-off): median, mean | runs reaching 50 | ' +
  'with back-off: words drawn after a shorter context | words in copied stretches (≥ 6) |');
console.log('|---:|---:|---:|---:|---:|');
for (const order of [2, 3, 4, 5]) {
  const lengths = [], backedOff = [], copiedShare = [];
  for (let seed = 1; seed <= 40; seed++) {
    const base = ['ngram-sample', '--model', 'data/ngram-da.aing', '--prompt', RUN_PROMPTS[seed % RUN_PROMPTS.length],
      '--order', String(order), '--count', '50', '--seed', String(seed)];
    lengths.push(sample(base).words.length);
    const out = sample([...base, '--backoff']);
    backedOff.push(out.backedOff / out.words.length);
    copiedShare.push(copiedMask(out).slice(out.prompt.length).filter(Boolean).length / out.words.length);
  }
  const sorted = [...lengths].sort((a, b) => a - b);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`| ${order} | ${(sorted[19] + sorted[20]) / 2}, ${mean(lengths).toFixed(1)} | ${lengths.filter((n) => n === 50).length} of 40 | ` +
    `${(100 * mean(backedOff)).toFixed(0)} % | ${(100 * mean(copiedShare)).toFixed(0)} % |`);
}
