// npm run fuzz: the fuzz tier, not part of npm test. The C++ readers — vector files, number text,
// the text normaliser and analogy questions, a word2vec session set up from text, the neuron's
// data checks — are built with AddressSanitizer and UndefinedBehaviorSanitizer in build/fuzz and
// fed seeded random mutations of tests/fuzz/corpus/<target>; the page's CSV/XLSX import gets the
// same under node.
// Each target runs for its share of a fixed time; a table shows executions and failures, and any
// failure makes the exit code non-zero, with the failing input kept in build/fuzz/crashes/ and the
// command that reproduces it.
//   npm run fuzz -- [--seconds 60] [--seed 1] [--only vectors,csv] [--timeout 10] [--libfuzzer]
// --seconds: in total; --timeout: the most one execution may take; --libfuzzer: clang's libFuzzer
// instead of our own loop (tests/fuzz/fuzz_driver.cpp), in build/fuzz-libfuzzer.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { ensureNode, ensurePackages, FUZZ_PACKAGES, LIBFUZZER_PACKAGES } from './system.mjs';
import { ensureNodeModules, ROOT, run } from './steps.mjs';

const CPP_TARGETS = ['vectors', 'numbers', 'text', 'session', 'dataset', 'ngram'];
const TARGETS = [...CPP_TARGETS, 'csv'];
const MAX_LENGTH = { session: 1024 };  // a session trains on its text: short inputs keep it fast
const CRASHES = join(ROOT, 'build', 'fuzz', 'crashes');

function parseOptions(argv) {
  const o = { seconds: 60, seed: 1, timeout: 10, only: TARGETS, libfuzzer: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--libfuzzer') o.libfuzzer = true;
    else if (arg === '--only') o.only = argv[++i].split(',');
    else if (['--seconds', '--seed', '--timeout'].includes(arg)) o[arg.slice(2)] = Number(argv[++i]);
    else throw new Error(`unknown option ${arg} (see the top of scripts/fuzz.mjs)`);
  }
  const unknown = o.only.filter((t) => !TARGETS.includes(t));
  if (unknown.length) throw new Error(`unknown target ${unknown.join(', ')}: the targets are ${TARGETS.join(', ')}`);
  if (!(o.seconds > 0) || !Number.isInteger(o.seed) || o.seed < 0 || !(o.timeout > 0)) throw new Error('bad --seconds, --seed or --timeout');
  return o;
}

function build(libfuzzer) {
  const dir = join(ROOT, 'build', libfuzzer ? 'fuzz-libfuzzer' : 'fuzz');
  if (!existsSync(join(dir, 'build.ninja'))) {
    const engine = libfuzzer ? ['-DCMAKE_CXX_COMPILER=clang++-14', '-DVAERKSTED_FUZZ_ENGINE=libfuzzer'] : [];
    run('cmake', ['-S', '.', '-B', dir, '-G', 'Ninja', '-DVAERKSTED_FUZZ=ON', ...engine]);
  }
  run('cmake', ['--build', dir, '--parallel', String(availableParallelism())]);
  return dir;
}

// Runs a child to its end, killing it (by its own pid) if it outlives limitMs.
function runChild(cmd, args, limitMs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = Date.now();
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-200_000); });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

// The first line that says what went wrong.
function reason(out) {
  const lines = (out.stderr + '\n' + out.stdout).split('\n');
  const line = lines.find((l) => /ERROR: AddressSanitizer|runtime error|INVARIANT FAILED|TIMEOUT|FAILED:|InvariantError|deadly signal|ERROR: libFuzzer/.test(l));
  return (line ?? `exit code ${out.code}${out.signal ? `, signal ${out.signal}` : ''}`).trim().slice(0, 300);
}

// Keeps a failing input and its log under a name from its hash; returns the path.
function keep(target, input, out) {
  mkdirSync(CRASHES, { recursive: true });
  const file = join(CRASHES, `${target}-${createHash('sha1').update(input).digest('hex').slice(0, 12)}.bin`);
  writeFileSync(file, input);
  writeFileSync(file.replace(/\.bin$/, '.log'), `${out.stderr}\n${out.stdout}`);
  return file;
}

// The input a driver was running when it stopped: 16-byte header (executions, length), then the bytes.
function readCurrent(path) {
  if (!existsSync(path)) return { executions: 0, input: Buffer.alloc(0) };
  const data = readFileSync(path);
  if (data.length < 16) return { executions: 0, input: Buffer.alloc(0) };
  const length = Number(data.readBigUInt64LE(8));
  return { executions: Number(data.readBigUInt64LE(0)), input: data.subarray(16, 16 + length) };
}

function summary(out) {
  const m = /FUZZ-SUMMARY executions=(\d+) seconds=([\d.]+)/.exec(out.stdout);
  return m ? { executions: Number(m[1]), seconds: Number(m[2]) } : null;
}

