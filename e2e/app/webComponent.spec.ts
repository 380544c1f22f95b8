import { expect, type Page, test } from '@playwright/test';
import type { KlLabElement } from '../../src/embed/klLabElement';
import { frame as frameEn } from '../../src/i18n/en/frame';
import { frame as frameZh } from '../../src/i18n/zh/frame';
import { framingLaunchOptions, HOST } from './coursePage';

// `<kl-lab>` (dist/embed.js) on a course page at a made-up origin, loading the script and the lab
// cross-origin from the preview server, as a real MkDocs or Docusaurus page would.

test.use({ launchOptions: framingLaunchOptions });

interface Heard {
  type: string;
  detail: Record<string, unknown>;
}
declare global {
  interface Window {
    heard: Heard[];
    early: Promise<unknown>;
  }
}

/** Text below the fold, then the element; the page records every kllab-* event at the document. */
function coursePage(baseURL: string): string {
  return `<!doctype html><html><head><title>Course</title></head><body style="margin:0">
<script>
  window.heard = [];
  for (const type of ['ready', 'state', 'metrics', 'finished', 'diverged', 'error', 'resize'])
    document.addEventListener('kllab-' + type, (e) => window.heard.push({ type: e.type, detail: e.detail }));
</script>
<main><p style="height:3000px">Fine-tuning forgets. Scroll down to see it happen.</p>
<kl-lab lambda="0" hide="dropout" autoplay backend="wasm"></kl-lab></main>
<script type="module" src="${baseURL}embed.js"></script>
</body></html>`;
}

