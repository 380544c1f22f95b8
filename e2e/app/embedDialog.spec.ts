import { expect, type Page, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { framingLaunchOptions } from './coursePage';
import { openLab, waitUntilPlayable } from './lab';

// The Embed dialog, and the proof that its iframe snippet works: pasted into a page on another
// origin that runs no script, it opens the lab with the settings it was copied with.
const HOST = 'http://course.test';

test.use({ launchOptions: framingLaunchOptions });

/** Serves `body` as the course page at HOST and opens it. */
async function openCoursePage(page: Page, body: string): Promise<void> {
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><body>${body}</body></html>` }),
  );
  await page.goto(`${HOST}/`);
}

test('the Embed dialog copies snippets of the current settings, and the iframe works on a page with no script', async ({
  page,
  context,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  await page.setViewportSize({ width: 1280, height: 800 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  const errors = await openLab(page, '?backend=wasm&lambda=0.3');

  const embed = page.getByRole('button', { name: 'Embed', exact: true });
  await expect(embed).toBeInViewport();
  await embed.click();
  const dialog = page.getByRole('dialog', { name: 'Embed the lab in a course page' });
  await expect(dialog).toBeVisible();

  const iframeField = dialog.getByRole('textbox', { name: 'HTML iframe' });
  const componentField = dialog.getByRole('textbox', { name: 'Web component' });
  const mystField = dialog.getByRole('textbox', { name: 'Jupyter Book (MyST)' });
  const iframeSnippet = await iframeField.inputValue();
  // The lab's own address, its changed setting, and not the backend this machine forced.
  expect(iframeSnippet).toContain(`src="${baseURL}?embed=1&amp;lambda=0.3"`);
  expect(iframeSnippet).toMatch(/width="100%" height="650" style="border:0" allow="fullscreen"/);
  expect(iframeSnippet).not.toContain('backend');
  await expect(componentField).toHaveValue(
    `<script type="module" src="${baseURL}embed.js"></script>\n<kl-lab lambda="0.3"></kl-lab>`,
  );
  await expect(mystField).toHaveValue(`\`\`\`{raw} html\n${iframeSnippet}\n\`\`\``);

  expect(await seriousViolations(page)).toEqual([]);

  // Copy puts exactly the shown text on the clipboard, and says so.
  await dialog.getByRole('button', { name: 'Copy HTML iframe' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Copied.' })).toHaveCount(1);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(iframeSnippet);

  // The options change every snippet; a changed snippet is no longer "Copied".
  await dialog.getByRole('checkbox', { name: 'Start playing by itself' }).check();
  await expect(iframeField).toHaveValue(/\?embed=1&amp;lambda=0\.3&amp;autoplay=1"/);
  await expect(componentField).toHaveValue(/<kl-lab lambda="0.3" autoplay><\/kl-lab>/);
  await expect(mystField).toHaveValue(/autoplay=1/);
  await expect(dialog.getByRole('status').filter({ hasText: 'Copied.' })).toHaveCount(0);
  await dialog.getByRole('spinbutton', { name: 'Frame height (px)' }).fill('720');
  await expect(iframeField).toHaveValue(/ height="720" /);

  // Escape closes it and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(embed).toBeFocused();
  // And so does the Close button.
  await embed.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(embed).toBeFocused();
  expect(errors).toEqual([]);

  // The copied snippet on a course page at another origin, with no script of its own.
  await openCoursePage(page, `<h1>Week 3</h1>\n\n${copied}\n`);
  const frame = page.frameLocator('iframe');
  await expect(page.getByTitle('KL Lab: fine-tuning with a KL penalty, live')).toHaveAttribute(
    'height',
    '650',
  );
  await expect(frame.getByRole('slider', { name: /^λ/ })).toHaveValue('0.3');
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  // The embed view: the panel alone, without the article or another Embed button.
  await expect(frame.getByRole('heading', { name: 'The live lab' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Embed', exact: true })).toHaveCount(0);
  await expect(frame.getByRole('link', { name: 'Skip to the lab' })).toHaveCount(0);
});

test('where the browser refuses the clipboard, Copy selects the snippet and says to press Ctrl+C', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  // A cross-origin frame without allow="clipboard-write": the browser itself refuses writeText.
  await openCoursePage(
    page,
    `<iframe title="KL Lab" src="${baseURL}?backend=wasm&amp;lambda=3" width="700" height="650" style="border:0"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  // Once the page has settled (pretraining done, the text loaded), so the click lands on the button.
  await waitUntilPlayable(frame);
  const embed = frame.getByRole('button', { name: 'Embed', exact: true });
  await expect(embed).toBeInViewport();
  await embed.click();
  const dialog = frame.getByRole('dialog', { name: 'Embed the lab in a course page' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy Web component' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'press Ctrl+C' })).toHaveCount(1);
  const field = dialog.getByRole('textbox', { name: 'Web component' });
  await expect(field).toBeFocused();
  const [start, end, length] = await field.evaluate((el: HTMLTextAreaElement) => [
    el.selectionStart,
    el.selectionEnd,
    el.value.length,
  ]);
  expect([start, end]).toEqual([0, length]);
  await expect(field).toHaveValue(/<kl-lab lambda="3"><\/kl-lab>/);
});

test('the Embed button is in view on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?backend=wasm');
  await expect(page.getByRole('button', { name: 'Embed', exact: true })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Play' })).toBeInViewport();
});
