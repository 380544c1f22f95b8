import { expect, type Page } from '@playwright/test';

/** Opens the lab (optionally with a query) and waits until pretraining is done and Play is enabled. */
export async function openLab(page: Page, query = '', timeout = 90_000): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`/${query}`);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout });
  return errors;
}

export function readout(page: Page, name: string) {
  return page.getByLabel(name, { exact: true });
}

export async function readNumber(page: Page, name: string): Promise<number> {
  return Number.parseFloat((await readout(page, name).textContent()) ?? 'NaN');
}

/** One fine-tuning step, waiting for the step readout to advance. */
export async function stepOnce(page: Page): Promise<void> {
  const before = await readNumber(page, 'step');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(readout(page, 'step')).toHaveText(String(before + 1));
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled();
}

/** Opens one of the panel's tabs (Losses & code, BatchNorm, Regions, Settings, Pitfalls). */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}
