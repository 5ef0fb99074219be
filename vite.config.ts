// The page is a static folder (dist/) that works from any sub-path and inside an iframe:
// relative asset URLs (base './'), everything bundled, no request outside its own files.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { appManifest } from './web/build/app-manifest.ts';
import { contentSecurity } from './web/build/content-security.ts';
import { serviceWorker } from './web/build/service-worker.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

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
  },
  plugins: [appManifest(), serviceWorker(), contentSecurity()],  // the manifest's files first: the service worker lists the bundle
  worker: { format: 'es' },
  server: { fs: { allow: [here('.')] } },
});
