import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './tools/chromium';

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
    { name: 'engine', testMatch: /engine\/.*\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4174/' } },
    { name: 'app', testMatch: /app\/.*\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4173/' } },
  ],
  webServer: [
    {
      command:
        'npx vite build -c tools/harness/vite.config.ts && npx vite preview -c tools/harness/vite.config.ts --host 127.0.0.1',
      url: 'http://127.0.0.1:4174/',
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: 'npx vite build && npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
      url: 'http://127.0.0.1:4173/',
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
