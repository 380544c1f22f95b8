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
    include: [
      'src/engine/test/**/*.test.ts',
      'src/engine/func/test/**/*.test.ts',
      'tools/golden/**/*.test.ts',
    ],
    // Scenario-level tests pretrain and train the lab's network for hundreds of steps; run against
    // each surviving mutant they cost minutes. The goldens and the break catalogue are the tests
    // that must catch a wrong engine.
    exclude: [
      'src/engine/test/forgetting.test.ts',
      'src/engine/test/scenario.test.ts',
      'src/engine/test/checkpoint.test.ts',
    ],
    // Instrumented code runs slower, and mutation runs go at the lowest priority (nice -n 19).
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
