// npm run vectors: retrain the default Danish word vectors (data/vectors-da.aivec) with the
// project's own w2v tool, exactly as data/README.md records, and print their scores.
// npm run vectors -- --compare: also train Debian's fastText and gensim with the same settings on
// the same corpus, restrict them to the shipped words, and print the three side by side.
// Needs ../shared/data (the ADL corpus and the evaluation sets) and Debian's wdanish word list.
// One training thread: the same seed then gives the same file, byte for byte (about 5 minutes).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePackages } from './system.mjs';
import { buildNative, ROOT } from './steps.mjs';

const SHARED = join(ROOT, '..', 'shared', 'data');
const CORPUS = join(SHARED, 'da/corpora/adl/adl_norm_post1800.txt.xz');
const ANALOGIES = join(SHARED, 'da/eval/analogier_da_handmade.txt');
const WORDSIM = join(SHARED, 'da/eval/dasem/wordsim353-da_combined.csv');
const DICTIONARY = '/usr/share/dict/danish';  // Debian's wdanish

// The settings of data/README.md (skip-gram with negative sampling); the peers get the same.
const SETTINGS = { dim: 100, window: 5, negatives: 5, minCount: 5, sample: 1e-4, epochs: 5, lr: 0.05, seed: 1 };
const TRAIN_ARGS = ['--dim', SETTINGS.dim, '--window', SETTINGS.window, '--negatives', SETTINGS.negatives,
  '--min-count', SETTINGS.minCount, '--sample', SETTINGS.sample, '--epochs', SETTINGS.epochs, '--lr', SETTINGS.lr,
  '--seed', SETTINGS.seed, '--threads', 1].map(String);
const EXPORT_ARGS = ['--format', 'compact', '--plain-words', '--dictionary', DICTIONARY, '--no-names', '--max-words', '40000'];

const compare = process.argv.includes('--compare');
if (!existsSync(CORPUS)) {
  console.error(`The corpus is not here: ${CORPUS}\nnpm run vectors needs ../shared/data next to the project.`);
  process.exit(1);
}
ensurePackages(compare ? ['wdanish', 'fasttext', 'python3-gensim', 'xz-utils'] : ['wdanish']);
buildNative();
const w2v = join(ROOT, 'build/native/w2v');
const work = join(ROOT, 'build/vectors');
mkdirSync(work, { recursive: true });
const shipped = join(ROOT, 'data/vectors-da.aivec');
const run = (cmd, args, options = {}) => {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  return execFileSync(cmd, args, { stdio: 'inherit', ...options });
};

const ours = join(work, 'ours.bin');
run(w2v, ['train', '--input', CORPUS, '--output', ours, ...TRAIN_ARGS]);
run(w2v, ['export', '--input', ours, '--output', shipped, ...EXPORT_ARGS]);
console.log(`\nWrote ${shipped}`);
const rows = [{ name: 'AI-værkstedet w2v (shipped)', file: shipped }];

if (compare) {
  const text = join(work, 'adl.txt');  // fastText and gensim read plain text
  if (!existsSync(text)) writeFileSync(text, execFileSync('xz', ['-dc', CORPUS], { maxBuffer: 1 << 30 }));
  const s = SETTINGS;
  run('fasttext', ['skipgram', '-input', text, '-output', join(work, 'fasttext'), '-dim', s.dim, '-ws', s.window,
    '-epoch', s.epochs, '-minCount', s.minCount, '-neg', s.negatives, '-t', s.sample, '-lr', s.lr, '-minn', 0, '-maxn', 0,
    '-thread', 2, '-verbose', 1].map(String));
  run('/usr/bin/python3', ['-c', `
from gensim.models import Word2Vec
m = Word2Vec(corpus_file=${JSON.stringify(text)}, vector_size=${s.dim}, window=${s.window}, negative=${s.negatives},
             min_count=${s.minCount}, sample=${s.sample}, epochs=${s.epochs}, alpha=${s.lr}, sg=1, hs=0,
             workers=2, seed=${s.seed})
m.wv.save_word2vec_format(${JSON.stringify(join(work, 'gensim.bin'))}, binary=True)`]);
  // The peers restricted to exactly the shipped words, quantised the same way: one vocabulary for all.
  const words = join(work, 'shipped-words.txt');
  run(w2v, ['export', '--input', shipped, '--output', join(work, 'shipped.txt'), '--format', 'text']);
  writeFileSync(words, readFileSync(join(work, 'shipped.txt'), 'utf8').split('\n').slice(1).map((l) => l.split(' ')[0]).join('\n'));
  for (const [name, input] of [['fastText 0.9.2 skipgram', join(work, 'fasttext.vec')], ['gensim Word2Vec sg', join(work, 'gensim.bin')]]) {
    const file = join(work, `${name.split(' ')[0]}.aivec`);
    run(w2v, ['export', '--input', input, '--output', file, '--format', 'compact', '--dictionary', words]);
    rows.push({ name, file });
  }
}

const scores = rows.map((row) => ({ ...row, ...JSON.parse(execFileSync(w2v, ['eval', '--vectors', row.file,
  '--analogies', ANALOGIES, '--similarity', WORDSIM, '--columns', '2,4,5', '--json'], { encoding: 'utf8' })) }));
console.log(`\nSettings: skip-gram, negative sampling, ${JSON.stringify(SETTINGS)}; vocabulary: the ${scores[0].words} shipped words.\n`);
console.log('| vectors | analogies covered | top-1 accuracy (3CosAdd) | WordSim-353-da pairs | Spearman |');
console.log('|---|---:|---:|---:|---:|');
for (const r of scores)
  console.log(`| ${r.name} | ${r.analogyCovered} of ${r.analogyTotal} | ${(100 * r.analogyCorrect / r.analogyCovered).toFixed(1)} % | ` +
    `${r.similarityCovered} of ${r.similarityTotal} | ${Number(r.spearman).toFixed(3)} |`);
