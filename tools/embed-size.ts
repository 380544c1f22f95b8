// Prints the size of dist/embed.js (after `npm run build`): `npm run embed:size`.
import { readFileSync } from 'node:fs';
import { EMBED_BUDGET_BYTES, gzippedBytes, librariesMentioned } from './embedBudget';

const code = readFileSync('dist/embed.js', 'utf8');
const gzipped = gzippedBytes(code);
const libraries = librariesMentioned(code);
console.log(`dist/embed.js: ${code.length} bytes, ${gzipped} bytes gzipped (budget ${EMBED_BUDGET_BYTES})`);
if (libraries.length > 0) console.log(`mentions libraries it must not bundle: ${libraries.join(', ')}`);
if (gzipped > EMBED_BUDGET_BYTES || libraries.length > 0) process.exitCode = 1;
