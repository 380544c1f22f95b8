/**
 * `npm run --silent soak:page [-- --steps 5000 --speed 20 --backend wasm]`: plays a run of `steps`
 * fine-tuning steps in the built app in headless Chromium and prints one JSON object: TF.js's live
 * tensors in the lab's worker, and the JS heap of the page and of the worker (after a garbage
 * collection, through the DevTools protocol), at the start and at the end, and the steps per
 * second. Figures only; nothing is asserted (see `npm run soak` for the engine alone, in Node).
 */
import { type CDPSession, chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from './chromium';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Its own output folder, so that a test run serving `dist/` on this machine is left alone. */
const OUT_DIR = '.tmp/soak-page-dist';

async function readStep(page: Page): Promise<number> {
  return Number(await page.getByLabel('step', { exact: true }).textContent());
}

/** The worker's DevTools session, reached through the browser's (Playwright opens none for workers). */
async function workerSession(browserSession: CDPSession) {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('labWorker'));
  if (!worker) throw new Error('the lab worker is not among the browser’s targets');
  const { sessionId } = await browserSession.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  let nextId = 1;
  return (method: string) =>
    new Promise<Record<string, number>>((resolve) => {
      const id = nextId++;
      const onMessage = (event: { sessionId?: string; message: string }) => {
        const message = JSON.parse(event.message);
        if (event.sessionId !== sessionId || message.id !== id) return;
        browserSession.off('Target.receivedMessageFromTarget', onMessage);
        resolve(message.result);
      };
      browserSession.on('Target.receivedMessageFromTarget', onMessage);
      browserSession.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method }),
      });
    });
}

async function main(): Promise<void> {
  const steps = Number(option('steps', '5000'));
  const warmup = Number(option('warmup', '300'));
  const speed = option('speed', '20');
  const backend = option('backend', 'wasm');

  await build({ logLevel: 'silent', build: { outDir: OUT_DIR } });
  const server = await preview({
    logLevel: 'silent',
    build: { outDir: OUT_DIR },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0] ?? '';
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${url}?backend=${backend}&steps=${steps}`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page.waitForFunction(
      () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Play' && !b.disabled),
      null,
      { timeout: 600_000 },
    );
    const worker = page.workers().find((w) => w.url().includes('labWorker'));
    if (!worker) throw new Error('the lab runs without a worker');
    const pageSession = await page.context().newCDPSession(page);
    const inWorker = await workerSession(await browser.newBrowserCDPSession());
    const measure = async () => {
      await pageSession.send('HeapProfiler.collectGarbage');
      await inWorker('HeapProfiler.collectGarbage');
      return {
        step: await readStep(page),
        // TF.js keeps its engine on the worker's global scope.
        worker_tensors: await worker.evaluate(
          () =>
            (self as unknown as { _tfengine: { state: { numTensors: number } } })._tfengine.state.numTensors,
        ),
        page_heap_bytes: (await pageSession.send('Runtime.getHeapUsage')).usedSize,
        worker_heap_bytes: (await inWorker('Runtime.getHeapUsage')).usedSize,
      };
    };
    // The first steps create what a run keeps (optimizer moments, gradients, the live batch, the
    // first checkpoint): the start reading comes after them, with the run paused.
    await page.getByLabel('speed (steps per frame)').selectOption(speed);
    await playUntil(page, warmup);
    const start = await measure();
    const began = Date.now();
    await playUntil(page, steps);
    const seconds = (Date.now() - began) / 1000;
    const end = await measure();
    console.log(
      JSON.stringify(
        {
          backend,
          steps,
          speed: Number(speed),
          start,
          end,
          steps_per_second: Number(((steps - start.step) / seconds).toFixed(1)),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/** Plays until the run reaches `step` (or its end), then pauses it. */
async function playUntil(page: Page, step: number): Promise<void> {
  await page.getByRole('button', { name: 'Play' }).click();
  while ((await readStep(page)) < step) await page.waitForTimeout(250);
  // At the run's end the button is Play again (and disabled): nothing to pause.
  const pause = page.getByRole('button', { name: 'Pause' });
  if ((await pause.count()) > 0) await pause.click();
}
