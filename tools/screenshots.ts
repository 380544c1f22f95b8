/**
 * `npm run --silent screenshots [-- --query '?scenario=digits' --play 3 --tab Digits --settle 20]`:
 * builds the app, serves it and saves what a newcomer sees at 1280×800, inside a 700×650 iframe and
 * at 390×844 (optionally after pressing Play for a few seconds, and with one of the lab's tabs open,
 * scrolled into view and left to work for a few seconds, as the Frontier's sweep needs) to
 * .tmp/screenshots/. Prints the paths; look at them.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from './chromium';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const SIZES = [
  { name: 'wide', width: 1280, height: 800, iframe: false },
  { name: 'iframe', width: 700, height: 650, iframe: true },
  { name: 'phone', width: 390, height: 844, iframe: false },
];

async function main(): Promise<void> {
  const query = option('query', '?backend=wasm');
  const playSeconds = Number(option('play', '0'));
  const tab = option('tab', '');
  const settleSeconds = Number(option('settle', '0.3'));
  const out = '.tmp/screenshots';
  mkdirSync(out, { recursive: true });
  if (!process.argv.includes('--no-build')) await build({ logLevel: 'silent' });
  const server = await preview({ logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
  const url = `${server.resolvedUrls?.local[0] ?? ''}${query}`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({
        viewport: {
          width: size.iframe ? size.width + 40 : size.width,
          height: size.iframe ? size.height + 40 : size.height,
        },
      });
      let app: Page | import('@playwright/test').Frame = page;
      if (size.iframe) {
        await page.setContent(
          `<body style="margin:20px"><iframe title="KL Lab" src="${url}" width="${size.width}" height="${size.height}" style="border:0"></iframe></body>`,
        );
        const frame = page.frames().find((f) => f !== page.mainFrame());
        if (!frame) throw new Error('no iframe');
        await frame.waitForURL(/./);
        app = frame;
      } else {
        await page.goto(url);
      }
      const play = app.getByRole('button', { name: /^(Play|播放)$/ });
      await play.waitFor();
      await app.waitForFunction(
        () =>
          [...document.querySelectorAll('button')].some(
            (b) => /^(Play|播放)$/.test(b.textContent ?? '') && !b.disabled,
          ),
        null,
        { timeout: 120_000 },
      );
      if (playSeconds > 0) {
        await play.click();
        await page.waitForTimeout(playSeconds * 1000);
      }
      if (tab) {
        await app.getByRole('tab', { name: tab, exact: true }).click();
        await page.waitForTimeout(settleSeconds * 1000);
        await app.getByRole('tabpanel').scrollIntoViewIfNeeded();
      }
      const path = `${out}/${size.name}.png`;
      await page.screenshot({ path });
      process.stdout.write(`${path}\n`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`screenshots: ${e.message}\n`);
  process.exit(1);
});
