import { expect, type Page, test } from '@playwright/test';
import { framingLaunchOptions, HOST } from './coursePage';

// Two labs on one course page (another origin, as in real embeds): only the one that can be seen
// trains. What each lab does is read from its Host API events, which the host page records.

test.use({ launchOptions: framingLaunchOptions });

type Message = Record<string, unknown>;
type Lab = 'first' | 'second';
declare global {
  interface Window {
    heardByLab: Record<Lab, Message[]>;
  }
}

/** Two frames, the second far below the first: a tall spacer keeps one out of view at a time. */
function hostPage(labUrl: string): string {
  return `<!doctype html><html><body style="margin:0">
<iframe id="first" title="First lab" src="${labUrl}" width="700" height="650" style="border:0;display:block"></iframe>
<div style="height:3000px"></div>
<iframe id="second" title="Second lab" src="${labUrl}" width="700" height="650" style="border:0;display:block"></iframe>
<script>
  window.heardByLab = { first: [], second: [] };
  addEventListener('message', (e) => {
    for (const lab of ['first', 'second'])
      if (e.source === document.getElementById(lab).contentWindow) window.heardByLab[lab].push(e.data);
  });
</script>
</body></html>`;
}

async function heard(page: Page, lab: Lab): Promise<Message[]> {
  return page.evaluate((which) => window.heardByLab[which], lab);
}

async function phaseOf(page: Page, lab: Lab): Promise<unknown> {
  return (await heard(page, lab)).filter((m) => m.type === 'state').at(-1)?.phase;
}

/** The latest step the lab reported training (0 before any). */
async function stepOf(page: Page, lab: Lab): Promise<number> {
  const steps = (await heard(page, lab)).filter((m) => m.type === 'metrics').map((m) => m.step as number);
  return Math.max(0, ...steps);
}

async function scrollTo(page: Page, lab: Lab): Promise<void> {
  await page.evaluate((which) => document.getElementById(which)?.scrollIntoView({ block: 'start' }), lab);
}

const OUT_OF_SIGHT = 'Paused while the lab is out of sight; training goes on when it is seen again.';

test('of two labs on a page only the one in view trains; scrolling hands the work over and back', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  if (!baseURL) throw new Error('no baseURL');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Long runs, so neither finishes while the test scrolls.
  const labUrl = `${baseURL}?backend=wasm&embed=1&autoplay=1&steps=5000&origin=${HOST}`;
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage(labUrl) }),
  );
  await page.goto(`${HOST}/`);
  const first = page.frameLocator('#first');
  const second = page.frameLocator('#second');

  // Both autoplay once pretrained; the one below the fold is paused at once and says why.
  await expect.poll(() => stepOf(page, 'first'), { timeout: 150_000 }).toBeGreaterThan(5);
  expect(await phaseOf(page, 'first')).toBe('playing');
  await expect(second.getByText(OUT_OF_SIGHT)).toBeAttached({ timeout: 150_000 });
  expect(await phaseOf(page, 'second')).toBe('paused');
  await expect(second.getByRole('button', { name: 'Play' })).toBeEnabled();
  expect(await stepOf(page, 'second')).toBe(0);
  await expect(first.getByText(OUT_OF_SIGHT)).toHaveCount(0);

  // Scrolled to the second: it trains, the first waits.
  await scrollTo(page, 'second');
  await expect.poll(() => stepOf(page, 'second')).toBeGreaterThan(5);
  await expect.poll(() => phaseOf(page, 'first')).toBe('paused');
  expect(await phaseOf(page, 'second')).toBe('playing');
  await expect(first.getByText(OUT_OF_SIGHT)).toBeAttached();
  await expect(second.getByText(OUT_OF_SIGHT)).toHaveCount(0);
  await expect(first.getByRole('button', { name: 'Play' })).toBeEnabled();

  // Back to the first: it goes on from where it stopped, and the second waits in turn.
  const firstStopped = await stepOf(page, 'first');
  await scrollTo(page, 'first');
  await expect.poll(() => phaseOf(page, 'second')).toBe('paused');
  await expect.poll(() => stepOf(page, 'first')).toBeGreaterThan(firstStopped + 5);
  expect(await phaseOf(page, 'first')).toBe('playing');
  // Same run throughout: resuming is not restarting.
  const runIds = (await heard(page, 'first')).filter((m) => m.type === 'state').map((m) => m.runId);
  expect(new Set(runIds)).toEqual(new Set([1]));
  expect(errors).toEqual([]);
});

test('a learner’s Pause survives scrolling away and back', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  if (!baseURL) throw new Error('no baseURL');
  const labUrl = `${baseURL}?backend=wasm&embed=1&autoplay=1&steps=5000&origin=${HOST}`;
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage(labUrl) }),
  );
  await page.goto(`${HOST}/`);
  const first = page.frameLocator('#first');
  await expect.poll(() => stepOf(page, 'first'), { timeout: 150_000 }).toBeGreaterThan(0);
  await first.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(() => phaseOf(page, 'first')).toBe('paused');
  await scrollTo(page, 'second');
  await expect.poll(() => stepOf(page, 'second')).toBeGreaterThan(0);
  await scrollTo(page, 'first');
  await expect.poll(() => phaseOf(page, 'second')).toBe('paused');
  // Two frames painted in the first lab since it came back into view: it has seen itself seen.
  const firstFrame = await (await page.$('#first'))?.contentFrame();
  await firstFrame?.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  expect(await phaseOf(page, 'first')).toBe('paused');
  await expect(first.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(first.getByText(OUT_OF_SIGHT)).toHaveCount(0);
});
