// npm test: the three tiers — the C++ core natively (CTest), the built wasm module under node, and
// the built page in headless Chromium. `npm test -- cpp node e2e` picks tiers (default: all).
import { ensureNode, ensurePackages, TEST_PACKAGES } from './system.mjs';
import { buildNative, buildPage, buildWasm, ensureNodeModules, testE2e, testNative, testNode } from './steps.mjs';

const tiers = process.argv.slice(2).length ? process.argv.slice(2) : ['cpp', 'node', 'e2e'];
const started = Date.now();
ensureNode();
ensurePackages(TEST_PACKAGES);
ensureNodeModules();
if (tiers.includes('cpp')) {
  buildNative();
  testNative();
}
if (tiers.includes('node') || tiers.includes('e2e')) buildWasm();
if (tiers.includes('node')) testNode();
if (tiers.includes('e2e')) {
  buildPage();
  testE2e();
}
console.log(`\nTest tiers passed (${tiers.join(', ')}) in ${Math.round((Date.now() - started) / 1000)} s.`);
