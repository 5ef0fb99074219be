// Debian packages the project needs, and installing the missing ones: as root, or with
// passwordless sudo; otherwise print the one apt command to run and stop.
import { execFileSync, spawnSync } from 'node:child_process';

// What building and serving the app needs.
export const BUILD_PACKAGES = ['cmake', 'ninja-build', 'g++', 'libeigen3-dev', 'emscripten'];
// What `npm test` needs on top: GoogleTest, JSON for the shared test cases, Python for the reference
// scripts that tests/cases must equal, zlib and liblzma for the w2v tool's .gz and .xz corpora, the
// browser and a font.
export const TEST_PACKAGES = [...BUILD_PACKAGES, 'libgtest-dev', 'nlohmann-json3-dev', 'python3', 'zlib1g-dev', 'liblzma-dev',
  'chromium', 'fonts-liberation'];
// What `npm run fuzz` needs: the native build (g++ brings its ASan/UBSan runtimes); with
// --libfuzzer also clang and its runtimes (libFuzzer, clang's sanitizers).
export const FUZZ_PACKAGES = ['cmake', 'ninja-build', 'g++', 'libeigen3-dev'];
export const LIBFUZZER_PACKAGES = [...FUZZ_PACKAGES, 'clang-14', 'libclang-rt-14-dev'];
// What `npm run bench` needs on top: the word2vec trainers ours is compared with, and PyTorch for
// the neural language model (with OpenBLAS's pthread build: Debian's default BLAS makes it ~17× slower).
export const BENCH_PACKAGES = [...TEST_PACKAGES, 'fasttext', 'python3-gensim', 'python3-torch', 'libopenblas0-pthread'];

// Vite 8 needs Node.js 20.19 or newer; apt's nodejs of Debian 12 is 18, so it cannot help here.
export function ensureNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 20 || (major === 20 && minor >= 19)) return;
  console.error(`Node.js ${process.versions.node} is too old: AI-værkstedet needs Node.js 20.19 or newer ` +
    '(e.g. from https://github.com/nodesource/distributions).');
  process.exit(1);
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function canSudo() {
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args) {
  console.log(`$ ${[cmd, ...args].join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

// Installs what is missing of packages; returns normally when all are there.
export function ensurePackages(packages) {
  if (spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log('Not a Debian system: make sure these are installed: ' + packages.join(' '));
    return;
  }
  const missing = packages.filter((p) => !installed(p));
  if (missing.length === 0) return;
  const apt = ['apt-get', 'install', '-y', '--no-install-recommends', ...missing];
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && !canSudo()) {
    console.error('\nThese Debian packages are missing: ' + missing.join(', '));
    console.error('Install them with this command, then run the npm command again:\n');
    console.error(`  sudo apt-get update && sudo ${apt.join(' ')}\n`);
    process.exit(1);
  }
  const sudo = isRoot ? [] : ['sudo', '-n'];
  console.log('Installing missing Debian packages: ' + missing.join(', '));
  const [cmd, ...args] = [...sudo, 'apt-get', 'update', '-q'];
  run(cmd, args);
  const [cmd2, ...args2] = [...sudo, ...apt];
  run(cmd2, args2);
}
