// Prints "N passed, N failed" over Vitest and Playwright (plus typecheck and lint, when they
// failed), from the JSON reports that tools/test.sh asks both runners to write.
import { existsSync, readFileSync, rmSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;

const vitest = read('.tmp/vitest-results.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numFailedTestSuites ?? 0);
} else failed += 1; // the runner did not even report

const playwright = read('.tmp/playwright-results.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected + (playwright.errors?.length ?? 0);
} else failed += 1;

if (existsSync('.tmp/failed-checks')) {
  failed += readFileSync('.tmp/failed-checks', 'utf8').trim().split('\n').length;
  rmSync('.tmp/failed-checks');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
