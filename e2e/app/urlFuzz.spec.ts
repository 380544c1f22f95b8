import { expect, test } from '@playwright/test';
import { NASTY_QUERIES } from '../../src/state/randomQueries';
import { stateFromQuery } from '../../src/state/schema';

// The worst of the fuzzed links (src/state/urlFuzz.test.ts) in the real page: it loads without an
// error, shows λ as a valid value and says what it corrected; the last one pretrains to the end.
test('the nastiest links load cleanly, with λ valid and the correction said', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  for (const nasty of NASTY_QUERIES) {
    const query = `backend=wasm&embed=1&${nasty}`;
    const { state, corrections } = stateFromQuery(query);
    const lambda = corrections.find((c) => c.name === 'lambda');
    // Each of these links gives λ a value the page must correct: the test's premise, checked.
    expect(lambda, nasty).toBeDefined();
    await page.goto(`/?${query}`);
    // Pretraining is not awaited for each: the settings reach the worker clamped, so one run suffices.
    await expect(page.getByRole('button', { name: 'Play' }), nasty).toBeVisible();
    await expect(page.getByRole('slider', { name: /^λ/ }), nasty).toHaveValue(String(state.lambda));
    await expect(
      page.getByText(`The link’s value lambda=${lambda?.given} is not valid; using ${lambda?.used}.`, {
        exact: true,
      }),
      nasty,
    ).toBeVisible();
    expect(errors, nasty).toEqual([]);
  }
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 90_000 });
  expect(errors).toEqual([]);
});
