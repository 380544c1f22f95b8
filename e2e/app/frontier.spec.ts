import { expect, type Locator, type Page, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { openLab, openTab, watchErrors } from './lab';

const LAMBDAS = ['0', '0.1', '0.3', '1', '3', '10'];
const POINT = /^λ = [\d.]+: old task \d+\.\d%, new task \d+\.\d%$/;

/** Opens the Frontier tab and brings it into view: the sweep trains only while it is seen. */
async function openFrontier(page: Page, name = 'Frontier'): Promise<void> {
  await openTab(page, name);
  await page.getByRole('tabpanel').scrollIntoViewIfNeeded();
}

function frontier(page: Page): Locator {
  return page.getByRole('figure', { name: /frontier/ });
}

/** The points' accessible names, in λ order. */
async function pointNames(page: Page): Promise<string[]> {
  return frontier(page)
    .getByRole('button', { name: POINT })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
}

/** "λ = 0.3: old task 81.0%, new task 64.0%" → ["81.0%", "64.0%"]. */
const numbersOf = (name: string) => name.match(/\d+\.\d%/g) ?? [];

test.describe('the frontier view', () => {
  test('one point per λ moves as the sweep trains; the table ends with the same numbers', async ({
    page,
  }) => {
    const errors = await openLab(page, '?backend=wasm&steps=100');
    await openFrontier(page);
    const points = frontier(page).getByRole('button', { name: POINT });
    await expect(points).toHaveCount(LAMBDAS.length, { timeout: 90_000 });
    const first = await pointNames(page);
    expect(first.map((n) => n.match(/^λ = ([\d.]+):/)?.[1])).toEqual(LAMBDAS);
    // The main run's λ (1) stands out.
    await expect(frontier(page).getByRole('button', { name: /^λ = 1:/, pressed: true })).toBeVisible();
    await expect(frontier(page).getByRole('button', { pressed: true })).toHaveCount(1);

    // Moving: the names' numbers change as reports come in, and each point leaves a trail.
    await expect.poll(() => pointNames(page), { timeout: 60_000 }).not.toEqual(first);
    const reportsBefore = Number(await frontier(page).getAttribute('data-points'));
    await expect
      .poll(async () => Number(await frontier(page).getAttribute('data-points')), { timeout: 60_000 })
      .toBeGreaterThan(reportsBefore);

    await expect(page.getByText('Done: 6 runs, 100 steps each.')).toBeVisible({ timeout: 120_000 });
    const final = await pointNames(page);
    // λ = 0 learns the new task at least as well as λ = 10 and keeps less of the old one.
    const [zero, ten] = [numbersOf(final[0]), numbersOf(final[5])].map((n) => n.map(Number.parseFloat));
    expect(zero[1]).toBeGreaterThanOrEqual(ten[1]);
    expect(zero[0]).toBeLessThan(ten[0]);

    const table = page.getByRole('table', { name: 'Each λ at step 100' });
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(LAMBDAS.length + 1);
    for (const [i, lambda] of LAMBDAS.entries()) {
      const cells = await rows
        .nth(i + 1)
        .getByRole('cell')
        .allTextContents();
      await expect(rows.nth(i + 1).getByRole('rowheader')).toHaveText(lambda);
      expect(cells).toEqual(numbersOf(final[i]));
    }
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a point loads its λ into the main run, by click and by keyboard', async ({ page }) => {
    const errors = await openLab(page, '?backend=wasm');
    await openFrontier(page);
    const lambdaSlider = page.getByRole('slider', { name: /lambda/ });
    await expect(frontier(page).getByRole('button', { name: POINT })).toHaveCount(LAMBDAS.length, {
      timeout: 90_000,
    });

    await frontier(page)
      .getByRole('button', { name: /^λ = 0\.3:/ })
      .click();
    await expect(lambdaSlider).toHaveValue('0.3');
    await expect(frontier(page).getByRole('button', { name: /^λ = 0\.3:/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('lambda')).toBe('0.3');

    // From the control before the chart, Tab reaches the points in λ order; Enter loads one.
    await page.getByLabel('Seeds per λ').focus();
    await page.keyboard.press('Tab');
    await expect(frontier(page).getByRole('button', { name: /^λ = 0:/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(frontier(page).getByRole('button', { name: /^λ = 3:/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(lambdaSlider).toHaveValue('3');
    expect(errors).toEqual([]);
  });

  test('three seeds per λ: each point is a mean, the table gives the range', async ({ page }) => {
    const errors = await openLab(page, '?backend=wasm&steps=20');
    await openFrontier(page);
    await page.getByLabel('Seeds per λ').selectOption('3');
    const over = frontier(page).getByRole('button', { name: /, mean of 3 seeds$/ });
    await expect(over).toHaveCount(LAMBDAS.length, { timeout: 90_000 });
    await expect(page.getByText('Done: 18 runs, 20 steps each.')).toBeVisible({ timeout: 120_000 });
    const cell = page.getByRole('table', { name: 'Each λ at step 20' }).getByRole('cell').first();
    await expect(cell).toHaveText(/^\d+\.\d% \(\d+\.\d%–\d+\.\d%\)$/);
    expect(errors).toEqual([]);
  });

  test('with a pitfall on, the view says why there is no frontier', async ({ page }) => {
    const errors = await openLab(page, '?backend=wasm&teacherNoGrad=false');
    await openFrontier(page);
    await expect(
      page.getByText(/The frontier is not shown: .*3\. no torch\.no_grad\(\) around model_old/),
    ).toBeVisible();
    await expect(frontier(page)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('Chinese labels, and the view fits a phone', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/?backend=wasm&lang=zh');
    await expect(page.getByRole('button', { name: '播放' })).toBeEnabled({ timeout: 90_000 });
    await openFrontier(page, '前沿');
    const figure = page.getByRole('figure', { name: /前沿/ });
    await expect(
      figure.getByRole('button', { name: /^λ = 0：旧任务 \d+\.\d%，新任务 \d+\.\d%$/ }),
    ).toBeVisible({
      timeout: 90_000,
    });
    await expect(page.getByText('新任务准确率（%）')).toBeAttached();
    await expect(page.getByRole('table', { name: /^第 \d+ 步时的各个 λ$/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // At 390 px the table goes under the chart, and nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await figure.scrollIntoViewIfNeeded();
    const box = await figure.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    const table = await page.getByRole('table', { name: /^第 \d+ 步时的各个 λ$/ }).boundingBox();
    expect(table && box && table.y).toBeGreaterThanOrEqual((box?.y ?? 0) + (box?.height ?? 0) - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Every point's button lies inside the chart wherever the sweep moves it: looked at repeatedly,
    // since a label that fits at one moment may not once its point crosses the chart.
    for (let look = 0; look < 12; look++) {
      for (const button of await figure.getByRole('button').all()) {
        const b = await button.boundingBox();
        expect(b && box && b.x >= box.x - 1 && b.x + b.width <= box.x + box.width + 1).toBe(true);
      }
      await page.waitForTimeout(400);
    }
    expect(errors).toEqual([]);
  });
});
