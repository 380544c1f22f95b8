import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { framingLaunchOptions, HOST } from './coursePage';
import { openTab, readout, stepOnce, waitUntilPlayable, watchErrors } from './lab';
import { serveFolder } from './staticServer';

// Hostile hosts (docs/EMBED.md, "Sandboxed frames and static hosting"): sandboxed frames on a course
// page at a made-up origin, a page whose policy refuses workers, and a static host under a sub-path.

test.use({ launchOptions: framingLaunchOptions });

const MAIN_THREAD_NOTE = /trains on the page’s main thread/;

/** PyTorch's softmax of the article's logits (tools/golden/functional.json): what the lessons show. */
const goldenSoftmax = (
  JSON.parse(readFileSync(new URL('../../tools/golden/functional.json', import.meta.url), 'utf8')) as {
    softmax: number[][];
  }
).softmax;

/** The lessons' engine answered: the softmax lesson's first entry is PyTorch's, to 4 decimals. */
async function expectLessonComputed(root: Page | FrameLocator): Promise<void> {
  const softmax = root.getByRole('table', { name: 'F.softmax(logits, dim=1)', exact: true });
  await expect(softmax.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(
    goldenSoftmax[0][0].toFixed(4),
  );
}

async function openSandboxedHost(page: Page, labUrl: string, sandbox: string): Promise<void> {
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body style="margin:0">
<iframe title="KL Lab" sandbox="${sandbox}" src="${labUrl}" width="700" height="650" style="border:0"></iframe>
</body></html>`,
    }),
  );
  await page.goto(`${HOST}/`);
}

for (const sandbox of ['allow-scripts allow-same-origin', 'allow-scripts']) {
  test(`in a frame with sandbox="${sandbox}" the lab trains in a worker`, async ({ page, baseURL }) => {
    if (!baseURL) throw new Error('no baseURL');
    const errors = watchErrors(page);
    await openSandboxedHost(page, `${baseURL}?backend=wasm&embed=1`, sandbox);
    const frame = page.frameLocator('iframe');
    // The frame's origin is the lab's own, or opaque ("null") without allow-same-origin.
    const origin = await page.frames()[1]?.evaluate(() => self.origin);
    expect(origin).toBe(sandbox.includes('allow-same-origin') ? new URL(baseURL).origin : 'null');

    await waitUntilPlayable(frame);
    await expect(frame.getByText(/^Running on WASM/)).toBeVisible();
    // A worker started (the page's URL one, or a Blob URL one under the opaque origin): not the page.
    await expect(frame.getByText(MAIN_THREAD_NOTE)).toHaveCount(0);
    await stepOnce(frame);
    await stepOnce(frame);
    await expect(readout(frame, 'step')).toHaveText('2');
    // A setting changed in the panel rewrites the frame's address, which an opaque origin may not do.
    await frame.getByRole('slider', { name: /^λ/ }).fill('3');
    await expect(frame.getByRole('slider', { name: /^λ/ })).toHaveValue('3');
    await stepOnce(frame);
    expect(errors).toEqual([]);
  });
}

test('the whole page in a frame with an opaque origin computes its lessons too', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  const errors = watchErrors(page);
  await openSandboxedHost(page, `${baseURL}?backend=wasm`, 'allow-scripts');
  const frame = page.frameLocator('iframe');
  await expectLessonComputed(frame);
  await waitUntilPlayable(frame);
  expect(errors).toEqual([]);
});

test('a page whose policy refuses workers trains on its own thread and says so', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  const errors = watchErrors(page);
  // The lab's own document arrives with a policy that forbids every worker, as some hosts send.
  await page.route(
    (url) => url.href.startsWith(baseURL) && new URL(url).pathname === '/',
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" },
      });
    },
  );
  // The lab's WASM backend starts slowly, so the lessons ask for numbers while it starts: on one
  // thread they must not switch TF.js to another backend under it.
  await page.route('**/*.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.continue();
  });
  await page.goto('/?backend=wasm');
  await waitUntilPlayable(page);
  await expect(page.getByText(MAIN_THREAD_NOTE)).toBeVisible();
  await stepOnce(page);
  await expect(readout(page, 'step')).toHaveText('1');
  await expectLessonComputed(page);
  // The frontier's sweep joins the same thread, on the lab's backend, and the lab trains on beside it.
  await openTab(page, 'Frontier');
  await page.getByRole('tabpanel').scrollIntoViewIfNeeded();
  await expect(
    page.getByRole('figure', { name: /frontier/ }).getByRole('button', { name: /^λ = 10: old task/ }),
  ).toBeVisible({ timeout: 60_000 });
  await stepOnce(page);
  await expect(page.getByText(/^Running on WASM/)).toBeVisible();
  // The browser reports each refused worker; nothing else may go wrong.
  expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
  expect(errors.filter((e) => e.includes("worker-src 'none'")).length).toBeGreaterThan(0);
});

test('when no way of starting the engine works, the panel says so', async ({ page }) => {
  // The engine's files are missing from the server (a half-finished upload): the module worker,
  // the Blob URL worker and the page's own import all fail for real.
  await page.route(/\/assets\/(labWorker|labEndpoint)-[^/]*\.js$/, (route) =>
    route.fulfill({ status: 404, body: 'not found' }),
  );
  await page.goto('/?backend=wasm&embed=1');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The lab cannot run in this page');
  await expect(alert).toContainText('module:');
  await expect(alert).toContainText('blob:');
  await expect(alert).toContainText('mainThread:');
  await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
  await expect(page.getByText('No backend runs')).toBeVisible();
  await expect(page.getByText('Starting the backend')).toHaveCount(0);
  // Reset has no engine to start a run on: the notice stays.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(alert).toContainText('The lab cannot run in this page');
});

test('served from a sub-path by a plain static host, every file loads from under it', async ({ page }) => {
  const prefix = '/courses/ml/kl-lab/';
  // The build the app project's webServer made before the tests.
  const host = await serveFolder(fileURLToPath(new URL('../../dist', import.meta.url)), prefix);
  try {
    const errors = watchErrors(page);
    await page.goto(`${host.origin}${prefix}?backend=wasm`);
    await waitUntilPlayable(page);
    await expect(page.getByText(/^Running on WASM/)).toBeVisible();
    await stepOnce(page);
    await expectLessonComputed(page);
    expect(errors).toEqual([]);

    const paths = host.requests.map((r) => r.path);
    expect(paths.some((p) => /\/assets\/labWorker-.*\.js$/.test(p))).toBe(true);
    expect(paths.some((p) => /\/assets\/lessonsWorker-.*\.js$/.test(p))).toBe(true);
    expect(paths.some((p) => p.endsWith('.wasm'))).toBe(true);
    expect(paths.filter((p) => !p.startsWith(prefix))).toEqual([]);
    expect(host.requests.filter((r) => r.status !== 200)).toEqual([]);
  } finally {
    await host.close();
  }
});

// Some course platforms send these headers for their own tools (SharedArrayBuffer needs them). They
// turn on TF.js's threaded WASM, whose thread workers fail once the bundle is minified.
test('on a host that makes pages cross-origin isolated, the lab still trains on WASM', async ({ page }) => {
  const host = await serveFolder(fileURLToPath(new URL('../../dist', import.meta.url)), '/', {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
  });
  try {
    const errors = watchErrors(page);
    await page.goto(`${host.origin}/?backend=wasm`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await waitUntilPlayable(page);
    await expect(page.getByText(/^Running on WASM/)).toBeVisible();
    await stepOnce(page);
    expect(errors).toEqual([]);
  } finally {
    await host.close();
  }
});
