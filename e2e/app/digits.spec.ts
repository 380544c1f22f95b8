import { expect, type Locator, type Page, test } from '@playwright/test';
import { SCENARIO_TRAINING } from '../../src/engine/scenarioSettings';
import { CATALOGS } from '../../src/i18n/catalogs';
import { seriousViolations } from './axe';
import { framingLaunchOptions, HOST } from './coursePage';
import { openLab, openTab, readNumber, watchErrors } from './lab';

// One test frames the lab in a course page (see coursePage.ts); the others are unaffected.
test.use({ launchOptions: framingLaunchOptions });

const en = CATALOGS.en;
const zh = CATALOGS.zh;

/** One row of the digits view (a task), by its heading. */
function taskRow(page: Page, name: string | RegExp): Locator {
  return page.getByRole('region', { name });
}

/** What the row says under each digit: "model_old 3 ✓ rightmodel 5 ✗ wrong", one entry per digit. */
async function guesses(row: Locator): Promise<string[]> {
  return row.getByRole('listitem').allTextContents();
}

/** Each digit's row of the per-class table: [model_old, model] on the old task, then on the new. */
async function tableCells(table: Locator): Promise<string[][]> {
  const rows = table.getByRole('row');
  const cells: string[][] = [];
  for (let i = 2; i < (await rows.count()); i++)
    cells.push(await rows.nth(i).getByRole('cell').allTextContents());
  return cells;
}

const modelOldColumns = async (table: Locator) => (await tableCells(table)).map((c) => [c[0], c[2]]);
const modelColumns = async (table: Locator) => (await tableCells(table)).map((c) => [c[1], c[3]]);

