import { expect, type Page, test } from '@playwright/test';
import { CATALOGS, type Language } from '../../src/i18n/catalogs';
import { seriousViolations } from './axe';

/** A catalog key left untranslated reads like `setting.teacherNoGrad`: a known prefix, a dot, a word. */
const prefixes = [...new Set(Object.keys(CATALOGS.en).map((key) => key.split('.')[0]))];
const KEY_SHAPED = new RegExp(`(?<![\\w.])(${prefixes.join('|')})\\.[A-Za-z|]`, 'g');

/** Every text a person (or a screen reader) meets: the visible text and the naming attributes. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = ['aria-label', 'aria-description', 'title', 'alt', 'placeholder'];
    const named = [...document.querySelectorAll('*')].flatMap((el) =>
      attributes.map((a) => el.getAttribute(a)).filter((v): v is string => v !== null),
    );
    // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not the MathML and hidden text
    return [document.title, document.body.innerText, ...named].join('\n');
  });
}

for (const lang of ['en', 'zh'] as const satisfies readonly Language[]) {
  test(`in ${lang}: no raw catalog key and no serious axe violation, with every tab opened`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const words = CATALOGS[lang];
    await page.goto(`/?backend=wasm&steps=6&lang=${lang}`);
    const play = page.getByRole('button', { name: words['button.play'], exact: true });
    await expect(play).toBeEnabled({ timeout: 90_000 });
    // One finished run and one ghost, so that the end-of-run notice and the legend are checked too.
    await play.click();
    await expect(page.getByRole('button', { name: words['button.reset'] })).toBeEnabled();
    await expect(page.getByText(words['notice.finished'].split('{')[0].trim())).toBeVisible({
      timeout: 60_000,
    });
    const keys: string[] = [];
    const violations: string[] = [];
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    expect(count).toBe(6);
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      keys.push(...((await shownText(page)).match(KEY_SHAPED) ?? []).map((k) => `${k}… (tab ${i + 1})`));
      violations.push(...(await seriousViolations(page)).map((v) => `tab ${i + 1}: ${v}`));
    }
    await page.getByRole('button', { name: words['button.reset'] }).click();
    await expect(play).toBeEnabled({ timeout: 90_000 });
    keys.push(...((await shownText(page)).match(KEY_SHAPED) ?? []));
    violations.push(...(await seriousViolations(page)));
    expect(keys).toEqual([]);
    expect(violations).toEqual([]);
  });
}

test('the page speaks the first of the browser’s languages that it knows', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/?backend=wasm');
  await expect(page.getByRole('button', { name: CATALOGS.zh['button.play'], exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await context.close();
});

test('on a phone, the whole page has no serious axe violation, in both languages', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const lang of ['en', 'zh'] as const) {
    await page.goto(`/?backend=wasm&lang=${lang}`);
    await expect(page.getByRole('button', { name: CATALOGS[lang]['button.play'], exact: true })).toBeEnabled({
      timeout: 90_000,
    });
    expect(await seriousViolations(page)).toEqual([]);
  }
});
