import { expect, test } from '@playwright/test';
import { openLab, readout } from './lab';

// The default launch options: WebGPU and WebGL both on SwiftShader, two CPU cores, no GPU.
test('the automatic backend is the fastest measured, and the page says so', async ({ page }) => {
  const errors = await openLab(page);
  await expect(readout(page, 'backend')).toHaveText('WASM');
  const sentence = page.getByText(/^Running on WASM\b.* \d+ steps\/s\b/);
  await expect(sentence).toBeVisible();
  await expect(sentence).toContainText('only a software renderer for WebGPU and WebGL');
  // Software renderers are skipped, not failures; nothing else failed to start here.
  await expect(page.getByText(/ failed: /)).toHaveCount(0);
  test
    .info()
    .annotations.push({ type: 'backend sentence', description: (await sentence.textContent()) ?? '' });
  expect(errors).toEqual([]);
});
