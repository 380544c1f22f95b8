import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openLab, stepOnce } from './lab';

/** PyTorch's own softmax and log_softmax of the article's logits (tools/golden/generate.py). */
const golden = JSON.parse(
  readFileSync(new URL('../../tools/golden/functional.json', import.meta.url), 'utf8'),
) as {
  logits: number[][];
  softmax: number[][];
  log_softmax: number[][];
};

/** Reads "−∞" and "∞" as the page prints them. */
function parse(text: string): number {
  if (text === '−∞') return Number.NEGATIVE_INFINITY;
  if (text === '∞') return Number.POSITIVE_INFINITY;
  return Number.parseFloat(text);
}

/** The data cells of a table's body rows (row headers excluded), as numbers. */
async function bodyNumbers(table: Locator): Promise<number[][]> {
  const rows = table.locator('tbody').getByRole('row');
  const out: number[][] = [];
  for (const row of await rows.all()) out.push((await row.getByRole('cell').allTextContents()).map(parse));
  return out;
}

async function rowNumbers(table: Locator, name: string | RegExp): Promise<number[]> {
  return (await table.getByRole('row', { name }).getByRole('cell').allTextContents()).map(parse);
}

/** The first number of a table's first body row. */
const firstValue = (table: Locator) => table.getByRole('row').nth(1).getByRole('cell').first();

const table = (scope: Page | Locator, name: string) => scope.getByRole('table', { name, exact: true });
const value = async (page: Page, label: string) =>
  parse((await page.getByLabel(label, { exact: true }).textContent()) ?? '');

/** Float64 reference: log-softmax of one row. */
function logSoftmax(row: number[]): number[] {
  const m = Math.max(...row);
  const lse = m + Math.log(row.reduce((s, x) => s + Math.exp(x - m), 0));
  return row.map((x) => x - lse);
}

const sum = (values: number[]) => values.reduce((s, x) => s + x, 0);

const maxDifference = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));

