import { expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tools/chromium';
import { openLab, readout, stepOnce } from './lab';

// A browser without WebGPU (no flags for it, no GPU): forcing it must fall back, and say so.
test.use({
  launchOptions: {
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args.filter((a) => !a.includes('webgpu') && !a.includes('Vulkan'))],
  },
});

test('a forced backend that fails falls back and says so', async ({ page }) => {
  await openLab(page, '?backend=webgpu');
  await expect(page.getByText(/^WebGPU failed: /)).toBeVisible();
  await expect(page.getByText(/because a preferred backend failed to start/)).toBeVisible();
  await expect(readout(page, 'backend')).not.toHaveText('WebGPU');
  await stepOnce(page);
});
