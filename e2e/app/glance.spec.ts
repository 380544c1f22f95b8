import { expect, type Frame, type Locator, type Page, test } from '@playwright/test';
import { openLab, openTab, readNumber, readout, stepOnce } from './lab';

const LAMBDA_PRESETS = [0, 0.1, 0.3, 1, 3, 10];

/** What the instrument is read and played by: it must be on screen together, without scrolling. */
function instruments(scope: Page | Frame): Locator[] {
  return [
    scope.getByRole('button', { name: /^(Play|Pause)$/ }),
    scope.getByRole('button', { name: 'Step', exact: true }),
    scope.getByRole('button', { name: 'Reset', exact: true }),
    scope.getByRole('slider', { name: /^λ/ }),
    ...LAMBDA_PRESETS.map((p) => scope.getByRole('button', { name: `λ = ${p}`, exact: true })),
    scope.getByRole('figure', { name: /accuracy/i }),
    scope.getByLabel('old-task accuracy', { exact: true }),
    scope.getByLabel('new-task accuracy', { exact: true }),
    scope.getByLabel('kl_penalty', { exact: true }),
  ];
}

async function expectInside(items: Locator[], area: { x: number; y: number; width: number; height: number }) {
  for (const item of items) {
    const box = await item.boundingBox();
    expect(box, String(item)).not.toBeNull();
    if (!box) continue;
    expect(box.x, String(item)).toBeGreaterThanOrEqual(area.x);
    expect(box.y, String(item)).toBeGreaterThanOrEqual(area.y);
    expect(box.x + box.width, String(item)).toBeLessThanOrEqual(area.x + area.width + 0.5);
    expect(box.y + box.height, String(item)).toBeLessThanOrEqual(area.y + area.height + 0.5);
  }
}

/** No tab's panel, and not the panel itself, scrolls a region taller than the window. */
async function expectNoTallScrollRegions(page: Page | Frame, viewportHeight: number) {
  for (const tab of ['Losses & code', 'BatchNorm', 'Regions', 'Settings', 'Pitfalls']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    const tallest = await page.evaluate(() =>
      Math.max(
        0,
        ...[...document.querySelectorAll<HTMLElement>('#lab, #lab *')]
          .filter((el) => {
            const style = getComputedStyle(el);
            return /auto|scroll/.test(style.overflowY) && el.scrollHeight > el.clientHeight;
          })
          .map((el) => el.getBoundingClientRect().height),
      ),
    );
    expect(tallest, tab).toBeLessThanOrEqual(viewportHeight);
  }
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`at ${size.width}×${size.height} the whole instrument is in view, beside the text`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openLab(page, '?backend=wasm');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expectInside(instruments(page), { x: 0, y: 0, ...size });
    // The reading column stays beside the panel.
    const reading = await page.getByRole('heading', { level: 2 }).nth(1).boundingBox();
    const lab = await page.getByRole('region', { name: 'The live lab' }).boundingBox();
    expect(reading && lab && reading.x + reading.width <= lab.x).toBe(true);
    await expectNoTallScrollRegions(page, size.height);
  });
}

test('in a 700×650 course iframe the whole instrument is in view', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 760, height: 710 });
  await page.setContent(
    `<body style="margin:20px"><iframe title="KL Lab" src="${baseURL}?backend=wasm" width="700" height="650" style="border:0"></iframe></body>`,
  );
  const frame = page.frame({ url: /backend=wasm/ });
  if (!frame) throw new Error('the iframe did not load');
  await expect(frame.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 90_000 });
  expect(await frame.evaluate(() => window.scrollY)).toBe(0);
  await expectInside(instruments(frame), { x: 20, y: 20, width: 700, height: 650 });
  await expectNoTallScrollRegions(frame, 650);
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the panel comes first, whole; nothing is wider than the screen; targets are 24 px', async ({
    page,
  }) => {
    await openLab(page, '?backend=wasm');
    await expectInside(instruments(page), { x: 0, y: 0, width: 390, height: 844 });
    await expect(page.getByRole('link', { name: 'Lab', exact: true })).toBeVisible();
    const lab = page.getByRole('region', { name: 'The live lab' });
    const small: string[] = [];
    for (const tab of ['Losses & code', 'BatchNorm', 'Regions', 'Settings', 'Pitfalls']) {
      await openTab(page, tab);
      const found = await lab.evaluate((root) =>
        [...root.querySelectorAll<HTMLElement>('button, select, input, [role="tab"], a[href]')]
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
          .map(({ el, box }) => `${el.tagName} ${el.textContent || el.id} ${box.width}×${box.height}`),
      );
      small.push(...found.map((f) => `${tab}: ${f}`));
    }
    expect(small).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('no display formula is clipped: each fits or scrolls sideways with a keyboard stop', async ({
    page,
  }) => {
    await openLab(page, '?backend=wasm');
    await page.evaluate(() => document.fonts.ready);
    const clipped = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.kl-formula--display')]
          .filter((el) => {
            const fits = el.scrollWidth <= el.clientWidth;
            const scrolls = getComputedStyle(el).overflowX === 'auto' && el.tabIndex === 0;
            return !(fits || (scrolls && el.dataset.overflowing === 'true'));
          })
          .map((el) => el.getAttribute('aria-label')),
      );
    expect(await page.locator('.kl-formula--display').count()).toBeGreaterThan(2);
    await expect.poll(clipped).toEqual([]);
  });

  test('#lab scrolls to the panel and focuses it', async ({ page }) => {
    await openLab(page, '?backend=wasm&lambda=3#lab');
    const lab = page.getByRole('region', { name: 'The live lab' });
    await expect(lab).toBeFocused();
    const box = await lab.boundingBox();
    expect(Math.abs(box?.y ?? 99)).toBeLessThan(2);
    // Changing a setting rewrites the query but keeps the fragment.
    await page.getByRole('button', { name: 'λ = 0', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lambda')).toBe('0');
    expect(new URL(page.url()).hash).toBe('#lab');
  });
});

