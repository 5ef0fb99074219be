// npm start: install what is missing, build, and serve the app at a printed URL.
import { ensureNode, ensurePackages, BUILD_PACKAGES } from './system.mjs';
import { buildPage, buildWasm, ensureNodeModules, ROOT } from './steps.mjs';
import { serveStatic } from './serve.mjs';
import { join } from 'node:path';

ensureNode();
ensurePackages(BUILD_PACKAGES);
ensureNodeModules();
buildWasm();
buildPage();
const port = Number(process.env.PORT ?? 4173);
const server = await serveStatic(join(ROOT, 'dist'), { port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`\nAI-værkstedet kører på ${server.url}  (stop med Ctrl+C)`);
