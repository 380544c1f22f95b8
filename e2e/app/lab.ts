import { expect, type FrameLocator, type Page } from '@playwright/test';

/** Where the lab's page is: the test's page itself, or a frame on a host's page. */
export type LabRoot = Page | FrameLocator;

/** Collects the page's uncaught errors and console errors, from every frame on it. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Opens the lab (optionally with a query) and waits until pretraining is done and Play is enabled. */
export async function openLab(page: Page, query = '', timeout = 90_000): Promise<string[]> {
  const errors = watchErrors(page);
  await page.goto(`/${query}`);
  await waitUntilPlayable(page, timeout);
  return errors;
}

/** Waits until pretraining is done and Play is enabled. */
export async function waitUntilPlayable(root: LabRoot, timeout = 90_000): Promise<void> {
  await expect(root.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout });
}

export function readout(root: LabRoot, name: string) {
  return root.getByLabel(name, { exact: true });
}

export async function readNumber(root: LabRoot, name: string): Promise<number> {
  return Number.parseFloat((await readout(root, name).textContent()) ?? 'NaN');
}

/** One fine-tuning step, waiting for the step readout to advance. */
export async function stepOnce(root: LabRoot): Promise<void> {
  const before = await readNumber(root, 'step');
  await root.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(readout(root, 'step')).toHaveText(String(before + 1));
  await expect(root.getByRole('button', { name: 'Step', exact: true })).toBeEnabled();
}

/** Opens one of the panel's tabs (Losses & code, BatchNorm, Regions, Settings, Pitfalls). */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}
