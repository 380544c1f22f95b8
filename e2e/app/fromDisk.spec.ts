import { expect, test } from '@playwright/test';
import { openLab } from './lab';

// file://<absolute path>/dist/index.html, built by the app project's webServer before the tests.
const distIndex = new URL('../../dist/index.html', import.meta.url).href;

test('dist/index.html opened as a file says how to serve it, in English and Chinese', async ({ page }) => {
  await page.goto(distIndex);
  const en = page.locator('section[lang="en"]');
  const zh = page.locator('section[lang="zh"]');
  await expect(en.getByText('npm run preview')).toBeVisible();
  await expect(en.getByText('must be served over HTTP, not opened as a file')).toBeVisible();
  await expect(zh.getByText('npm run preview')).toBeVisible();
  await expect(zh.getByText('必须通过 HTTP 访问')).toBeVisible();
});

test('the served page does not show the message once the app runs', async ({ page, request }) => {
  // The served index.html carries the message too: it is the running app that replaces it.
  expect(await (await request.get('/')).text()).toContain('npm run preview');
  const errors = await openLab(page, '?backend=wasm');
  await expect(page.getByText('npm run preview')).toHaveCount(0);
  expect(errors).toEqual([]);
});
