import { expect, test } from '@playwright/test';
import { openLab, openTab, readNumber, readout, stepOnce } from './lab';

test.describe('the live lab', () => {
  test('loads without console errors, renders formulas with KaTeX and pretrains', async ({ page }) => {
    const errors = await openLab(page, '?backend=wasm');
    expect(await page.locator('.katex').count()).toBeGreaterThan(3);
    await expect(page.getByText(/Pretrained: \d+\.\d% on the old task/)).toBeVisible();
    const pretrained = Number.parseFloat((await readout(page, 'old-task accuracy').textContent()) ?? '');
    expect(pretrained).toBeGreaterThanOrEqual(90);
    expect(errors).toEqual([]);
  });

  test('Play advances the step readout and the charts gain points; Pause stops', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    const lossChart = page.getByRole('figure', { name: /loss/i }).first();
    const before = Number(await lossChart.getAttribute('data-points'));
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => readNumber(page, 'step'), { timeout: 30_000 }).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    // A batch of steps already sent to the worker still lands after Pause; nothing after it does.
    await page.waitForTimeout(300);
    const stopped = await readNumber(page, 'step');
    expect(Number(await lossChart.getAttribute('data-points'))).toBeGreaterThan(before);
    await page.waitForTimeout(700);
    expect(await readNumber(page, 'step')).toBe(stopped);
  });

  test('λ weights kl_penalty in the total loss, from the next step on', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await stepOnce(page); // model and model_old still agree on the first step
    await stepOnce(page);
    for (const lambda of [3, 0, 0.3]) {
      await page.getByRole('button', { name: `λ = ${lambda}`, exact: true }).click();
      await stepOnce(page);
      const lossNew = await readNumber(page, 'loss_new');
      const kl = await readNumber(page, 'kl_penalty');
      const total = await readNumber(page, 'total loss');
      expect(kl).toBeGreaterThan(0);
      expect(Math.abs(total - (lossNew + lambda * kl))).toBeLessThan(1e-3 * Math.max(1, total));
    }
  });

  test('model_old keeps its BatchNorm statistics in eval mode and drifts in train mode', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await openTab(page, 'BatchNorm');
    const frozen = await readNumber(page, 'model_old running_mean[0]');
    await stepOnce(page);
    await stepOnce(page);
    expect(await readNumber(page, 'model_old running_mean[0]')).toBe(frozen);
    await openTab(page, 'Settings');
    await page.getByLabel('model_old mode').selectOption('train');
    await openTab(page, 'BatchNorm');
    await stepOnce(page);
    await stepOnce(page);
    expect(await readNumber(page, 'model_old running_mean[0]')).not.toBe(frozen);
    await expect(page.getByText(/model_old.*train mode/i).first()).toBeVisible();
  });

  test('an out-of-range link value is clamped and the page says so', async ({ page }) => {
    await openLab(page, '?backend=wasm&lambda=50&dropout=abc');
    await expect(page.getByText('The link’s value lambda=50 is not valid; using 10.')).toBeVisible();
    await expect(page.getByText('The link’s value dropout=abc is not valid; using 0.1.')).toBeVisible();
    await expect(page.getByRole('slider', { name: /lambda/ })).toHaveValue('10');
    expect(new URL(page.url()).searchParams.get('lambda')).toBe('10');
  });

  test('settings are in the URL; the seed asks for a reset', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await page.getByRole('button', { name: 'λ = 3', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lambda')).toBe('3');
    await openTab(page, 'Settings');
    await page.getByLabel('seed', { exact: true }).fill('7');
    await page.getByLabel('seed', { exact: true }).press('Enter');
    await expect(page.getByText(/Changing seed starts a new run/)).toBeVisible();
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(page.getByText(/Changing seed starts a new run/)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 90_000 });
    expect(new URL(page.url()).searchParams.get('seed')).toBe('7');
  });

  test('the language switch changes the text', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await page.getByLabel('Language').selectOption('zh');
    await expect(page.getByRole('button', { name: '播放' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '实时实验' })).toBeVisible();
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });
});

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
  test(`?backend=${backend} trains on ${backend} and shows it`, async ({ page }) => {
    test.setTimeout(240_000);
    await openLab(page, `?backend=${backend}`, 200_000);
    await expect(readout(page, 'backend')).toContainText(
      backend === 'webgpu' ? 'WebGPU' : backend === 'webgl' ? 'WebGL' : backend.toUpperCase(),
    );
    await expect(page.getByText(/because it was chosen/)).toBeVisible();
    await stepOnce(page);
    expect(Number.isFinite(await readNumber(page, 'loss_new'))).toBe(true);
  });
}

test('a diverging run pauses and explains why', async ({ page }) => {
  await openLab(page, '?backend=wasm&optimizer=sgd&lr=0.1&reduction=sum&lambda=10&batchSize=256');
  await page.getByRole('button', { name: 'Play' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('the run diverged', { timeout: 60_000 });
  await expect(alert).toContainText('Lower the learning rate');
  await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
  // The notice names the step the readout shows.
  const step = await readNumber(page, 'step');
  expect(step).toBeGreaterThan(0);
  await expect(alert).toContainText(`at step ${step},`);
});

test('switching the backend mid-run keeps the history', async ({ page }) => {
  await openLab(page, '?backend=wasm');
  await stepOnce(page);
  await stepOnce(page);
  await openTab(page, 'Settings');
  await page.getByLabel('compute backend').selectOption('cpu');
  await expect(readout(page, 'backend')).toHaveText('CPU');
  await stepOnce(page);
  expect(await readNumber(page, 'step')).toBe(3);
  await openTab(page, 'Losses & code');
  const losses = page.getByRole('figure', { name: /loss/i }).first();
  await expect.poll(async () => Number(await losses.getAttribute('data-points'))).toBe(3);
});
