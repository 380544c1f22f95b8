/**
 * `npm run --silent bench:page [-- --backends wasm,cpu --seconds 5 --speed 5 --frontier --scenario digits --isolated]`: measures
 * the built app in headless Chromium and prints one JSON object: the gzipped bytes of JavaScript
 * loaded before the training worker starts, and per backend the page's frames per second and
 * fine-tuning steps per second while training. With `--frontier`, the Frontier tab is open too, so
 * the λ sweep trains in its own worker beside the run, and its steps per second are added. With
 * `--scenario digits`, the digits are chosen in the Settings tab as a person would, once the 2-D
 * run is ready, and the seconds from that choice to the first fine-tuning step are added (the asset
 * fetched, 300 pretraining steps, Play); the Digits tab is open while training is measured. With
 * `--isolated`, the server sends the cross-origin isolation headers, as a host that wants
 * SharedArrayBuffer does. Figures only; nothing is asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { BACKENDS } from '../src/worker/backendNames';
import { chromiumLaunchOptions } from './chromium';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function readStep(page: Page): Promise<number> {
  return Number(await page.getByLabel('step', { exact: true }).textContent());
}

/** The sweep's step, from its table's caption ("Each λ at step N"). */
async function readSweepStep(page: Page): Promise<number> {
  const caption = await page
    .getByRole('table', { name: /^Each λ at step/ })
    .locator('caption')
    .textContent();
  return Number(caption?.match(/\d+$/)?.[0]);
}

/**
 * Chooses the digits in the Settings tab, resets, and plays as soon as Play is enabled: the
 * seconds from the choice to the end of pretraining and to the first fine-tuning step on the
 * readout. Leaves the run playing with the Digits tab open.
 */
async function chooseDigits(p: Page): Promise<Record<string, number>> {
  await p.getByRole('tab', { name: 'Settings', exact: true }).click();
  const chosenAt = Date.now();
  await p.getByRole('combobox', { name: 'scenario', exact: true }).selectOption('digits');
  await p.getByRole('button', { name: 'Reset', exact: true }).click();
  const play = p.getByRole('button', { name: 'Play', exact: true });
  await play.isDisabled(); // the reset's new run: Play waits for its pretraining
  await p.waitForFunction(
    () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Play' && !b.disabled),
    null,
    { timeout: 600_000, polling: 50 },
  );
  const readyAt = Date.now();
  await play.click();
  while ((await readStep(p)) < 1) await p.waitForTimeout(50);
  const firstStepAt = Date.now();
  await p.getByRole('tab', { name: 'Digits', exact: true }).click();
  return {
    digits_seconds_to_pretrained: (readyAt - chosenAt) / 1000,
    digits_seconds_to_first_step: (firstStepAt - chosenAt) / 1000,
  };
}

/** The headers that make the page cross-origin isolated, which TF.js's WASM backend needs for threads. */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

async function main(): Promise<void> {
  const backends = option('backends', BACKENDS.join(',')).split(',');
  const seconds = Number(option('seconds', '5'));
  const speed = option('speed', '5');
  const withFrontier = process.argv.includes('--frontier');
  const scenario = option('scenario', 'sectors');
  const isolated = process.argv.includes('--isolated');

  await build({ logLevel: 'silent' });
  const server = await preview({
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1', headers: isolated ? CROSS_ORIGIN_ISOLATION : {} },
  });
  const url = server.resolvedUrls?.local[0] ?? '';
  const browser = await chromium.launch(chromiumLaunchOptions);
  const out: Record<string, unknown> = {};
  try {
    // First load: every script requested before the worker's own chunk.
    const page = await browser.newPage();
    const scripts: string[] = [];
    let workerSeen = false;
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes('labWorker')) workerSeen = true;
      if (!workerSeen && path.endsWith('.js')) scripts.push(path);
    });
    await page.goto(`${url}?backend=cpu`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page.close();
    const bytes = scripts.map((p) => gzipSync(readFileSync(join('dist', p))).length);
    out.first_load_js_gzip_bytes = bytes.reduce((a, b) => a + b, 0);
    out.first_load_js_files = scripts.length;

    const perBackend: Record<string, unknown> = {};
    for (const backend of backends) {
      const p = await browser.newPage();
      try {
        await p.goto(`${url}?backend=${backend}&steps=5000`);
        const play = p.getByRole('button', { name: 'Play' });
        await play.waitFor();
        await p.waitForFunction(
          () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Play' && !b.disabled),
          null,
          { timeout: 600_000 },
        );
        const digits = scenario === 'digits' ? await chooseDigits(p) : null;
        await p.getByLabel('speed (steps per frame)').selectOption(speed);
        if (withFrontier) {
          await p.getByRole('tab', { name: 'Frontier', exact: true }).click();
          await p.getByRole('tabpanel').scrollIntoViewIfNeeded();
          await p.getByRole('table', { name: /^Each λ at step/ }).waitFor({ timeout: 600_000 });
        }
        if (!digits) await play.click();
        await p.waitForTimeout(1000); // past the first shader compilations
        const startStep = await readStep(p);
        const startSweepStep = withFrontier ? await readSweepStep(p) : 0;
        const frames = await p.evaluate(
          (ms) =>
            new Promise<number>((resolve) => {
              let n = 0;
              const end = performance.now() + ms;
              const tick = () => {
                n++;
                if (performance.now() < end) requestAnimationFrame(tick);
                else resolve(n);
              };
              requestAnimationFrame(tick);
            }),
          seconds * 1000,
        );
        const steps = (await readStep(p)) - startStep;
        const sweepSteps = withFrontier ? (await readSweepStep(p)) - startSweepStep : null;
        perBackend[backend] = {
          fps: frames / seconds,
          steps_per_s: steps / seconds,
          ...(sweepSteps === null ? {} : { sweep_steps_per_s: sweepSteps / seconds }),
          steps_per_frame: Number(speed),
          ...(digits ?? {}),
          shown_backend: await p.getByLabel('backend', { exact: true }).textContent(),
          cross_origin_isolated: await p.evaluate(() => crossOriginIsolated),
        };
      } catch (e) {
        perBackend[backend] = { error: (e as Error).message.split('\n')[0] };
      } finally {
        await p.close();
      }
    }
    out.backends = perBackend;
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`bench:page: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