function expectClose(actual: number[], expected: number[], tolerance: number) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a - expected[i]), `entry ${i}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance);
  });
}

// A value printed with 4 decimals is within half a unit of the 4th decimal (plus float32 noise).
const FOUR_DECIMALS = 0.5e-4 + 1e-6;

test.describe('the lessons', () => {
  test('the prefilled softmax and log-softmax equal PyTorch to 4 decimals; rows sum to 1', async ({
    page,
  }) => {
    const errors = await openLab(page, '?backend=wasm');
    const logits = page.getByRole('table', { name: 'logits (editable)' });
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 4; c++)
        await expect(logits.getByLabel(`logit row ${r + 1}, class ${c + 1}`, { exact: true })).toHaveValue(
          String(Math.round(golden.logits[r][c] * 10) / 10),
        );
    const softmax = table(page, 'F.softmax(logits, dim=1)');
    await expect(firstValue(softmax)).not.toBeEmpty();
    const softmaxRows = await bodyNumbers(softmax);
    const logSoftmaxRows = await bodyNumbers(table(page, 'F.log_softmax(logits, dim=1)'));
    for (let r = 0; r < 3; r++) {
      expectClose(softmaxRows[r].slice(0, 4), golden.softmax[r], FOUR_DECIMALS);
      expect(softmaxRows[r][4]).toBe(1);
      expectClose(logSoftmaxRows[r], golden.log_softmax[r], FOUR_DECIMALS);
    }
    expect(errors).toEqual([]);
  });

  test('editing a logit recomputes that row; the reset button restores the article', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    const softmax = table(page, 'F.softmax(logits, dim=1)');
    const logSoftmaxTable = table(page, 'F.log_softmax(logits, dim=1)');
    await expect(firstValue(softmax)).toHaveText(golden.softmax[0][0].toFixed(4));
    await page.getByLabel('logit row 1, class 1', { exact: true }).fill('5');
    const edited = [5, ...golden.logits[0].slice(1)];
    await expect(firstValue(softmax)).not.toHaveText(golden.softmax[0][0].toFixed(4));
    const rows = await bodyNumbers(softmax);
    expectClose(rows[0].slice(0, 4), logSoftmax(edited).map(Math.exp), FOUR_DECIMALS);
    expect(rows[0][4]).toBe(1);
    expectClose(rows[1].slice(0, 4), golden.softmax[1], FOUR_DECIMALS);
    expectClose((await bodyNumbers(logSoftmaxTable))[0], logSoftmax(edited), FOUR_DECIMALS);

    await page.getByRole('button', { name: 'Restore the article’s logits' }).click();
    await expect(page.getByLabel('logit row 1, class 1', { exact: true })).toHaveValue('1');
    await expect(firstValue(softmax)).toHaveText(golden.softmax[0][0].toFixed(4));
  });

  test('the errata quote the printed rows, whose sums are not 1, beside the true rows, and list four other slips', async ({
    page,
  }) => {
    await openLab(page, '?backend=wasm');
    const errata = page.getByRole('region', { name: 'Notes on the original article' });
    const softmax = errata.getByRole('table', { name: /^Softmax of the article’s logits/ });
    await expect(softmax).toBeVisible();
    // The printed rows are a quotation, so nothing but the article can vouch for their digits; what
    // the page says about them is checked against float64 references computed here instead.
    const printedSums: number[] = [];
    for (let r = 0; r < 3; r++) {
      const printed = await rowNumbers(softmax, `sample ${r + 1}, printed in the article (wrong)`);
      const truth = logSoftmax(golden.logits[r]).map(Math.exp);
      // "Wrong": each quoted row is off the true softmax of the article's logits by far more than
      // its 4 printed decimals could explain.
      expect(maxDifference(printed.slice(0, 4), truth)).toBeGreaterThan(10 * FOUR_DECIMALS);
      printedSums.push(sum(printed.slice(0, 4)));
      expect(Math.abs(printed[4] - printedSums[r])).toBeLessThanOrEqual(FOUR_DECIMALS);
      const computed = await rowNumbers(softmax, `sample ${r + 1}, computed`);
      expectClose(computed.slice(0, 4), golden.softmax[r], FOUR_DECIMALS);
      expectClose(computed.slice(0, 4), truth, FOUR_DECIMALS);
      expect(computed[4]).toBe(1);
    }
    // The article claims rows that sum to 1; the page names the two that do not.
    expect(Math.abs(printedSums[1] - 1)).toBeGreaterThan(0.1);
    expect(Math.abs(printedSums[2] - 1)).toBeGreaterThan(0.1);
    await expect(
      errata.getByText(`add up to ${printedSums[1].toFixed(4)} and ${printedSums[2].toFixed(4)}`),
    ).toBeVisible();

    // The printed log-softmax rows stand for probabilities that do not sum to 1 either.
    const logSoftmaxTable = errata.getByRole('table', { name: /^Log-softmax of the article’s logits/ });
    const printedExpSums: number[] = [];
    for (let r = 0; r < 3; r++) {
      const printedLog = await rowNumbers(logSoftmaxTable, `sample ${r + 1}, printed in the article (wrong)`);
      printedExpSums.push(sum(printedLog.slice(0, 4).map(Math.exp)));
      expect(Math.abs(printedLog[4] - printedExpSums[r])).toBeLessThanOrEqual(FOUR_DECIMALS);
      const trueLogRow = await rowNumbers(logSoftmaxTable, `sample ${r + 1}, computed`);
      expectClose(trueLogRow.slice(0, 4), golden.log_softmax[r], FOUR_DECIMALS);
      expectClose(trueLogRow.slice(0, 4), logSoftmax(golden.logits[r]), FOUR_DECIMALS);
      expect(trueLogRow[4]).toBe(1);
    }
    expect(Math.abs(printedExpSums[2] - 1)).toBeGreaterThan(0.5);

    const slips = errata.getByRole('list').getByRole('listitem');
    await expect(slips).toHaveCount(4);
    await expect(slips.nth(0)).toContainText('KL direction');
    await expect(slips.nth(0)).toContainText('F.kl_div(log_softmax(new), softmax(old))');
    await expect(slips.nth(1)).toContainText('kl_lambda');
    await expect(slips.nth(2)).toContainText('IndentationError');
    await expect(slips.nth(3)).toContainText('train_epoch_kl_reg');
    await expect(slips.nth(3)).toContainText('single optimisation step');
  });

  test('at a large scale naive log(softmax) shows −∞ while log_softmax stays finite', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    const naive = table(page, 'naive torch.log(F.softmax(s · logits, dim=1))');
    const stable = table(page, 'F.log_softmax(s · logits, dim=1)');
    await expect(firstValue(naive)).not.toBeEmpty();
    expect((await bodyNumbers(naive)).flat().every(Number.isFinite)).toBe(true);

    const slider = page.getByRole('slider', { name: /scale/ });
    await slider.focus();
    await slider.press('End');
    await expect(slider).toHaveValue('100');
    await expect(naive.getByRole('cell', { name: '−∞' }).first()).toBeVisible();
    const naiveRows = await bodyNumbers(naive);
    expect(naiveRows.flat().filter((x) => x === Number.NEGATIVE_INFINITY).length).toBeGreaterThan(0);
    const stableRows = await bodyNumbers(stable);
    expect(stableRows.flat().every(Number.isFinite)).toBe(true);
    // float32 at magnitude 300 keeps about 3e-5; the float64 reference decides the value.
    golden.logits.forEach((row, r) => {
      expectClose(stableRows[r], logSoftmax(row.map((x) => 100 * x)), 1e-3);
    });
    await expect(page.getByText(/of the naive entries are −∞ at this scale/)).toBeVisible();
  });

  test('F.kl_div reductions agree: sum = batchmean × B, mean = batchmean / C; log_target changes nothing', async ({
    page,
  }) => {
    await openLab(page, '?backend=wasm');
    const reductions = table(page, 'F.kl_div(log Q, P) under each reduction');
    await expect(reductions).toBeVisible();
    const batch = await value(page, 'batch size B');
    const classes = await value(page, 'classes C');
    expect(batch).toBe(2);
    expect(classes).toBe(4);
    const [batchmean, batchmeanLog] = await rowNumbers(reductions, /^batchmean/);
    const [sum, sumLog] = await rowNumbers(reductions, /^sum/);
    const [mean, meanLog] = await rowNumbers(reductions, /^mean/);
    expect(Math.abs(sum - batchmean * batch)).toBeLessThanOrEqual(batch * FOUR_DECIMALS + FOUR_DECIMALS);
    expect(Math.abs(mean - batchmean / classes)).toBeLessThanOrEqual(2 * FOUR_DECIMALS);
    expect(batchmean).toBeGreaterThan(0.01);
    expect([batchmeanLog, sumLog, meanLog]).toEqual([batchmean, sum, mean]);

    // Against a float64 KL of the weights on the page, each row normalised.
    const weights = async (name: 'P' | 'Q') => {
      const rows: number[][] = [];
      for (let r = 1; r <= batch; r++) {
        const row: number[] = [];
        for (let c = 1; c <= classes; c++)
          row.push(
            Number(await page.getByLabel(`${name} sample ${r}, class ${c}`, { exact: true }).inputValue()),
          );
        const total = row.reduce((s, x) => s + x, 0);
        rows.push(row.map((x) => x / total));
      }
      return rows;
    };
    const p = await weights('P');
    const q = await weights('Q');
    const kl = p.reduce((s, row, r) => s + row.reduce((t, pi, i) => t + pi * Math.log(pi / q[r][i]), 0), 0);
    expect(Math.abs(batchmean - kl / batch)).toBeLessThanOrEqual(FOUR_DECIMALS);

    // The arguments: with log_target the target is log P, elementwise the log of the plain target.
    const args = table(page, 'The arguments of F.kl_div, with and without log_target');
    const target = await rowNumbers(args, 'target = P (log_target=False), sample 1');
    const logTarget = await rowNumbers(args, 'target = log P (log_target=True), sample 1');
    expectClose(logTarget, target.map(Math.log), 2e-3);
    const input = await rowNumbers(args, 'input = log Q (both calls), sample 1');
    expectClose(input, q[0].map(Math.log), FOUR_DECIMALS);
  });

  test('KL(P ‖ Q) and KL(Q ‖ P) differ on an asymmetric example and are both 0 when P = Q', async ({
    page,
  }) => {
    await openLab(page, '?backend=wasm');
    const pq = 'KL(P ‖ Q) = F.kl_div(log Q, P), batchmean';
    const qp = 'KL(Q ‖ P) = F.kl_div(log P, Q), batchmean';
    await expect(page.getByLabel(pq, { exact: true })).not.toBeEmpty();
    const forward = await value(page, pq);
    const reverse = await value(page, qp);
    expect(forward).toBeGreaterThan(0);
    expect(reverse).toBeGreaterThan(0);
    expect(Math.abs(forward - reverse)).toBeGreaterThan(0.01);
    await expect(page.getByRole('img', { name: /two-peaked distribution P/ })).toBeVisible();

    await page.getByRole('button', { name: 'Set Q equal to P' }).click();
    await expect(page.getByLabel(pq, { exact: true })).toHaveText('0.0000');
    await expect(page.getByLabel(qp, { exact: true })).toHaveText('0.0000');

    // Editing Q again breaks the symmetry, and invalid weights are refused with a note.
    await page.getByLabel('Q sample 1, class 1', { exact: true }).fill('3');
    await expect(page.getByLabel(pq, { exact: true })).not.toHaveText('0.0000');
    await page.getByLabel('Q sample 1, class 1', { exact: true }).fill('-1');
    await expect(page.getByText(/Every weight must be a number of at least 0/)).toBeVisible();
  });

  test('after a fine-tuning step the live batch can stand in for P and Q', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    const useLive = page.getByRole('checkbox', { name: /Use the live lab’s batch/ });
    await expect(useLive).toBeDisabled();
    await stepOnce(page);
    await expect(useLive).toBeEnabled();
    await useLive.check();
    // One sample of the lab's three classes, model_old's probabilities as the target.
    expect(await value(page, 'batch size B')).toBe(1);
    expect(await value(page, 'classes C')).toBe(3);
    await expect(page.getByLabel('P sample 1, class 1', { exact: true })).toBeDisabled();
    const oldNew = await value(page, 'live batch: KL(model_old ‖ model), what the code computes');
    const newOld = await value(page, 'live batch: KL(model ‖ model_old), what the formula writes');
    expect(oldNew).toBeGreaterThanOrEqual(0);
    expect(newOld).toBeGreaterThanOrEqual(0);
  });

  test('the lessons speak Chinese with the page', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await page.getByLabel('Language').selectOption('zh');
    await expect(page.getByRole('heading', { name: '原文勘误' })).toBeVisible();
    await expect(page.getByRole('slider', { name: /scale/ })).toBeVisible();
    await expect(page.getByLabel('第 2 行、第 3 类的 logit', { exact: true })).toHaveValue('2');
    expect(await page.locator('body').textContent()).not.toMatch(/lessons\.\w/);
  });
});
