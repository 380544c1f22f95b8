import { expect, type Page, test } from '@playwright/test';
import { framingLaunchOptions, HOST } from './coursePage';
import { watchErrors } from './lab';

// The Host API (docs/EMBED.md) between the lab and a course page on ANOTHER origin, as in real
// embeds: the host pages are served by Playwright itself at made-up origins.
const EVIL = 'http://evil.test';

test.use({ launchOptions: framingLaunchOptions });

type Message = Record<string, unknown>;
declare global {
  interface Window {
    received: Message[];
    listen(): void;
  }
}

/**
 * A course page framing the lab; it records what the lab posts, from load or (`late`) from
 * `listen()`, and sizes the frame by the lab's `resize` events as docs/EMBED.md's example does.
 */
function hostPage(labUrl: string, late: boolean): string {
  return `<!doctype html><html><body style="margin:0">
<script>
  window.received = [];
  window.listen = () => addEventListener('message', (e) => {
    const frame = document.querySelector('iframe');
    if (e.source !== frame.contentWindow) return;
    window.received.push(e.data);
    if (e.data?.kllab === 1 && e.data.type === 'resize') frame.height = e.data.height;
  });
  ${late ? '' : 'window.listen();'}
</script>
<iframe title="KL Lab" src="${labUrl}" width="700" height="650" style="border:0"></iframe>
</body></html>`;
}

async function openHost(
  page: Page,
  baseURL: string,
  origin: string,
  late = false,
  settings = 'backend=wasm',
): Promise<void> {
  const labUrl = `${baseURL}?${settings}&origin=${HOST}`;
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage(labUrl, late) }),
  );
  await page.goto(`${origin}/`);
}

function received(page: Page): Promise<Message[]> {
  return page.evaluate(() => window.received);
}

/** Posts a command to the lab, as a host script would. */
async function post(page: Page, baseURL: string, message: Message): Promise<void> {
  await page.evaluate(
    ([m, target]) => document.querySelector('iframe')?.contentWindow?.postMessage(m, target),
    [message, new URL(baseURL).origin] as const,
  );
}

/** Sends a command with an id and returns its one reply. */
async function command(page: Page, baseURL: string, message: Message): Promise<Message> {
  const id = `c${Math.random()}`;
  await post(page, baseURL, { kllab: 1, ...message, id });
  await expect.poll(async () => (await received(page)).filter((m) => m.id === id).length).toBe(1);
  const reply = (await received(page)).find((m) => m.id === id) as Message;
  expect(reply).toMatchObject({ kllab: 1, type: 'reply', id });
  return reply;
}

async function waitForMessage(
  page: Page,
  match: (m: Message) => boolean,
  timeout = 90_000,
): Promise<Message> {
  const handle = await page.waitForFunction(
    (source) => window.received.find(new Function(`return ${source}`)() as (m: Message) => boolean),
    match.toString(),
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as Message;
}

test('a host on another origin connects, sets, plays, steps, resets and sizes the frame', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  await openHost(page, baseURL, HOST);

  // The handshake on load: version 1 and the settings the URL asked for.
  const ready = await waitForMessage(page, (m) => m.kllab === 1 && m.type === 'ready');
  expect(ready).toMatchObject({ version: 1, settings: { backend: 'wasm', lambda: 1 } });
  // Pretraining done: the state event says the lab is paused and can play.
  await waitForMessage(page, (m) => m.type === 'state' && m.phase === 'paused');

  const clamped = await command(page, baseURL, { type: 'set', settings: { lambda: 50 } });
  expect(clamped).toMatchObject({
    ok: true,
    state: { settings: { lambda: 10 } },
    corrections: [{ name: 'lambda', given: '50', used: '10' }],
  });
  expect(await command(page, baseURL, { type: 'set', settings: { nope: 1 } })).toMatchObject({
    ok: false,
    error: 'unknown setting: nope',
  });
  expect(await command(page, baseURL, { type: 'fly' })).toMatchObject({
    ok: false,
    error: 'unknown command: fly',
  });
  // The lab's own page shows the value the host set.
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('slider', { name: /^λ/ })).toHaveValue('10');

  const stepped = await command(page, baseURL, { type: 'step' });
  expect(stepped).toMatchObject({ ok: true, state: { runId: 1 } });
  await waitForMessage(page, (m) => m.type === 'metrics' && m.step === 1);
  await expect.poll(async () => (await command(page, baseURL, { type: 'step', count: 5 })).ok).toBe(true);
  const metrics = await waitForMessage(page, (m) => m.type === 'metrics' && m.step === 6);
  expect(metrics).toMatchObject({ runId: 1 });
  for (const key of ['lossNew', 'klPenalty', 'totalLoss', 'oldTaskAcc', 'newTaskAcc'])
    expect(typeof metrics[key], key).toBe('number');

  expect(await command(page, baseURL, { type: 'play' })).toMatchObject({
    ok: true,
    state: { phase: 'playing' },
  });
  await waitForMessage(page, (m) => m.type === 'metrics' && (m.step as number) >= 20);
  expect(await command(page, baseURL, { type: 'pause' })).toMatchObject({
    ok: true,
    state: { phase: 'paused' },
  });

  const state = await command(page, baseURL, { type: 'getState' });
  expect(state).toMatchObject({ ok: true, state: { phase: 'paused', runId: 1 } });
  expect((state.state as { step: number }).step).toBeGreaterThanOrEqual(20);

  const reset = await command(page, baseURL, { type: 'reset' });
  expect(reset).toMatchObject({ ok: true, state: { runId: 2, step: 0 } });

  // Auto-height in all three dialects, whole pixels.
  const all = await received(page);
  for (const match of [
    (m: Message) => m.kllab === 1 && m.type === 'resize',
    (m: Message) => m.context === 'iframe.resize',
    (m: Message) => m.subject === 'lti.frameResize',
  ]) {
    const heights = all.filter(match).map((m) => m.height);
    expect(heights.length).toBeGreaterThan(0);
    for (const height of heights) expect(Number.isInteger(height) && (height as number) > 0).toBe(true);
  }
});

