import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './tools/chromium';

// Ports can move (E2E_PORT) so that two test runs on one machine do not collide.
const appPort = Number(process.env.E2E_PORT ?? 4173);
const harnessPort = appPort + 1;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-results.json' }]],
  use: {
    headless: true,
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    {
      name: 'engine',
      testMatch: /engine\/.*\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${harnessPort}/` },
    },
    { name: 'app', testMatch: /app\/.*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${appPort}/` } },
  ],
  webServer: [
    {
      command: `npx vite build -c tools/harness/vite.config.ts && npx vite preview -c tools/harness/vite.config.ts --host 127.0.0.1 --port ${harnessPort}`,
      url: `http://127.0.0.1:${harnessPort}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // embed.js goes into the same dist/, beside the lab it frames (the app build empties dist/ first).
      command: `npx vite build && npx vite build -c vite.embed.config.ts && npx vite preview --host 127.0.0.1 --port ${appPort} --strictPort`,
      url: `http://127.0.0.1:${appPort}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