async function heard(page: Page, match: (h: Heard) => boolean, timeout = 90_000): Promise<Heard> {
  const handle = await page.waitForFunction(
    (source) => window.heard.find(new Function(`return ${source}`)() as (h: Heard) => boolean),
    match.toString(),
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as Heard;
}

/** Calls a method of the element; a refusal comes back as its error's name, message and reply. */
function call(page: Page, method: string, ...args: unknown[]): Promise<Record<string, unknown>> {
  return page.evaluate(
    async ([name, given]) => {
      const lab = document.querySelector('kl-lab') as KlLabElement;
      const run = (lab as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
      try {
        return (await run.apply(lab, given)) as Record<string, unknown>;
      } catch (error) {
        const { name: kind, message, reply } = error as Error & { reply?: unknown };
        return { refused: { name: kind, message, reply } };
      }
    },
    [method, args] as const,
  );
}

const labHeight = (page: Page) =>
  page.locator('kl-lab').evaluate((lab) => lab.getBoundingClientRect().height);
const lastResize = async (page: Page) =>
  (await page.evaluate(() => window.heard.filter((h) => h.type === 'kllab-resize').at(-1)?.detail.height)) ??
  -1;

test('<kl-lab> frames the lab near the viewport, relays its events and answers its methods', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.route(`${HOST}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: coursePage(baseURL) }),
  );
  await page.goto(`${HOST}/course/kl.html`);
  await page.evaluate(() => customElements.whenDefined('kl-lab'));

  // Far below the fold: the element holds its place, and no frame exists yet, even after the
  // observer has had frames to report.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await labHeight(page)).toBe(650);
  await expect(page.locator('kl-lab iframe')).toHaveCount(0);
  // A call made now waits for the lab.
  await page.evaluate(() => {
    window.early = (document.querySelector('kl-lab') as KlLabElement).getState();
  });

  // Within 200 px of the viewport, but not in it: the frame is made.
  await page.evaluate(() => {
    const lab = document.querySelector('kl-lab') as HTMLElement;
    scrollTo(0, lab.offsetTop - innerHeight - 100);
  });
  const frame = page.locator('kl-lab iframe');
  await expect(frame).toHaveCount(1);
  const src = new URL((await frame.getAttribute('src')) ?? '');
  expect(`${src.origin}${src.pathname}`).toBe(baseURL);
  expect(Object.fromEntries(src.searchParams)).toEqual({
    lambda: '0',
    hide: 'dropout',
    autoplay: '1',
    backend: 'wasm',
    embed: '1',
    origin: HOST,
  });
  await expect(frame).toHaveAttribute('title', frameEn['frame.title']);
  await expect(frame).toHaveAttribute('allow', 'fullscreen');

  const ready = await heard(page, (h) => h.type === 'kllab-ready');
  expect(ready.detail).toMatchObject({ kllab: 1, type: 'ready', version: 1, settings: { lambda: 0 } });
  expect(await page.evaluate(() => window.early)).toMatchObject({
    ok: true,
    state: { settings: { lambda: 0 } },
  });

  // autoplay: the run starts by itself once pretraining is done, and once the reader can see it
  // (a lab out of sight does not train).
  await page.locator('kl-lab').scrollIntoViewIfNeeded();
  const metrics = await heard(page, (h) => h.type === 'kllab-metrics' && (h.detail.step as number) >= 1);
  expect(metrics.detail).toMatchObject({ runId: 1 });
  for (const key of ['lossNew', 'klPenalty', 'totalLoss', 'oldTaskAcc', 'newTaskAcc'])
    expect(typeof metrics.detail[key], key).toBe('number');

  expect(await call(page, 'pause')).toMatchObject({
    kllab: 1,
    type: 'reply',
    ok: true,
    state: { phase: 'paused' },
  });
  expect(await call(page, 'set', { lambda: 3 })).toMatchObject({
    ok: true,
    state: { settings: { lambda: 3 } },
  });
  const lab = page.frameLocator('kl-lab iframe');
  await expect(lab.getByRole('slider', { name: /^λ/ })).toHaveValue('3');

  // The step in flight when the run paused may still be finishing: the lab says so, and we ask again.
  const before = (await call(page, 'getState')).state as { step: number };
  await expect.poll(async () => (await call(page, 'step', 2)).ok).toBe(true);
  await expect
    .poll(async () => ((await call(page, 'getState')).state as { step: number }).step)
    .toBeGreaterThanOrEqual(before.step + 2);
  expect(await call(page, 'getState')).toMatchObject({
    ok: true,
    state: { phase: 'paused', runId: 1, settings: { lambda: 3, backend: 'wasm' } },
  });

  // A changed attribute is a `set`, not a reload: the same run goes on.
  await page.locator('kl-lab').evaluate((element) => element.setAttribute('lambda', '0.3'));
  await heard(
    page,
    (h) => h.type === 'kllab-state' && (h.detail.settings as { lambda: number }).lambda === 0.3,
  );
  expect(await call(page, 'getState')).toMatchObject({ state: { runId: 1, settings: { lambda: 0.3 } } });

  expect(await call(page, 'reset')).toMatchObject({ ok: true, state: { runId: 2, step: 0 } });

  expect(await call(page, 'set', { lambda: 'lots' })).toMatchObject({
    refused: {
      name: 'LabCommandError',
      message: 'bad setting: lambda must be a finite number',
      reply: { ok: false, error: 'bad setting: lambda must be a finite number' },
    },
  });
  expect((await call(page, 'set', { nope: 1 })).refused).toMatchObject({ message: 'unknown setting: nope' });

  // Only the frame's own messages count: one the host page posts to itself is no lab event.
  await page.evaluate(() => postMessage({ kllab: 1, type: 'metrics', runId: 99, step: 1 }, '*'));
  await call(page, 'getState');
  expect(await page.evaluate(() => window.heard.filter((h) => h.detail.runId === 99).length)).toBe(0);

  // The element is as tall as the lab says, and follows it when a narrow screen makes it taller.
  await page.locator('kl-lab').scrollIntoViewIfNeeded();
  await expect.poll(() => lastResize(page)).toBeGreaterThan(0);
  await expect.poll(async () => (await labHeight(page)) === (await lastResize(page))).toBe(true);
  const wide = await labHeight(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => lastResize(page)).not.toBe(wide);
  await expect.poll(async () => (await labHeight(page)) === (await lastResize(page))).toBe(true);
  expect(await labHeight(page)).not.toBe(wide);

  expect(errors).toEqual([]);
});

test('<kl-lab> names its frame in the page’s language, unless given a title', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('no baseURL');
  const course = (lang: string, element: string) =>
    `<!doctype html><html lang="${lang}"><head><title>课程</title></head><body>${element}
<script type="module" src="${baseURL}embed.js"></script></body></html>`;
  const frameTitle = async (lang: string, element: string) => {
    await page.unroute(`${HOST}/**`);
    await page.route(`${HOST}/**`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: course(lang, element) }),
    );
    await page.goto(`${HOST}/course/kl.html`);
    const frame = page.locator('kl-lab iframe');
    await expect(frame).toHaveCount(1);
    return frame.getAttribute('title');
  };
  expect(await frameTitle('zh-CN', '<kl-lab backend="wasm"></kl-lab>')).toBe(frameZh['frame.title']);
  expect(await frameTitle('zh-CN', '<kl-lab lang="en" backend="wasm"></kl-lab>')).toBe(
    frameEn['frame.title'],
  );
  expect(await frameTitle('en', '<kl-lab lang="zh" backend="wasm"></kl-lab>')).toBe(frameZh['frame.title']);
  expect(await frameTitle('zh-CN', '<kl-lab title="我的实验" backend="wasm"></kl-lab>')).toBe('我的实验');
});