test('a host that starts listening late connects by sending ping', async ({ page, baseURL }) => {
  if (!baseURL) throw new Error('no baseURL');
  await openHost(page, baseURL, HOST, true);
  await expect(page.frameLocator('iframe').getByRole('button', { name: 'Play' })).toBeEnabled({
    timeout: 90_000,
  });
  expect(await received(page)).toEqual([]);
  await page.evaluate(() => window.listen());
  await post(page, baseURL, { kllab: 1, type: 'ping' });
  const ready = await waitForMessage(page, (m) => m.type === 'ready', 10_000);
  expect(ready).toMatchObject({ kllab: 1, version: 1, settings: { backend: 'wasm' } });
});

test('a page on an origin the lab does not list gets nothing and commands nothing', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  await openHost(page, baseURL, EVIL);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 90_000 });
  await post(page, baseURL, { kllab: 1, type: 'ping', id: 1 });
  await post(page, baseURL, { kllab: 1, type: 'set', id: 2, settings: { lambda: 0 } });
  await post(page, baseURL, { kllab: 1, type: 'play', id: 3 });
  await page.waitForTimeout(1500);
  expect(await received(page)).toEqual([]);
  await expect(frame.getByRole('slider', { name: /^λ/ })).toHaveValue('1');
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('a diverging run tells the host: its last metrics, then diverged, with the run id', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  // The settings of lab.spec.ts's diverging run: plain SGD at its largest rate on summed losses.
  await openHost(
    page,
    baseURL,
    HOST,
    false,
    'backend=wasm&embed=1&optimizer=sgd&lr=0.1&reduction=sum&lambda=10&batchSize=256',
  );
  await waitForMessage(page, (m) => m.type === 'state' && m.phase === 'paused');
  expect(await command(page, baseURL, { type: 'play' })).toMatchObject({ ok: true });
  const diverged = await waitForMessage(page, (m) => m.type === 'diverged');
  expect(diverged).toMatchObject({ kllab: 1, runId: 1 });
  const step = diverged.step as number;
  expect(step).toBeGreaterThan(0);
  const all = await received(page);
  const at = all.indexOf(all.find((m) => m.type === 'diverged') as Message);
  // The metrics of the step it stopped at come first, so a host's chart ends where the lab's does.
  const lastMetrics = all
    .slice(0, at)
    .filter((m) => m.type === 'metrics')
    .at(-1);
  expect(lastMetrics).toMatchObject({ runId: 1, step });
  expect(all.slice(0, at).some((m) => m.type === 'state' && m.phase === 'diverged')).toBe(true);
  // The lab's own notice names the same step.
  await expect(page.frameLocator('iframe').getByRole('alert')).toContainText(`at step ${step},`);
});

test('the frame follows the content: a taller tab is re-sent as a new height, then it settles', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  await openHost(page, baseURL, HOST, false, 'backend=wasm&embed=1');
  await waitForMessage(page, (m) => m.type === 'state' && m.phase === 'paused');
  const heights = async () =>
    (await received(page)).filter((m) => m.kllab === 1 && m.type === 'resize').map((m) => m.height as number);
  const iframe = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  // The host sized the frame by the last height (pretraining's notice comes and goes: wait for it).
  const sizedByLast = async () => Number(await iframe.getAttribute('height')) === (await heights()).at(-1);
  await expect.poll(sizedByLast).toBe(true);
  const before = (await heights()).at(-1) as number;

  await frame.getByRole('tab', { name: 'Settings' }).click();
  await expect.poll(async () => (await heights()).at(-1)).not.toBe(before);
  const after = (await heights()).at(-1) as number;
  await expect.poll(async () => Number(await iframe.getAttribute('height'))).toBe(after);
  // The host cannot look into a cross-origin frame; the frame itself says whether all of it shows.
  expect(await frame.locator('html').evaluate((html) => html.scrollHeight <= window.innerHeight)).toBe(true);

  // Every dialect carried the new height, and the frame's new size did not start a resize loop.
  const all = await received(page);
  expect(all.some((m) => m.context === 'iframe.resize' && m.height === after)).toBe(true);
  expect(all.some((m) => m.subject === 'lti.frameResize' && m.height === after)).toBe(true);
  const count = (await heights()).length;
  await page.waitForTimeout(1500);
  expect((await heights()).length).toBe(count);
});

