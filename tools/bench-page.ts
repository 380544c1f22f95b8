/**
 * `npm run --silent bench:page [-- --backends wasm,cpu --seconds 5 --speed 5 --frontier]`: measures
 * the built app in headless Chromium and prints one JSON object: the gzipped bytes of JavaScript
 * loaded before the training worker starts, and per backend the page's frames per second and
 * fine-tuning steps per second while training. With `--frontier`, the Frontier tab is open too, so
 * the λ sweep trains in its own worker beside the run, and its steps per second are added. Figures
 * only; nothing is asserted.
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

async function main(): Promise<void> {
  const backends = option('backends', BACKENDS.join(',')).split(',');
  const seconds = Number(option('seconds', '5'));
  const speed = option('speed', '5');
  const withFrontier = process.argv.includes('--frontier');

  await build({ logLevel: 'silent' });
  const server = await preview({ logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
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
        await p.getByLabel('speed (steps per frame)').selectOption(speed);
        if (withFrontier) {
          await p.getByRole('tab', { name: 'Frontier', exact: true }).click();
          await p.getByRole('tabpanel').scrollIntoViewIfNeeded();
          await p.getByRole('table', { name: /^Each λ at step/ }).waitFor({ timeout: 600_000 });
        }
        await play.click();
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
          shown_backend: await p.getByLabel('backend', { exact: true }).textContent(),
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
