import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { openLab, openTab, readNumber, readout } from './lab';

const EMBED = '?embed=1&backend=wasm';

/** The page's background as the browser paints it, as [r, g, b]. */
async function bodyBackground(page: Page): Promise<number[]> {
  const colour = await page.evaluate(() => {
    const body = getComputedStyle(document.body).backgroundColor;
    // The body is transparent unless styled; the root's background is what shows then.
    return body === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : body;
  });
  return (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);
}

const isDark = (rgb: number[]) => rgb.length === 3 && Math.max(...rgb) < 60;

test('the embed view shows the panel alone: no title, no article', async ({ page }) => {
  await openLab(page, EMBED);
  await expect(page.getByRole('region', { name: 'The live lab' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'KL Lab' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^The objective/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Skip to the lab' })).toHaveCount(0);
  // The other settings still come from the link.
  await openLab(page, `${EMBED}&lambda=3`);
  await expect(page.getByRole('slider', { name: /^λ/ })).toHaveValue('3');
});

test('hide removes a control everywhere; lock disables it; unknown names are said', async ({ page }) => {
  await openLab(page, `${EMBED}&hide=dropout,shareModelOld&lock=lambda,seed,reduction&lock=nosuch`);
  const slider = page.getByRole('slider', { name: /^λ/ });
  await expect(slider).toBeDisabled();
  for (const p of [0, 0.1, 0.3, 1, 3, 10])
    await expect(page.getByRole('button', { name: `λ = ${p}`, exact: true })).toBeDisabled();
  await expect(
    page.getByText('This link names settings the lab does not have, so they are ignored: nosuch.'),
  ).toBeVisible();
  await openTab(page, 'Settings');
  await expect(page.getByLabel('dropout p')).toHaveCount(0);
  await expect(page.getByLabel('seed', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('learning rate')).toBeEnabled();
  await openTab(page, 'Pitfalls');
  // The switches that map to settings follow the same rules: one of six hidden, one locked.
  await expect(page.getByRole('checkbox')).toHaveCount(5);
  await expect(page.getByRole('checkbox', { name: /mean/ })).toBeDisabled();
});

test('without lock or hide every control is there and enabled', async ({ page }) => {
  await openLab(page, EMBED);
  await expect(page.getByRole('slider', { name: /^λ/ })).toBeEnabled();
  await openTab(page, 'Settings');
  await expect(page.getByLabel('dropout p')).toBeEnabled();
  await expect(page.getByLabel('colour theme')).toHaveValue('auto');
});

test('autoplay starts training once pretraining is done, without a click', async ({ page }) => {
  // Play is never seen enabled: the run starts the moment pretraining ends.
  await page.goto(`/${EMBED}&autoplay=1`);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 90_000 });
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThan(2);
});

test('without autoplay the run waits for Play', async ({ page }) => {
  await openLab(page, EMBED);
  await page.waitForTimeout(1000);
  await expect(readout(page, 'step')).toHaveText(/^(–|0)$/);
});

test('theme=dark paints the page dark, and the setting changes it live', async ({ page }) => {
  await openLab(page, `${EMBED}&theme=dark`);
  expect(isDark(await bodyBackground(page))).toBe(true);
  await openTab(page, 'Settings');
  await page.getByLabel('colour theme').selectOption('light');
  await expect.poll(async () => isDark(await bodyBackground(page))).toBe(false);
  expect(new URL(page.url()).searchParams.get('theme')).toBe('light');
});

test.describe('with a dark system preference', () => {
  test.use({ colorScheme: 'dark' });

  test('theme auto follows it; theme=light overrides it', async ({ page }) => {
    await openLab(page, EMBED);
    expect(isDark(await bodyBackground(page))).toBe(true);
    await openLab(page, `${EMBED}&theme=light`);
    expect(isDark(await bodyBackground(page))).toBe(false);
  });
});

for (const size of [
  { width: 320, height: 600 },
  { width: 1000, height: 700 },
]) {
  test(`at ${size.width}×${size.height} the embed view keeps Play, λ and accuracy in view`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openLab(page, EMBED);
    for (const item of [
      page.getByRole('button', { name: 'Play' }),
      page.getByRole('slider', { name: /^λ/ }),
      page.getByRole('figure', { name: /accuracy/i }),
    ])
      await expect(item).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`the embed view in ${theme} has no serious axe violation, in every tab`, async ({ page }) => {
    test.setTimeout(180_000);
    await openLab(page, `${EMBED}&steps=10&theme=${theme}`);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByText(/^Finished at step 10/)).toBeVisible({ timeout: 60_000 });
    const violations: string[] = [];
    for (const tab of ['Losses & code', 'BatchNorm', 'Regions', 'Settings', 'Pitfalls']) {
      await openTab(page, tab);
      violations.push(...(await seriousViolations(page)).map((v) => `${tab}: ${v}`));
    }
    expect(violations).toEqual([]);
  });
}

test('the whole page (text, lessons, code) in dark has no serious axe violation', async ({ page }) => {
  test.setTimeout(180_000);
  await openLab(page, '?backend=wasm&theme=dark');
  await expect(page.getByRole('heading', { name: /^The objective/ })).toBeVisible();
  expect(isDark(await bodyBackground(page))).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
});