// Our own loop (C++ driver or the node CSV loop): both leave the current input in a file.
async function runLoop(target, command, args, seconds, o) {
  const current = join(ROOT, 'build', 'fuzz', `${target}.current`);
  rmSync(current, { force: true });
  const common = ['--seconds', String(seconds), '--seed', String(o.seed), '--timeout', String(o.timeout), '--current', current];
  const out = await runChild(command[0], [...command.slice(1), ...args, ...common], (seconds + o.timeout + 60) * 1000);
  const done = summary(out);
  if (out.code === 0 && done) return { ...done, failure: null };
  const { executions, input } = readCurrent(current);
  const file = keep(target, input, out);
  const again = [...command, '--reproduce', relative(ROOT, file)].map((a) => (a.startsWith(ROOT) ? relative(ROOT, a) : a));
  return { executions, seconds: out.seconds, failure: { reason: reason(out), file, bytes: input.length, reproduce: again.join(' ') } };
}

async function runCpp(target, dir, seconds, o) {
  const corpus = join(ROOT, 'tests', 'fuzz', 'corpus', target);
  const binary = join(dir, `fuzz_${target}`);
  const maxLength = String(MAX_LENGTH[target] ?? 4096);
  if (!o.libfuzzer) return runLoop(target, [binary], ['--corpus', corpus, '--max-len', maxLength], seconds, o);
  // libFuzzer grows the corpus it is given: a working copy of the seeds.
  const work = join(dir, 'corpus', target);
  mkdirSync(work, { recursive: true });
  for (const f of readdirSync(corpus)) copyFileSync(join(corpus, f), join(work, f));
  mkdirSync(CRASHES, { recursive: true });
  const out = await runChild(binary, [work, `-max_total_time=${Math.max(1, Math.round(seconds))}`, `-seed=${o.seed || 1}`,
    `-timeout=${Math.ceil(o.timeout)}`, `-max_len=${maxLength}`, '-malloc_limit_mb=256', '-rss_limit_mb=3072',
    `-artifact_prefix=${CRASHES}/${target}-`, '-print_final_stats=1'], (seconds + o.timeout + 60) * 1000);
  const executions = Number(/stat::number_of_executed_units:\s*(\d+)/.exec(out.stderr)?.[1] ?? 0);
  if (out.code === 0) return { executions, seconds, failure: null };
  const file = /Test unit written to (\S+)/.exec(out.stderr)?.[1] ?? '';
  writeFileSync(`${file || join(CRASHES, target)}.log`, out.stderr);
  const bytes = file && existsSync(file) ? readFileSync(file).length : 0;
  return { executions, seconds: out.seconds, failure: { reason: reason(out), file, bytes, reproduce: `${relative(ROOT, binary)} ${relative(ROOT, file)}` } };
}

function runCsv(seconds, o) {
  const corpus = join(ROOT, 'tests', 'fuzz', 'corpus', 'csv');
  return runLoop('csv', ['node', '--import', 'tsx', 'tests/fuzz/csv-fuzz.ts'], ['--corpus', corpus], seconds, o);
}

function printTable(rows, engine) {
  const line = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const widths = [8, 9, 11, 8, 8];
  console.log('\n' + line(['target', 'engine', 'executions', 'exec/s', 'failures'], widths));
  for (const r of rows) {
    const rate = r.seconds > 0 ? Math.round(r.executions / r.seconds) : 0;
    console.log(line([r.target, r.target === 'csv' ? 'node' : engine, r.executions, rate, r.failure ? 1 : 0], widths));
  }
  const total = rows.reduce((n, r) => n + r.executions, 0);
  console.log(line(['all', '', total, '', rows.filter((r) => r.failure).length], widths));
  for (const r of rows.filter((x) => x.failure)) {
    console.log(`\nFAILED ${r.target}: ${r.failure.reason}`);
    console.log(`  input:     ${relative(ROOT, r.failure.file)} (${r.failure.bytes} bytes; the log beside it)`);
    console.log(`  reproduce: ${r.failure.reproduce}`);
  }
}

const o = parseOptions(process.argv.slice(2));
ensureNode();
const cpp = CPP_TARGETS.filter((t) => o.only.includes(t));
if (cpp.length) ensurePackages(o.libfuzzer ? LIBFUZZER_PACKAGES : FUZZ_PACKAGES);
if (o.only.includes('csv')) ensureNodeModules();
mkdirSync(join(ROOT, 'build', 'fuzz'), { recursive: true });
const dir = cpp.length ? build(o.libfuzzer) : '';
const share = o.seconds / o.only.length;
const rows = [];
for (const target of TARGETS.filter((t) => o.only.includes(t))) {
  console.log(`fuzzing ${target} for ${share.toFixed(1)} s (seed ${o.seed}) …`);
  rows.push({ target, ...(target === 'csv' ? await runCsv(share, o) : await runCpp(target, dir, share, o)) });
}
printTable(rows, o.libfuzzer ? 'libfuzzer' : 'mutate');
process.exitCode = rows.some((r) => r.failure) ? 1 : 0;
