import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { parseRun } from '../../src/export/parseRun';
import { STEP_COLUMNS } from '../../src/export/runRecord';
import { CATALOGS } from '../../src/i18n/catalogs';
import { runScript, worstRelativeError } from '../../tools/runPython';
import { seriousViolations } from './axe';
import { openLab, openTab, readNumber, stepOnce } from './lab';

// The Export dialog as a learner uses it: the run as CSV and JSON, the run as PyTorch (and the
// script, run in real PyTorch, repeating the browser's losses), charts as PNG and SVG, and a saved
// run imported to compare with. The CPU backend is forced so that the browser computes as the CLI does.
const en = CATALOGS.en;
const STEPS = 4;

/** Clicks `button` and returns the text (or bytes) of the file it downloads. */
async function downloaded(page: Page, button: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFile(await file.path());
}

test('a run with the KL on replayed old-task inputs goes to PyTorch too, with the replayed rows', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = await openLab(page, '?backend=cpu&klInputs=replay&dropout=0&seed=2', 240_000);
  for (let i = 0; i < STEPS; i++) await stepOnce(page);
  await page.getByRole('button', { name: en['export.button'], exact: true }).click();
  const dialog = page.getByRole('dialog', { name: en['export.heading'] });
  const run = parseRun(
    (await downloaded(page, dialog.getByRole('button', { name: en['export.json'] }))).toString(),
  );
  if (!run.ok) throw new Error(run.error);
  const script = (await downloaded(page, dialog.getByRole('button', { name: en['export.py'] }))).toString();
  expect(script).toContain('REPLAY_BATCHES = [');
  const torch = await runScript(script);
  for (const key of ['loss_new', 'kl_penalty', 'total_loss'] as const) {
    const error = worstRelativeError(
      torch.steps.map((s) => s[key]),
      run.record.steps.map((s) => s[key]),
    );
    expect(error, key).toBeLessThanOrEqual(1e-4);
  }
  expect(errors).toEqual([]);
});

