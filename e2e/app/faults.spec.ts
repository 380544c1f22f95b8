import { expect, type Page, test, type Worker } from '@playwright/test';
import { seriousViolations } from './axe';
import { openLab, openTab, readNumber, readout, stepOnce } from './lab';

// Faults injected for real, each from outside the page's code: Playwright runs a line inside the
// lab's worker (the worker's own scope, where TF.js keeps its engine as `_tfengine`), so the
// built app carries no test-only switch.

/** The lab's training worker (its chunk is named after labWorker.ts). */
async function labWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => w.url().includes('labWorker'))).toBe(true);
  return page
    .workers()
    .filter((w) => w.url().includes('labWorker'))
    .at(-1) as Worker;
}

/** Runs `fault` in the worker without waiting for an answer it may never give (it may be gone). */
async function inWorker(page: Page, fault: () => void): Promise<void> {
  (await labWorker(page)).evaluate(fault).catch(() => {});
}

/**
 * Watches the step readout (the last step of the history the page holds) until the returned check
 * is called: it may never go back.
 */
function neverGoesBack(page: Page): () => Promise<void> {
  let high = 0;
  let fell: string | null = null;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const now = Number(await readout(page, 'step').textContent({ timeout: 5_000 }));
      if (now < high) fell = `${high} → ${now}`;
      high = Math.max(high, now);
      await page.waitForTimeout(50);
    }
  })();
  return async () => {
    watching = false;
    await watch;
    expect(fell).toBeNull();
  };
}

async function playFast(page: Page): Promise<void> {
  await page.getByLabel('speed (steps per frame)').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
}

test('a worker that ends, and one that throws, are replaced; the run goes on from its checkpoint with its history', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = await openLab(page, '?backend=wasm&steps=5000');
  await playFast(page);
  // Past the checkpoint every 200 steps.
  await expect.poll(() => readNumber(page, 'step'), { timeout: 90_000 }).toBeGreaterThan(230);
  const check = neverGoesBack(page);

  // 1. The worker ends (as if the browser killed it): the lock it held is freed, and the page sees it.
  const beforeClose = await readNumber(page, 'step');
  await inWorker(page, () => self.close());
  const notice = page.getByText(/The training worker stopped\./);
  await expect(notice).toContainText(
    /Training goes on on WASM from step \d+, restored from the checkpoint at step 200/,
    {
      timeout: 60_000,
    },
  );
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThan(beforeClose + 20);

  // 2. An uncaught error inside the worker.
  const beforeThrow = await readNumber(page, 'step');
  await inWorker(page, () => {
    setTimeout(() => {
      throw new Error('injected worker crash');
    });
  });
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThan(beforeThrow + 20);
  await expect(notice).toContainText(/from step \d+/);
  await check();
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors.filter((e) => !e.includes('injected worker crash'))).toEqual([]);
});

for (const [backend, name, lose] of [
  [
    'webgpu',
    'WebGPU',
    () => {
      const tf = (self as unknown as { _tfengine: { registry: Record<string, { device: GPUDevice }> } })
        ._tfengine;
      tf.registry.webgpu.device.destroy();
    },
  ],
  [
    'webgl',
    'WebGL',
    () => {
      type Gl = WebGL2RenderingContext;
      const tf = (self as unknown as { _tfengine: { registry: Record<string, { gpgpu: { gl: Gl } }> } })
        ._tfengine;
      tf.registry.webgl.gpgpu.gl.getExtension('WEBGL_lose_context')?.loseContext();
    },
  ],
] as const) {
  test(`a lost ${name} device: the run goes on on another backend from its last step, history intact`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    // Pretrained on WASM (pretraining on SwiftShader's GPU takes minutes), then moved to the GPU.
    const errors = await openLab(page, '?backend=wasm&steps=5000');
    await stepOnce(page);
    await openTab(page, 'Settings');
    await page.getByLabel('compute backend').selectOption(backend);
    await expect(readout(page, 'backend')).toContainText(name);
    // A step on the GPU: its first compiles the shaders, which takes a while on SwiftShader.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(readout(page, 'step')).toHaveText('2', { timeout: 180_000 });
    await page.getByRole('button', { name: 'Play' }).click();
    const check = neverGoesBack(page);
    const before = await readNumber(page, 'step');
    await inWorker(page, lose);
    await expect(page.getByText(`The GPU device of the ${name} backend was lost.`)).toContainText(
      /Training goes on on WASM from step \d+, restored from the checkpoint at step 0/,
      { timeout: 60_000 },
    );
    await expect(readout(page, 'backend')).toHaveText('WASM');
    await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThan(before + 10);
    await check();
    expect(errors).toEqual([]);
  });
}

test('a diverged run rolls back to its checkpoint with a tenth of the learning rate and trains on without diverging', async ({
  page,
}) => {
  // Measured with `npm run scenario`: SGD at lr 0.1 diverges by step 3 here; at 0.01 its total stays below 500.
  const errors = await openLab(
    page,
    '?backend=wasm&optimizer=sgd&lr=0.1&reduction=sum&lambda=2&batchSize=128',
  );
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('alert')).toContainText('the run diverged', { timeout: 60_000 });
  expect(await readNumber(page, 'step')).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Roll back to step 0 with learning rate 0.01' }).click();
  await expect(
    page.getByText('Rolled back to the checkpoint at step 0; training goes on with learning rate 0.01.'),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThan(30);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await openTab(page, 'Settings');
  await expect(page.getByLabel('learning rate')).toHaveValue('0.01');
  expect(page.url()).not.toContain('lr=0.1'); // 0.01 is the default, which the address leaves out
  expect(errors).toEqual([]);
});
