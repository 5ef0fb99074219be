// npm run data: regenerate data/goodfood.csv with the project's own generator (see data/README.md).
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildNative, ROOT } from './steps.mjs';

buildNative();
const csv = execFileSync(join(ROOT, 'build', 'native', 'goodfood_generate'), ['2026', '100']);
writeFileSync(join(ROOT, 'data', 'goodfood.csv'), csv);
console.log('Wrote data/goodfood.csv');
