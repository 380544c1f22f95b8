import { expect, type Page, test } from '@playwright/test';
import { SCENARIO_TRAINING } from '../../src/engine/scenarioSettings';
import { CATALOGS, type Language } from '../../src/i18n/catalogs';
import { seriousViolations } from './axe';
import { openTab, watchErrors } from './lab';

type Words = (typeof CATALOGS)[Language];

/** Catalog text as a screen reader meets it: parameters filled, the code marks (backticks) gone. */
function spoken(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)).replaceAll('`', '');
}

/** The objective's formula: a group of term buttons, named by its spoken form. */
function objective(page: Page, words: Words, inputs: 'finetune' | 'replay') {
  const name = spoken(words['article.objective.formulaLabel.oldNew'], {
    inputs: words[`article.math.inputs.${inputs}`],
  });
  return page.getByRole('group', { name, exact: true });
}

/** The TeX KaTeX keeps in the MathML for copying: what the expectation is written as. */
function expectationTex(page: Page, words: Words) {
  return page
    .getByRole('button', { name: words['code.term.klPenalty'], exact: true })
    .locator('annotation[encoding="application/x-tex"]');
}

function codeLine(page: Page, words: Words, name: string) {
  return page
    .getByRole('list', { name: words['code.listLabel'], exact: true })
    .getByRole('listitem', { name, exact: true });
}

const DRAW_LINE = 'x_replay = x_old_train[torch.randint(len(x_old_train), (len(x),))]';

async function chooseKlInputs(page: Page, words: Words, value: 'finetune' | 'replay'): Promise<void> {
  await openTab(page, words['tab.settings']);
  await page.getByLabel(words['setting.klInputs'], { exact: true }).selectOption(value);
  await openTab(page, words['tab.losses']);
}

for (const lang of ['en', 'zh'] as const satisfies readonly Language[]) {
  test(`in ${lang}: klInputs rewrites the expectation, the code and the article's note`, async ({ page }) => {
    const words = CATALOGS[lang];
    const errors = watchErrors(page);
    await page.goto(`/?backend=wasm&lang=${lang}`);
    await expect(page.getByRole('button', { name: words['button.play'], exact: true })).toBeEnabled({
      timeout: 90_000,
    });
    await openTab(page, words['tab.losses']);

    // The article's choice: x from the fine-tuning data, both models on x.
    await expect(objective(page, words, 'finetune')).toBeVisible();
    await expect(expectationTex(page, words)).toContainText(String.raw`\mathcal{D}_{\text{fine-tune}}`);
    await expect(codeLine(page, words, 'logits_old = model_old(x)')).toBeVisible();
    await expect(codeLine(page, words, DRAW_LINE)).toHaveCount(0);
    const finetuneNote = spoken(words['article.objective.inputs.live.finetune'], {
      setting: words['setting.klInputs'],
      tab: words['tab.settings'],
    });
    await expect(page.getByText(finetuneNote, { exact: true })).toBeVisible();

    await chooseKlInputs(page, words, 'replay');
    await expect(objective(page, words, 'replay')).toBeVisible();
    await expect(objective(page, words, 'finetune')).toHaveCount(0);
    await expect(expectationTex(page, words)).toContainText(String.raw`\mathcal{D}_{\text{old}}`);
    await expect(expectationTex(page, words)).not.toContainText('fine-tune');
    const draw = codeLine(page, words, DRAW_LINE);
    await expect(draw).toBeVisible();
    await expect(draw).toHaveAccessibleDescription(
      spoken(words['code.note.replayBatch'], { batch: 32, features: 2 }),
    );
    await expect(codeLine(page, words, 'logits_old = model_old(x_replay)')).toHaveAccessibleDescription(
      spoken(words['code.note.teacherForwardReplay'], { batch: 32, classes: 3 }),
    );
    await expect(codeLine(page, words, 'logits_replay = model(x_replay)')).toBeVisible();
    await expect(codeLine(page, words, 'log_probs_new = F.log_softmax(logits_replay, dim=1)')).toBeVisible();
    // The cross entropy stays on the new batch.
    await expect(codeLine(page, words, 'loss_new = F.cross_entropy(logits, y)')).toBeVisible();
    await expect(codeLine(page, words, 'logits_old = model_old(x)')).toHaveCount(0);
    const replayNote = words['article.objective.inputs.live.replay'].split('{')[0].trim();
    await expect(page.getByText(replayNote)).toBeVisible();
    await expect(page.getByText(finetuneNote, { exact: true })).toHaveCount(0);
    // The replay lines light up with the KL term of the formula.
    await draw.focus();
    await expect(
      page.getByRole('button', { name: words['code.term.klPenalty'], exact: true }),
    ).toHaveAttribute('data-highlighted', 'true');

    expect(await seriousViolations(page)).toEqual([]);

    await chooseKlInputs(page, words, 'finetune');
    await expect(objective(page, words, 'finetune')).toBeVisible();
    await expect(codeLine(page, words, DRAW_LINE)).toHaveCount(0);
    await expect(codeLine(page, words, 'logits_old = model_old(x)')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('a page opened with ?klInputs=replay states the replayed objective from the start', async ({ page }) => {
  const words = CATALOGS.en;
  await page.goto('/?backend=wasm&klInputs=replay');
  await expect(objective(page, words, 'replay')).toBeVisible();
  await expect(codeLine(page, words, DRAW_LINE)).toBeVisible();
});

test("on digits the code panel shows 784 inputs, 10 classes and the digits' batch", async ({ page }) => {
  const words = CATALOGS.en;
  const batch = SCENARIO_TRAINING.digits.batchSize;
  await page.goto('/?backend=wasm&scenario=digits&klInputs=replay');
  await expect(codeLine(page, words, 'logits = model(x)')).toHaveAccessibleDescription(
    spoken(words['code.note.forward'], { batch, features: 784, classes: 10 }),
  );
  await expect(codeLine(page, words, DRAW_LINE)).toHaveAccessibleDescription(
    spoken(words['code.note.replayBatch'], { batch, features: 784 }),
  );
});
