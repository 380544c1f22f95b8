import { expect, type Locator, type Page, test } from '@playwright/test';
import { openLab, openTab, readNumber, stepOnce } from './lab';

const TERM = {
  lossNew: 'L CE, the cross entropy on the new task: loss_new in the code',
  klPenalty: 'the expected KL divergence: kl_penalty in the code',
  lambdaKl: 'lambda times the KL term: kl_lambda * kl_penalty in the code',
  totalLoss: 'L total, the total loss: total_loss in the code',
};

function codePanel(page: Page) {
  return page.getByRole('list', { name: 'The training step in PyTorch' });
}

function codeLine(page: Page, name: string | RegExp) {
  return codePanel(page).getByRole('listitem', { name, exact: typeof name === 'string' });
}

function formulaTerm(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

function lossChart(page: Page) {
  return page.getByRole('figure', { name: 'Losses during fine-tuning' });
}

/** The number a line's note ends with, after "Now loss_new = " (the total's note ends "… = 1.234."). */
async function noteValue(line: Locator, name: string): Promise<number> {
  const text = (await line.textContent()) ?? '';
  const sentence = text.slice(text.indexOf(`Now ${name} = `));
  const match = sentence.match(/(-?\d[\d.]*(?:e[-+]?\d+)?)\.$/);
  expect(text, `the note of ${name}`).toContain(`Now ${name} = `);
  expect(match, sentence).not.toBeNull();
  return Number(match?.[1]);
}

const LOSS_LINE = 'loss_new = F.cross_entropy(logits, y)';
const KL_LINE = /^kl_penalty = F\.kl_div\(/;
const TOTAL_LINE = 'total_loss = loss_new + kl_lambda * kl_penalty';

test.describe('the live code panel', () => {
  test('the kl_div line follows reduction, log_target and direction; modes and λ rewrite theirs', async ({
    page,
  }) => {
    const errors = await openLab(page, '?backend=wasm');
    const kl = codeLine(page, KL_LINE);
    await expect(kl).toHaveAccessibleName(
      "kl_penalty = F.kl_div(log_probs_new, probs_old, reduction='batchmean', log_target=False)",
    );
    await expect(kl).toContainText("reduction='batchmean'");
    await expect(codeLine(page, 'probs_old = F.softmax(logits_old, dim=1)')).toBeVisible();

    await openTab(page, 'Settings');
    await page.getByLabel('KL reduction', { exact: true }).selectOption('sum');
    await openTab(page, 'Losses & code');
    await expect(kl).toContainText("reduction='sum'");
    await expect(kl).not.toContainText('batchmean');
    await expect(kl).toHaveAccessibleDescription(/sum.*adds up all 32 samples/);

    // log_target=True: the old model's side becomes a log_softmax, passed as the target.
    await openTab(page, 'Settings');
    await page.getByLabel('log_target (pass the old model’s log-probabilities)', { exact: true }).check();
    await openTab(page, 'Losses & code');
    await expect(kl).toHaveAccessibleName(
      "kl_penalty = F.kl_div(log_probs_new, log_probs_old, reduction='sum', log_target=True)",
    );
    await expect(codeLine(page, 'log_probs_old = F.log_softmax(logits_old, dim=1)')).toBeVisible();
    await expect(codeLine(page, 'probs_old = F.softmax(logits_old, dim=1)')).toHaveCount(0);

    // KL(model ‖ model_old): the arguments swap roles.
    await openTab(page, 'Settings');
    await page.getByLabel('KL direction', { exact: true }).selectOption('new||old');
    await openTab(page, 'Losses & code');
    await expect(kl).toHaveAccessibleName(
      "kl_penalty = F.kl_div(log_probs_old, log_probs_new, reduction='sum', log_target=True)",
    );
    await openTab(page, 'Settings');
    await page.getByLabel('log_target (pass the old model’s log-probabilities)', { exact: true }).uncheck();
    await openTab(page, 'Losses & code');
    await expect(kl).toHaveAccessibleName(
      "kl_penalty = F.kl_div(log_probs_old, probs_new, reduction='sum', log_target=False)",
    );
    await expect(codeLine(page, 'probs_new = F.softmax(logits, dim=1)')).toBeVisible();

    await expect(codeLine(page, 'kl_lambda = 1.0')).toBeVisible();
    await page.getByRole('button', { name: 'λ = 3', exact: true }).click();
    await expect(codeLine(page, 'kl_lambda = 3.0')).toBeVisible();
    await expect(codeLine(page, 'kl_lambda = 1.0')).toHaveCount(0);

    await expect(codeLine(page, 'model_old.eval()')).toBeVisible();
    await openTab(page, 'Settings');
    await page.getByLabel('model_old mode', { exact: true }).selectOption('train');
    await openTab(page, 'Losses & code');
    await expect(codeLine(page, 'model_old.train()')).toBeVisible();
    await expect(codeLine(page, /isinstance\(m, nn\.BatchNorm1d\)/)).toHaveCount(0);
    await openTab(page, 'Settings');
    await page
      .getByLabel('keep the model’s BatchNorm in eval mode while fine-tuning', { exact: true })
      .check();
    await openTab(page, 'Losses & code');
    await expect(
      codeLine(page, 'model.apply(lambda m: m.eval() if isinstance(m, nn.BatchNorm1d) else None)'),
    ).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('after a step the notes show the readouts’ loss_new, kl_penalty and total', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await expect(codeLine(page, LOSS_LINE)).toHaveAccessibleDescription(
      /Its value appears after the first step\./,
    );
    await stepOnce(page);
    await stepOnce(page); // the second step has a KL above 0: the models have parted
    for (const [line, name, readout] of [
      [LOSS_LINE, 'loss_new', 'loss_new'],
      [KL_LINE, 'kl_penalty', 'kl_penalty'],
      [TOTAL_LINE, 'total_loss', 'total loss'],
    ] as const) {
      const shown = await readNumber(page, readout);
      const noted = await noteValue(codeLine(page, line), name);
      // Four significant digits in the note, five in the readout.
      expect(Math.abs(noted - shown)).toBeLessThanOrEqual(1e-3 * Math.abs(shown));
    }
    expect(await readNumber(page, 'kl_penalty')).toBeGreaterThan(0);
    await expect(codeLine(page, LOSS_LINE)).not.toHaveAccessibleDescription(/appears after the first step/);
  });

  test('code lines, formula terms and chart series highlight each other', async ({ page }) => {
    await openLab(page, '?backend=wasm');
    await stepOnce(page);
    await stepOnce(page);
    // Park the mouse where no term is: a line scrolled under it would take the highlight.
    await page.mouse.move(0, 0);
    const chart = lossChart(page);
    const series = (term: string) => chart.locator(`path[data-series="${term}"]`);
    const klLine = codeLine(page, KL_LINE);
    const lossLine = codeLine(page, LOSS_LINE);

    // Nothing is highlighted until someone points or focuses.
    await expect(formulaTerm(page, TERM.klPenalty)).toHaveAttribute('data-highlighted', 'false');
    await expect(series('klPenalty')).toHaveAttribute('data-highlighted', 'false');

    // A code line marks its formula term, its chart series and its key entry.
    await klLine.focus();
    await expect(klLine).toHaveAttribute('aria-current', 'true');
    await expect(formulaTerm(page, TERM.klPenalty)).toHaveAttribute('data-highlighted', 'true');
    await expect(formulaTerm(page, TERM.lossNew)).toHaveAttribute('data-highlighted', 'false');
    await expect(series('klPenalty')).toHaveAttribute('data-highlighted', 'true');
    await expect(series('lossNew')).toHaveAttribute('data-highlighted', 'false');
    await expect(series('lossNew')).toHaveAttribute('stroke-opacity', '0.25');
    await expect(series('klPenalty')).toHaveAttribute('stroke-opacity', '1');
    await expect(chart.getByRole('button', { name: 'kl_penalty', exact: true })).toHaveAttribute(
      'data-highlighted',
      'true',
    );
    await expect(lossLine).not.toHaveAttribute('aria-current', 'true');

    // Arrow keys move between lines, and the highlight follows.
    await page.keyboard.press('ArrowDown');
    const totalLine = codeLine(page, TOTAL_LINE);
    await expect(totalLine).toBeFocused();
    await expect(series('totalLoss')).toHaveAttribute('data-highlighted', 'true');
    await expect(formulaTerm(page, TERM.totalLoss)).toHaveAttribute('data-highlighted', 'true');

    // The formula's terms mark their code lines.
    await formulaTerm(page, TERM.klPenalty).focus();
    await expect(klLine).toHaveAttribute('aria-current', 'true');
    await expect(totalLine).not.toHaveAttribute('aria-current', 'true');
    await formulaTerm(page, TERM.lossNew).focus();
    await expect(lossLine).toHaveAttribute('aria-current', 'true');
    await expect(klLine).not.toHaveAttribute('aria-current', 'true');
    await expect(series('lossNew')).toHaveAttribute('data-highlighted', 'true');

    // The λ line stands for λ·kl_penalty: the λ term, and the KL term as its part.
    await codeLine(page, 'kl_lambda = 1.0').focus();
    await expect(formulaTerm(page, TERM.lambdaKl)).toHaveAttribute('data-highlighted', 'true');
    await expect(formulaTerm(page, TERM.klPenalty)).toHaveAttribute('data-part-highlighted', 'true');
    await expect(series('lambdaKl')).toHaveAttribute('data-highlighted', 'true');

    // A line without a series (the modes) fades none of them.
    await codeLine(page, 'model.train()').focus();
    await expect(codeLine(page, 'model_old.eval()')).toHaveAttribute('aria-current', 'true');
    await expect(series('lossNew')).toHaveAttribute('stroke-opacity', '1');
    await codeLine(page, 'kl_lambda = 1.0').focus();

    // Pointing at a chart key entry outranks focus, and leaving falls back to the focused line.
    await chart.getByRole('button', { name: 'total loss', exact: true }).hover();
    await expect(totalLine).toHaveAttribute('aria-current', 'true');
    await expect(formulaTerm(page, TERM.totalLoss)).toHaveAttribute('data-highlighted', 'true');
    await page.mouse.move(0, 0);
    await expect(codeLine(page, 'kl_lambda = 1.0')).toHaveAttribute('aria-current', 'true');
    await expect(totalLine).not.toHaveAttribute('aria-current', 'true');

    // A click pins a term; it stays highlighted after focus and pointer leave.
    await formulaTerm(page, TERM.lossNew).click();
    await expect(formulaTerm(page, TERM.lossNew)).toHaveAttribute('aria-pressed', 'true');
    await page.mouse.move(0, 0);
    await formulaTerm(page, TERM.lossNew).blur();
    await expect(lossLine).toHaveAttribute('aria-current', 'true');
    await expect(series('lossNew')).toHaveAttribute('data-highlighted', 'true');
  });
});