test('1,000 malformed messages from the host: no error, one reply per id, valid settings, still answers ping', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('no baseURL');
  const errors = watchErrors(page);
  await openHost(page, baseURL, HOST, false, 'backend=wasm&embed=1');
  await waitForMessage(page, (m) => m.type === 'state' && m.phase === 'paused');

  // Made in the host page itself, as a careless or hostile host script would: `__proto__` as an own
  // key, NaN and ±Infinity, huge and deep values survive there, not through Playwright's serialiser.
  const ids = await page.evaluate(
    ([target, count]) => {
      let a = 20261130;
      const random = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = Math.imul(a ^ (a >>> 15), a | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      // An own property even for `__proto__` (plain assignment would set the prototype instead).
      const own = (object: object, key: string, v: unknown) =>
        Object.defineProperty(object, key, {
          value: v,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });
      const value = (): unknown =>
        pick<() => unknown>([
          () => random() * 20 - 5,
          () => Number.NaN,
          () => Number.POSITIVE_INFINITY,
          () => -1e308,
          () => Math.floor(random() * 2000) - 500,
          () => random() < 0.5,
          () => pick(['adam', 'sgd', 'eval', 'wasm', 'zh', 'x', '', 'a'.repeat(10_000)]),
          () => null,
          () => [1, 2],
          () => nested(300),
          () => 10n,
        ])();
      const names = ['lambda', 'dropout', 'lr', 'optimizer', 'steps', 'seed', 'backend', '__proto__', 'nope'];
      const types = ['ping', 'getState', 'set', 'pause', 'step', 'bogus', '', 'reply'];
      const frame = document.querySelector('iframe')?.contentWindow;
      const withId: string[] = [];
      for (let i = 0; i < count; i++) {
        const m: Record<string, unknown> = {};
        if (random() < 0.9) m.kllab = random() < 0.9 ? 1 : value();
        if (random() < 0.9) m.type = random() < 0.85 ? pick(types) : value();
        const id = random() < 0.6 ? `fuzz${i}` : undefined;
        if (id !== undefined) m.id = id;
        if (random() < 0.5) {
          const settings = {};
          own(settings, pick(names), value());
          m.settings = random() < 0.1 ? value() : settings;
        }
        if (random() < 0.3) m.count = value();
        const polluted = random() < 0.05;
        if (polluted) own(m, '__proto__', { kllab: 1 });
        const whole = random() < 0.05 ? value() : m;
        frame?.postMessage(whole, target);
        // A command the lab must answer; the odd ones (a bare value, a `__proto__` key, which the
        // structured clone may turn into a prototype) must only never be answered twice.
        if (id !== undefined && whole === m && !polluted && m.kllab === 1) withId.push(id);
      }
      return withId;
    },
    [new URL(baseURL).origin, 1000] as const,
  );
  expect(ids.length).toBeGreaterThan(300);

  // Every command with an id gets exactly one reply, in the order sent.
  const answered = async () =>
    (await received(page)).filter((m) => m.type === 'reply' && ids.includes(m.id as string)).length;
  await expect.poll(answered, { timeout: 60_000 }).toBeGreaterThanOrEqual(ids.length);
  const replies = (await received(page)).filter((m) => m.type === 'reply' && String(m.id).startsWith('fuzz'));
  const replied = replies.map((m) => m.id as string);
  expect(new Set(replied).size).toBe(replied.length);
  expect(replied.filter((id) => ids.includes(id))).toEqual(ids);
  expect(replies.some((m) => m.ok === false)).toBe(true);

  // Settings stay valid, as the lab's own controls show them, and the lab still answers.
  const state = (await command(page, baseURL, { type: 'getState' })).state as {
    settings: Record<string, number>;
  };
  expect(state.settings.lambda).toBeGreaterThanOrEqual(0);
  expect(state.settings.lambda).toBeLessThanOrEqual(10);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('slider', { name: /^λ/ })).toHaveValue(String(state.settings.lambda));
  const readies = async () => (await received(page)).filter((m) => m.type === 'ready').length;
  const before = await readies();
  await post(page, baseURL, { kllab: 1, type: 'ping' });
  await expect.poll(readies).toBe(before + 1);
  expect(errors).toEqual([]);
});