test.describe('the digits scenario', () => {
  test('chosen in the settings: it loads, pretrains with progress, and its digits change as it fine-tunes', async ({
    page,
  }) => {
    const errors = await openLab(page, '?backend=wasm&steps=50');
    await openTab(page, 'Settings');
    // The rotation means nothing for the 2-D points: it shows with the digits only.
    await expect(page.getByRole('slider', { name: en['setting.rotation'] })).toHaveCount(0);
    const scenario = page.getByRole('combobox', { name: en['setting.scenario'], exact: true });
    // A newcomer finds it first among the settings.
    await expect(
      page.getByRole('form', { name: en['lab.controls'] }).getByRole('combobox').first(),
    ).toHaveAccessibleName(en['setting.scenario']);
    const lr = page.getByRole('spinbutton', { name: en['setting.lr'], exact: true });
    const batch = page.getByRole('spinbutton', { name: en['setting.batchSize'], exact: true });
    await expect(lr).toHaveValue(String(SCENARIO_TRAINING.sectors.lr));
    await scenario.selectOption({ label: en['option.digits'] });
    await expect(page.getByRole('slider', { name: en['setting.rotation'] })).toHaveValue('90');
    // The digits bring their own rate and batch size, and the tab says why.
    await expect(lr).toHaveValue(String(SCENARIO_TRAINING.digits.lr));
    await expect(batch).toHaveValue(String(SCENARIO_TRAINING.digits.batchSize));
    await expect(page.getByText(/^Each scenario starts with its own learning rate/)).toBeVisible();
    await expect(page).toHaveURL(/[?&]scenario=digits(&|$)/);
    expect(page.url()).not.toMatch(/[?&](lr|batchSize)=/);
    await expect(
      page.getByText('Changing scenario starts a new run: press Reset to apply it.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();

    // Pretraining shows its progress: the bar moves past 0 of the digits' 300 steps.
    const progress = page.getByRole('progressbar', { name: en['pretrain.label'] });
    await expect
      .poll(async () => Number((await progress.getAttribute('value')) ?? 0), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await expect(progress).toHaveAttribute('max', '300');
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 90_000 });

    // The regions' tab is the digits' tab now.
    await expect(page.getByRole('tab', { name: en['tab.regions'] })).toHaveCount(0);
    await openTab(page, en['tab.digits']);
    const upright = taskRow(page, en['digits.oldTask']);
    const turned = taskRow(page, 'New task: turned 90°');
    await expect(upright.getByRole('img', { name: 'a handwritten 7' })).toBeVisible();
    await expect(turned.getByRole('img', { name: 'a handwritten 7, turned 90°' })).toBeVisible();
    await expect(turned.getByRole('listitem')).toHaveCount(10);
    // Freshly pretrained, both models are the same and read most upright digits right and turned ones wrong.
    const before = await guesses(turned);
    const wrongBefore = before.filter((g) => g.endsWith(`✗ ${en['digits.wrong']}`)).length;
    expect(wrongBefore).toBeGreaterThanOrEqual(5);
    expect((await guesses(upright)).filter((g) => g.includes(`✗ ${en['digits.wrong']}`)).length).toBeLessThan(
      5,
    );
    const table = page.getByRole('table', {
      name: /^Accuracy per digit on each task’s 2,000 test digits, at step 0$/,
    });
    await expect(table.getByRole('row')).toHaveCount(12);
    await expect(table.getByRole('rowheader', { name: '9', exact: true })).toBeVisible();
    const modelOldBefore = await modelOldColumns(table);
    const modelBefore = await modelColumns(table);
    // Freshly pretrained, the model is model_old's copy.
    expect(modelBefore).toEqual(modelOldBefore);

    // Five steps a report: the run gets to step 50 sooner (the view's scores come every 10 steps).
    await page.getByLabel('speed (steps per frame)').selectOption('5');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThanOrEqual(50);
    // The model has learnt the turned digits a little: what it says under them has changed.
    await expect.poll(() => guesses(turned), { timeout: 10_000 }).not.toEqual(before);
    // Accuracy per class is measured every 50 steps: the model's has moved, the frozen model_old's has not.
    const later = page.getByRole('table', { name: /at step 50$/ });
    await expect(later).toBeVisible();
    const after = await modelOldColumns(later);
    expect(after).toEqual(modelOldBefore);
    expect(await modelColumns(later)).not.toEqual(modelBefore);

    // The PyTorch script does not cover digits: its buttons say why; the run's files still download.
    await page.getByRole('button', { name: en['export.button'], exact: true }).click();
    const dialog = page.getByRole('dialog');
    const py = dialog.getByRole('button', { name: en['export.py'] });
    await expect(py).toBeDisabled();
    await expect(py).toHaveAccessibleDescription(/this run uses the handwritten digits/);
    await expect(dialog.getByRole('button', { name: en['export.json'] })).toBeEnabled();
    await page.keyboard.press('Escape');

    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('in Chinese on a phone: its own words, and nothing wider than the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const errors = watchErrors(page);
    await page.goto('/?backend=wasm&lang=zh&scenario=digits&steps=10');
    await expect(page.getByRole('button', { name: zh['button.play'], exact: true })).toBeEnabled({
      timeout: 90_000,
    });
    await openTab(page, zh['tab.digits']);
    await expect(page.getByRole('figure', { name: zh['digits.heading'] })).toBeVisible();
    await expect(page.getByRole('region', { name: zh['digits.oldTask'] }).getByRole('listitem')).toHaveCount(
      10,
    );
    await expect(
      page.getByRole('region', { name: '新任务：旋转 90°' }).getByRole('img', { name: '手写的 3，旋转 90°' }),
    ).toBeVisible();
    await expect(
      page.getByRole('table', { name: /^每个数字在各任务 2,000 张测试图上的准确率/ }),
    ).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await openTab(page, zh['tab.settings']);
    await expect(page.getByRole('combobox', { name: zh['setting.scenario'], exact: true })).toHaveValue(
      'digits',
    );
    await expect(page.getByRole('slider', { name: zh['setting.rotation'] })).toBeVisible();
    // The lab only: the article's own tables are checked by its specs.
    expect(await seriousViolations(page, '#lab')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('digits that cannot be loaded are said so in the panel', async ({ page }) => {
    await page.route('**/digits.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('/?backend=wasm&scenario=digits');
    await expect(page.getByRole('alert')).toContainText('The handwritten digits could not be loaded', {
      timeout: 60_000,
    });
  });
});

test.describe('the digits in a course page’s sandboxed frame', () => {
  test('an opaque origin fetches them from the lab’s site and pretrains on them', async ({
    page,
    baseURL,
  }) => {
    if (!baseURL) throw new Error('no baseURL');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).origin));
    await page.route(`${HOST}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body style="margin:0">
<iframe title="KL Lab" sandbox="allow-scripts" src="${baseURL}?embed=1&backend=wasm&scenario=digits&steps=5" width="700" height="650" style="border:0"></iframe>
</body></html>`,
      }),
    );
    await page.goto(`${HOST}/`);
    const frame = page.frameLocator('iframe');
    // Pretraining under way: the digits arrived (a Blob-URL worker, so the page gave it their address).
    const progress = frame.getByRole('progressbar', { name: en['pretrain.label'] });
    await expect
      .poll(async () => Number((await progress.getAttribute('value')) ?? 0), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await expect(progress).toHaveAttribute('max', '300');
    // Nothing but the course page and the lab's own site was asked for anything.
    expect([...new Set(requests)].sort()).toEqual([HOST, new URL(baseURL).origin].sort());
  });
});
