import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tools/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // TF.js's ESM build (the one with gradient definitions) must go through Vite's resolver.
    server: { deps: { inline: [/@tensorflow\//] } },
  },
});
