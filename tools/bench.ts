/**
 * `npm run --silent bench -- CASE.json [--steps N] [--backends wasm,webgl,webgpu,cpu] [--runs K]`:
 * trains CASE.json (its batches cycled) for N steps on each backend in headless Chromium and prints
 * one JSON object of figures; with `--runs K`, K stacked copies of it in one computation
 * (run_steps_per_s counts the steps of all K). It measures; it asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { BACKENDS, type BackendName } from '../src/worker/backendNames';
import { chromiumLaunchOptions } from './chromium';

const harnessConfig = 'tools/harness/vite.config.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const casePath = process.argv[2];
  if (!casePath || casePath.startsWith('--'))
    throw new Error('usage: npm run --silent bench -- CASE.json [--steps N] [--backends a,b]');
  const raw = JSON.parse(readFileSync(casePath, 'utf8'));
  const steps = Number(option('steps', '200'));
  if (!Number.isInteger(steps) || steps < 1)
    throw new Error(`--steps must be a positive integer, got ${option('steps', '')}`);
  const backends = option('backends', BACKENDS.join(',')).split(',') as BackendName[];
  const runsText = option('runs', '');
  const runs = runsText === '' ? undefined : Number(runsText);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1))
    throw new Error(`--runs must be a positive integer, got ${runsText}`);

  await build({ configFile: harnessConfig, logLevel: 'silent' });
  const server = await preview({
    configFile: harnessConfig,
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  const browser = await chromium.launch(chromiumLaunchOptions);
  const results: Record<string, unknown> = {};
  try {
    for (const backend of backends) {
      // A fresh page per backend, so that one backend's state cannot slow the next.
      const page = await browser.newPage();
      await page.goto(url ?? '');
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      try {
        results[backend] = await page.evaluate(([c, b, n, k]) => window.harness.bench(c, b, n, k), [
          raw,
          backend,
          steps,
          runs,
        ] as const);
      } catch (e) {
        results[backend] = { error: (e as Error).message.split('\n')[0] };
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(`${JSON.stringify({ case: casePath, steps, runs, backends: results })}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`bench: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
