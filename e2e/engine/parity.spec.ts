import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { compareWithGolden, type Golden } from '../../tools/golden/compare';

/** The PyTorch goldens, run by the engine on each browser backend (SwiftShader for the GPU ones). */
const dir = new URL('../../tools/golden/', import.meta.url);
const names = readdirSync(new URL('cases/', dir)).map((f) => f.replace(/\.json$/, ''));

for (const backend of ['wasm', 'webgl', 'webgpu'] as const) {
  test.describe(`trainStep matches PyTorch on ${backend}`, () => {
    // One page per backend: starting a GPU backend (and compiling its shaders) costs more than a case.
    let page: Page;
    const errors: string[] = [];
    test.beforeAll(async ({ browser }, testInfo) => {
      page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto('/');
      await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    });
    test.afterAll(() => page.close());

    for (const name of names) {
      test(name, async () => {
        errors.length = 0;
        const c = JSON.parse(readFileSync(new URL(`cases/${name}.json`, dir), 'utf8'));
        const golden: Golden = JSON.parse(readFileSync(new URL(`expected/${name}.json`, dir), 'utf8'));
        const result = await page.evaluate(([raw, b]) => window.harness.runCase(raw, b), [
          c,
          backend,
        ] as const);
        expect(compareWithGolden(result, golden, c, 1e-4)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }
  });
}
