// Prints "N passed, N failed" over Vitest and Playwright (plus typecheck and lint, when they
// failed), from the JSON reports that tools/test.sh asks both runners to write. A test that passed
// only on a retry ("flaky") counts as failed; skipped tests are named, above the summary line.
import { existsSync, readFileSync, rmSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;
const skipped = [];

const vitest = read('.tmp/vitest-results.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numFailedTestSuites ?? 0);
  for (const file of vitest.testResults ?? [])
    for (const test of file.assertionResults ?? [])
      if (['pending', 'skipped', 'todo'].includes(test.status)) skipped.push(`vitest: ${test.fullName}`);
} else failed += 1; // the runner did not even report

/** Every test of a Playwright JSON report, with its spec's title path. */
function* playwrightTests(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? [])
    for (const test of spec.tests ?? []) yield { name: [...here, spec.title].join(' › '), test };
  for (const child of suite.suites ?? []) yield* playwrightTests(child, here);
}

const playwright = read('.tmp/playwright-results.json');
if (playwright) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky + (playwright.errors?.length ?? 0);
  for (const suite of playwright.suites ?? [])
    for (const { name, test } of playwrightTests(suite)) {
      if (test.status === 'skipped') skipped.push(`playwright: ${name}`);
      if (test.status === 'flaky') console.log(`flaky (counted as failed): ${name}`);
    }
} else failed += 1;

if (existsSync('.tmp/failed-checks')) {
  failed += readFileSync('.tmp/failed-checks', 'utf8').trim().split('\n').length;
  rmSync('.tmp/failed-checks');
}
console.log(`${skipped.length} skipped${skipped.map((name) => `\n  ${name}`).join('')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
