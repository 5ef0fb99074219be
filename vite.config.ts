// The page is a static folder (dist/) that works from any sub-path and inside an iframe:
// relative asset URLs (base './'), everything bundled, no request outside its own files.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { appManifest } from './web/build/app-manifest.ts';
import { contentSecurity } from './web/build/content-security.ts';
import { serviceWorker } from './web/build/service-worker.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The library a chunk is mostly for, by the packages in it.
const LIBRARIES = ['chart.js', 'katex'];
function libraryIn(moduleIds: readonly string[]): string | undefined {
  return LIBRARIES.find((name) => moduleIds.some((id) => id.includes(`/node_modules/${name}/`)))?.replace('.js', '');
}

export default defineConfig({
  root: here('web'),
  publicDir: false,
  base: './',
  resolve: {
    alias: {
      '@wasm': here('build/wasm'),
      '@data': here('data'),
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    rolldownOptions: {
      // A shared chunk is named after its first module, so Chart.js came out as "hidden-controls"
      // and KaTeX as "frame-budget": the names say what a chunk is, the split stays as it was.
      output: { chunkFileNames: (chunk) => `assets/${libraryIn(chunk.moduleIds) ?? chunk.name}-[hash].js` },
    },
  },
  plugins: [appManifest(), serviceWorker(), contentSecurity()],  // the manifest's files first: the service worker lists the bundle
  worker: { format: 'es' },
  server: { fs: { allow: [here('.')] } },
});
