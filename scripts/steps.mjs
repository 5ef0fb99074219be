// The build and test steps, shared by start.mjs, build.mjs and test.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE = join(ROOT, 'build', 'native');
const WASM = join(ROOT, 'build', 'wasm');

export function run(cmd, args, options = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...options });
}

// npm ci when node_modules is missing or older than the lockfile.
export function ensureNodeModules() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// Everything, or only the named targets (a bench that needs one tool).
export function buildNative(...targets) {
  if (!existsSync(join(NATIVE, 'build.ninja')))
    run('cmake', ['-S', '.', '-B', NATIVE, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release']);
  run('cmake', ['--build', NATIVE, ...(targets.length ? ['--target', ...targets] : [])]);
}

export function testNative() {
  run('ctest', ['--test-dir', NATIVE, '--output-on-failure', '-j2']);
}

export function buildWasm() {
  if (!existsSync(join(WASM, 'build.ninja')))
    run('emcmake', ['cmake', '-S', '.', '-B', WASM, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release']);
  run('cmake', ['--build', WASM]);
}

export function buildPage() {
  run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('npx', ['vite', 'build']);
}

// Node 20's test runner takes files, not globs: list tests/<tier>/*.test.{ts,mjs}.
function testFiles(tier) {
  const dir = join('tests', tier);
  return readdirSync(join(ROOT, dir)).filter((f) => /\.test\.(ts|mjs)$/.test(f)).sort().map((f) => join(dir, f));
}

export function testNode() {
  run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('node')]);
}

export function testE2e() {
  run('node', ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...testFiles('e2e')]);
}
