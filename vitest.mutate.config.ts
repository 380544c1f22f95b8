import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The tests `npm run mutate` (Stryker) runs against each mutant of src/engine: the engine's own
 * unit tests, which include the PyTorch goldens and the break catalogue, and the golden tolerance
 * tests. The page's tests never reach the engine, so they would only slow every mutant down.
 * (Spread, not mergeConfig: mergeConfig concatenates `include` with the base's, which is every test.)
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src/engine/test/**/*.test.ts', 'tools/golden/**/*.test.ts'],
    // Instrumented code runs slower, and mutation runs go at the lowest priority (nice -n 19).
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