test('the Export dialog saves the run, the PyTorch script and the charts, and imports a run', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = await openLab(page, '?backend=cpu&lambda=0.3&dropout=0&seed=5', 240_000);
  for (let i = 0; i < STEPS; i++) await stepOnce(page);
  expect(await readNumber(page, 'step')).toBe(STEPS);

  const exportButton = page.getByRole('button', { name: en['export.button'], exact: true });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: en['export.heading'] });
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // CSV: the settings as comments, a header, one row per step shown.
  const csv = (await downloaded(page, dialog.getByRole('button', { name: en['export.csv'] }))).toString();
  const lines = csv.trimEnd().split('\n');
  expect(lines).toEqual(expect.arrayContaining(['# lambda=0.3', '# seed=5', '# dropout=0', '# backend=cpu']));
  const rows = lines.filter((line) => !line.startsWith('#'));
  expect(rows[0]).toBe(STEP_COLUMNS.join(','));
  expect(rows).toHaveLength(1 + STEPS);

  // JSON: a run the lab reads back, with the settings and every step.
  const jsonText = (
    await downloaded(page, dialog.getByRole('button', { name: en['export.json'] }))
  ).toString();
  const parsed = parseRun(jsonText);
  if (!parsed.ok) throw new Error(parsed.error);
  expect(parsed.record.settings).toMatchObject({ lambda: 0.3, seed: 5, dropout: 0 });
  expect(parsed.record.backend).toBe('cpu');
  expect(parsed.record.steps.map((s) => s.step)).toEqual([1, 2, 3, 4]);

  // The PyTorch script holds the settings, and real PyTorch repeats the browser's losses.
  const script = (await downloaded(page, dialog.getByRole('button', { name: en['export.py'] }))).toString();
  expect(script).toContain('KL_LAMBDA = 0.3');
  expect(script).toContain('SEED = 5');
  const torch = await runScript(script);
  expect(torch.pretrain).toEqual(parsed.record.pretrain);
  for (const key of ['loss_new', 'kl_penalty', 'total_loss'] as const) {
    const error = worstRelativeError(
      torch.steps.map((s) => s[key]),
      parsed.record.steps.map((s) => s[key]),
    );
    expect(error, key).toBeLessThanOrEqual(1e-4);
  }
  const notebook = JSON.parse(
    (await downloaded(page, dialog.getByRole('button', { name: en['export.ipynb'] }))).toString(),
  );
  expect(notebook.nbformat).toBe(4);
  expect(notebook.cells.map((c: { source: string[] }) => c.source.join('')).join('')).toBe(script);

  // A chart as PNG and as SVG.
  const chart = en['charts.accuracy.title'];
  const png = await downloaded(
    page,
    dialog.getByRole('button', { name: en['export.chartPng'].replace('{chart}', chart) }),
  );
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(5_000);
  const svg = (
    await downloaded(
      page,
      dialog.getByRole('button', { name: en['export.chartSvg'].replace('{chart}', chart) }),
    )
  ).toString();
  const drawn = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      paths: doc.querySelectorAll('path').length,
    };
  }, svg);
  expect(drawn.error).toBeNull();
  expect(drawn.paths).toBeGreaterThanOrEqual(2); // the two tasks' lines

  // A malformed file is refused with a clear message.
  const input = dialog.getByLabel(en['export.importFile']);
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": '),
  });
  await expect(dialog.getByRole('alert')).toContainText('That file is not a run this lab can read: not JSON');

  // A saved run with other settings: the lab takes them, and the run appears beside the new one.
  const saved = JSON.parse(jsonText);
  saved.settings = { ...saved.settings, lambda: 0.7, seed: 9 };
  saved.seed = 9;
  const file = join(tmpdir(), `kl-lab-import-${process.pid}.json`);
  await writeFile(file, JSON.stringify(saved));
  await input.setInputFiles(file);
  await expect(dialog.getByRole('status')).toContainText(`Imported: ${STEPS} steps at λ = 0.7`);
  await expect(page).toHaveURL(/lambda=0\.7/);
  await expect(page).toHaveURL(/seed=9/);
  await dialog.getByRole('button', { name: en['export.close'] }).click();
  await expect(exportButton).toBeFocused();
  const ghostName = `λ = 0.7, ${en['charts.ghost.imported']}`;
  await expect(page.locator('figure.chart').filter({ hasText: en['charts.accuracy.title'] })).toContainText(
    ghostName,
  );
  await openTab(page, en['tab.losses']);
  await expect(page.locator('figure.chart').filter({ hasText: en['charts.loss.title'] })).toContainText(
    ghostName,
  );
  expect(errors).toEqual([]);
});

test('in Chinese, the Export dialog speaks Chinese', async ({ page }) => {
  const zh = CATALOGS.zh;
  await page.goto('/?backend=wasm&lang=zh');
  await page.getByRole('button', { name: zh['export.button'], exact: true }).click();
  const dialog = page.getByRole('dialog', { name: zh['export.heading'] });
  await expect(dialog).toBeVisible();
  for (const key of ['export.csv', 'export.json', 'export.py', 'export.ipynb'] as const) {
    await expect(dialog.getByRole('button', { name: zh[key] })).toBeVisible();
  }
  await expect(dialog.getByLabel(zh['export.importFile'])).toBeAttached();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a run whose KL moved to replayed inputs part-way is told, in the page’s language, why no script repeats it', async ({
  page,
}) => {
  const errors = await openLab(page, '?backend=wasm');
  await stepOnce(page);
  await openTab(page, en['tab.settings']);
  await page.getByLabel(en['setting.klInputs'], { exact: true }).selectOption('replay');
  await stepOnce(page);
  await page.getByRole('button', { name: en['export.button'], exact: true }).click();
  const dialog = page.getByRole('dialog', { name: en['export.heading'] });
  await dialog.getByRole('button', { name: en['export.py'] }).click();
  await expect(dialog.getByRole('alert')).toHaveText(en['export.replayPartWay']);
  await dialog.getByRole('button', { name: en['export.close'] }).click();

  const zh = CATALOGS.zh;
  await page.getByRole('combobox', { name: en['app.language'] }).selectOption('zh');
  await page.getByRole('button', { name: zh['export.button'], exact: true }).click();
  await expect(page.getByRole('dialog', { name: zh['export.heading'] }).getByRole('alert')).toHaveText(
    zh['export.replayPartWay'],
  );
  expect(errors).toEqual([]);
});
