import { expect, type Frame, type Page, test } from '@playwright/test';
import { framingLaunchOptions, HOST } from './coursePage';
import { openTab, readNumber, readout, stepOnce, waitUntilPlayable, watchErrors } from './lab';

// The built page's own Content Security Policy (docs/EMBED.md, "Content Security Policy"): the
// whole lab runs under it, on every backend and in a sandboxed frame, without a single violation.

test.use({ launchOptions: framingLaunchOptions });

interface Violation {
  violatedDirective: string;
  blockedURI: string;
}

declare global {
  interface Window {
    cspViolations?: Violation[];
    inlineScriptRan?: boolean;
  }
}

/**
 * Records every violation report of every frame on the page, from before its first script, and
 * collects console errors, a worker's included (a Blob-URL worker inherits the page's policy and
 * reports its violations only to its own console).
 */
async function watchPolicy(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    const violations: Violation[] = [];
    window.cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push({ violatedDirective: e.violatedDirective, blockedURI: e.blockedURI }),
    );
  });
  const errors = watchErrors(page);
  page.on('worker', (worker) =>
    worker.on('console', (m) => {
      if (m.type() === 'error') errors.push(`worker: ${m.text()}`);
    }),
  );
  return errors;
}

const violations = (frame: Page | Frame) => frame.evaluate(() => window.cspViolations ?? []);

/** The policy the page declares, directive by directive. */
async function declaredPolicy(frame: Page | Frame): Promise<Map<string, string>> {
  const content = await frame.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  );
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources.join(' ')]),
  );
}

/** The policy is strict and really enforced: an inline script added to the page does not run, and is reported. */
async function expectPolicyEnforced(frame: Page | Frame): Promise<void> {
  const policy = await declaredPolicy(frame);
  expect(policy.get('default-src')).toBe("'self'");
  expect(policy.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
  // connect-src is not named, so the default ('self') governs it.
  expect(policy.has('connect-src')).toBe(false);
  expect([...policy.values()].join(' ')).not.toContain("'unsafe-eval'");

  await frame.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true;';
    document.body.append(script);
  });
  await expect
    .poll(() => violations(frame))
    .toEqual([{ violatedDirective: 'script-src-elem', blockedURI: 'inline' }]);
  expect(await frame.evaluate(() => window.inlineScriptRan)).toBeUndefined();
}

test('the whole lab, as a learner uses it, runs under its policy without a violation', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const errors = await watchPolicy(page);
  await page.goto('/?backend=wasm');
  await waitUntilPlayable(page);
  await expect(readout(page, 'backend')).toHaveText('WASM');

  await stepOnce(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 60_000 }).toBeGreaterThan(4);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();

  for (const tab of ['Losses & code', 'BatchNorm', 'Regions', 'Frontier', 'Settings', 'Pitfalls'])
    await openTab(page, tab);

  // The article: KaTeX's formulas, and lessons computed by their own engine.
  const softmax = page.getByRole('table', { name: 'F.softmax(logits, dim=1)', exact: true });
  await softmax.scrollIntoViewIfNeeded();
  await expect(softmax.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(/^0\.\d{4}$/);
  await expect(page.getByRole('math').first()).toBeAttached();
  await page.getByRole('region', { name: 'Notes on the original article' }).scrollIntoViewIfNeeded();
  await page.keyboard.press('End');

  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Embed the lab in a course page' })).toBeVisible();
  await page.keyboard.press('Escape');

  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await expectPolicyEnforced(page);
});

for (const [backend, name] of [
  ['webgl', 'WebGL'],
  ['webgpu', 'WebGPU'],
  ['cpu', 'CPU'],
] as const) {
  test(`on ${name} the lab steps under its policy without a violation`, async ({ page }) => {
    // WebGL and WebGPU run on SwiftShader here: pretraining alone takes minutes on WebGPU.
    test.setTimeout(420_000);
    const errors = await watchPolicy(page);
    await page.goto(`/?backend=${backend}`);
    await waitUntilPlayable(page, 330_000);
    // The readout may add that the renderer or adapter is software.
    await expect(readout(page, 'backend')).toHaveText(new RegExp(`^${name}`));
    await stepOnce(page);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the embed view in a frame with sandbox="allow-scripts" runs under its policy without a violation', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  const errors = await watchPolicy(page);
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body style="margin:0">
<iframe title="KL Lab" sandbox="allow-scripts" src="${baseURL}?embed=1&backend=wasm" width="700" height="650" style="border:0"></iframe>
</body></html>`,
    }),
  );
  await page.goto(`${HOST}/`);
  const frame = page.frameLocator('iframe');
  await waitUntilPlayable(frame);
  // The engine runs in the Blob-URL worker (an opaque origin may not start the site's), which
  // inherits the policy: WASM compiles under it.
  await expect(frame.getByText(/^Running on WASM/)).toBeVisible();
  await expect(frame.getByText(/trains on the page’s main thread/)).toHaveCount(0);
  await stepOnce(frame);

  const lab = page.frames()[1];
  if (!lab) throw new Error('no frame');
  expect(await lab.evaluate(() => self.origin)).toBe('null');
  expect(await violations(lab)).toEqual([]);
  expect(errors).toEqual([]);
  await expectPolicyEnforced(lab);
});
