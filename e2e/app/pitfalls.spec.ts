import { expect, test } from '@playwright/test';
import { openLab, openTab, readNumber, readout, stepOnce } from './lab';

const gradNorm = (page: import('@playwright/test').Page) => readNumber(page, 'model_old gradient norm');

test.describe('the pitfall lab', () => {
  test('1. model_old = model: kl_penalty is zero on every step', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await stepOnce(page);
    await stepOnce(page);
    expect(await readNumber(page, 'kl_penalty')).toBeGreaterThan(1e-4);
    await openTab(page, 'Pitfalls');
    await page.getByLabel('1. model_old = model (no deep copy)').check();
    for (let i = 0; i < 3; i++) {
      await stepOnce(page);
      // One network compared with itself: what is left is float32 rounding, and the readout says so.
      await expect(readout(page, 'kl_penalty')).toHaveText('0 (float32 rounding)');
    }
    await expect(page.getByText(/Both names point at one network/)).toBeVisible();
  });

  test('3. no torch.no_grad(): model_old gradient norm grows; with it, it stays 0', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await stepOnce(page);
    await stepOnce(page);
    await openTab(page, 'Pitfalls');
    expect(await gradNorm(page)).toBe(0);
    await page.getByLabel('3. no torch.no_grad() around model_old').check();
    await stepOnce(page);
    const first = await gradNorm(page);
    await stepOnce(page);
    await stepOnce(page);
    const later = await gradNorm(page);
    expect(first).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(first);
    await expect(page.getByText(/pile up/)).toBeVisible();
  });

  test("4. reduction='mean' shrinks the penalty by the number of classes", async ({ page }) => {
    // A tiny learning rate and large batches keep the divergence nearly constant from step to step,
    // so the two reductions can be compared on neighbouring steps.
    await openLab(page, '?backend=wasm&lr=0.0001&batchSize=256');
    const averageKl = async () => {
      let sum = 0;
      for (let i = 0; i < 3; i++) {
        await stepOnce(page);
        sum += await readNumber(page, 'kl_penalty');
      }
      return sum / 3;
    };
    const batchmean = await averageKl();
    await openTab(page, 'Pitfalls');
    await page.getByLabel("4. reduction='mean' instead of 'batchmean'").check();
    const mean = await averageKl();
    expect(batchmean).toBeGreaterThan(0);
    expect(mean / batchmean).toBeGreaterThan(1 / 4.5);
    expect(mean / batchmean).toBeLessThan(1 / 2);
    await expect(page.getByText(/divided by the 3 classes too/)).toBeVisible();
    await openTab(page, 'Settings');
    await expect(page.getByLabel('KL reduction')).toHaveValue('mean');
  });

  test('5. probabilities as input: the value is no KL divergence (negative)', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await openTab(page, 'Pitfalls');
    await page.getByLabel('5. probabilities passed as input (softmax instead of log_softmax)').check();
    await stepOnce(page);
    expect(await readNumber(page, 'kl_penalty')).toBeLessThan(0);
    await expect(page.getByText('It is negative: no divergence can be.')).toBeVisible();
  });

  test('2 and 6 are settings set wrong: the switches move the mode selects', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await openTab(page, 'Pitfalls');
    await page.getByLabel('2. model_old left in train mode').check();
    await page.getByLabel('6. the model fine-tuned in eval mode').check();
    await openTab(page, 'Settings');
    await expect(page.getByLabel('model_old mode')).toHaveValue('train');
    await expect(page.getByLabel('model mode', { exact: true })).toHaveValue('eval');
    await openTab(page, 'BatchNorm');
    const mean = await readNumber(page, 'model running_mean[0]');
    await stepOnce(page);
    await stepOnce(page);
    expect(await readNumber(page, 'model running_mean[0]')).toBe(mean);
    await openTab(page, 'Pitfalls');
    await page.getByLabel('6. the model fine-tuned in eval mode').uncheck();
    await openTab(page, 'Settings');
    await expect(page.getByLabel('model mode', { exact: true })).toHaveValue('train');
  });
});

test('model.eval() versus torch.no_grad(): each cell measured on the live batch', async ({ page }) => {
  await openLab(page, '?backend=wasm');
  await stepOnce(page);
  await openTab(page, 'Pitfalls');
  const grid = page.getByRole('table', { name: 'model_old on the live batch: mode × no_grad' });
  const cell = (row: number, col: number) => grid.getByRole('row').nth(row).getByRole('cell').nth(col);
  // Row 1: train mode; row 2: eval mode. Column 0: with no_grad; column 1: without.
  await expect(cell(1, 0)).toContainText('output random (two forwards differ): yes');
  await expect(cell(1, 0)).toContainText('running statistics move: yes');
  // Every cell runs the same backward of model_old's output; "no" is a measured norm of exactly 0.
  const measuredNorm = async (row: number, col: number) =>
    Number((await cell(row, col).textContent())?.match(/‖∇‖ = (\S+)/)?.[1]);
  await expect(cell(1, 0)).toContainText('gradients reach the parameters: no');
  await expect(cell(1, 1)).toContainText('gradients reach the parameters: yes, ‖∇‖ = ');
  expect(await measuredNorm(1, 1)).toBeGreaterThan(0);
  await expect(cell(2, 0)).toContainText('output random (two forwards differ): no');
  await expect(cell(2, 0)).toContainText('running statistics move: no');
  await expect(cell(2, 0)).toContainText('gradients reach the parameters: no');
  await expect(cell(2, 1)).toContainText('running statistics move: no');
  await expect(cell(2, 1)).toContainText('gradients reach the parameters: yes, ‖∇‖ = ');
  expect(await measuredNorm(2, 1)).toBeGreaterThan(0);
});
