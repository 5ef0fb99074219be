// The layers of web/src stay apart: a page's folder imports no other page's folder, and the shared
// layers (app, charts, models, data, wasm, …) import no page at all, so a page can be added or
// removed by touching its own folder and the registry (pages.ts) only.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|mts)$/.test(name) ? [path] : [];
  });
}

// Every relative module a file names: static imports, `import type`, re-exports, import(), and
// `declare module '…'` (a page may add its state to the app's type, which is not an import).
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]);
  return found.filter((spec) => spec.startsWith('.'));
}

// The top folder of web/src a path lies in ('' for files directly in web/src).
const topFolder = (path: string) => {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts.length > 1 ? parts[0] : '';
};

// The page folders are those the registry loads pages from.
function pageFolders(): Set<string> {
  const registry = readFileSync(join(SRC, 'pages.ts'), 'utf8');
  return new Set(Array.from(registry.matchAll(/import\(\s*'\.\/([\w-]+)\/page\.ts'\s*\)/g), (m) => m[1]));
}

test('the registry names the page folders', () => {
  const pages = pageFolders();
  for (const folder of ['landing', 'neuron', 'race', 'vectors', 'train']) assert.ok(pages.has(folder), folder);
});

test('no page folder imports another, and no shared layer imports a page', () => {
  const pages = pageFolders();
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = topFolder(file);
    if (from === '') continue;  // main.ts and pages.ts put the app together
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const to = topFolder(resolve(dirname(file), spec));
      if (to === from || !pages.has(to)) continue;
      violations.push(`${relative(SRC, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the checker sees every kind of import it is meant to catch', () => {
  const text = [
    "import { a } from '../neuron/a.ts';",
    "import type { B } from '../race/b.ts';",
    "export { c } from '../train/c.ts';",
    "const d = await import('../vectors/d.ts');",
    "import '../landing/e.css';",
    "import { f } from 'chart.js';",
  ].join('\n');
  assert.deepEqual(importsOf(text).sort(),
    ['../landing/e.css', '../neuron/a.ts', '../race/b.ts', '../train/c.ts', '../vectors/d.ts']);
});
