// npm run build: the wasm module and the static page in dist/.
import { ensureNode, ensurePackages, BUILD_PACKAGES } from './system.mjs';
import { buildPage, buildWasm, ensureNodeModules } from './steps.mjs';

ensureNode();
ensurePackages(BUILD_PACKAGES);
ensureNodeModules();
buildWasm();
buildPage();
console.log('\nBuilt dist/: a static folder; copy it under any path of any web server.');