test('the skip link is the first Tab stop, and Play is at most 3 stops after it', async ({ page }) => {
  await openLab(page, '?backend=wasm');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the lab' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const play = page.getByRole('button', { name: 'Play' });
  let stops = 0;
  while (stops < 3 && !(await play.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab');
    stops++;
  }
  await expect(play).toBeFocused();
  // Following the link lands on the panel itself, and Play is the next stop (Export and Embed
  // come after the instrument).
  await page.keyboard.press('Shift+Tab');
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'The live lab' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(play).toBeFocused();
});

test('runs at λ = 0 and λ = 10 are compared on one chart; Clear removes the earlier ones', async ({
  page,
}) => {
  await openLab(page, '?backend=wasm&lambda=0');
  const chart = page.getByRole('figure', { name: /accuracy/i });
  for (let i = 0; i < 3; i++) await stepOnce(page);
  await page.getByRole('button', { name: 'λ = 10', exact: true }).click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 90_000 });
  await expect(chart.getByText('λ = 0', { exact: true })).toBeVisible();
  for (let i = 0; i < 3; i++) await stepOnce(page);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 90_000 });
  await expect(chart.getByText('λ = 0', { exact: true })).toBeVisible();
  await expect(chart.getByText('λ = 10', { exact: true })).toBeVisible();
  // Each ghost draws both tasks' curves.
  expect(await chart.locator('.recharts-line').count()).toBeGreaterThanOrEqual(4);
  await chart.getByRole('button', { name: 'Clear earlier runs' }).click();
  await expect(chart.getByText('λ = 0', { exact: true })).toHaveCount(0);
  await expect(chart.getByText('λ = 10', { exact: true })).toHaveCount(0);
});

test('the end of a run is said in the panel; a setting changed after it applies on Continue', async ({
  page,
}) => {
  await openLab(page, '?backend=wasm&steps=10');
  await page.getByLabel('speed (steps per frame)').selectOption('5');
  await page.getByRole('button', { name: 'Play' }).click();
  const panel = page.getByRole('region', { name: 'The live lab' });
  await expect(panel.getByText(/^Finished at step 10: old task \d+\.\d%, new task \d+\.\d%\./)).toBeVisible({
    timeout: 60_000,
  });
  expect(await readNumber(page, 'step')).toBe(10);
  const oldAcc = (await readout(page, 'old-task accuracy').textContent()) ?? '';
  await expect(panel.getByText(`old task ${oldAcc}`)).toBeVisible();
  await page.getByRole('button', { name: 'λ = 0', exact: true }).click();
  await panel.getByRole('button', { name: 'Continue for 10 more steps' }).click();
  await expect(panel.getByText(/^Finished at step 20:/)).toBeVisible({ timeout: 60_000 });
  expect(await readNumber(page, 'step')).toBe(20);
  // λ = 0 reached the continued steps: the total is the cross entropy alone.
  expect(await readNumber(page, 'total loss')).toBeCloseTo(await readNumber(page, 'loss_new'), 4);
  await openTab(page, 'Settings');
  await expect(page.getByLabel('fine-tuning steps')).toHaveValue('20');
});

test('the backend selector names the backend that runs', async ({ page }) => {
  await openLab(page);
  await openTab(page, 'Settings');
  const running = (await readout(page, 'backend').textContent()) ?? '';
  const select = page.getByLabel('compute backend', { exact: true });
  await expect(select).toHaveValue('auto');
  await expect(select.locator('option:checked')).toHaveText(`automatic (running ${running})`);
  await select.selectOption('cpu');
  await expect(readout(page, 'backend')).toHaveText('CPU');
  await expect(select.locator('option:checked')).toHaveText('CPU');
});
