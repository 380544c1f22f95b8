import { readdirSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithGolden, type Golden } from '../../../../tools/golden/compare';
import { startNodeBackend } from '../../../../tools/nodeBackend';
import { parseCase } from '../../case';
import { runStackedCase } from '../runStackedCase';

const dir = new URL('../../../../tools/golden/', import.meta.url);
const names = readdirSync(new URL('stacked/', dir)).map((f) => f.replace(/\.json$/, ''));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function load(name: string) {
  const raw = JSON.parse(readFileSync(new URL(`stacked/${name}.json`, dir), 'utf8'));
  const golden: { runs: Golden[] } = JSON.parse(readFileSync(new URL(`expected/${name}.json`, dir), 'utf8'));
  return { cases: (raw.runs as unknown[]).map(parseCase), golden };
}

describe('stacked runs match K separate PyTorch runs on the CPU backend', () => {
  it('has stacked golden cases with several λ', () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      const lambdas = new Set(load(name).cases.map((c) => c.lambda));
      expect(lambdas.size).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(names)('%s', async (name) => {
    const { cases, golden } = load(name);
    const results = await runStackedCase(cases);
    results.forEach((result, k) => {
      expect({ run: k, mismatches: compareWithGolden(result, golden.runs[k], cases[k], 1e-5) }).toEqual({
        run: k,
        mismatches: [],
      });
    });
  });

  // WASM multiplies stacked runs one run at a time (F.linear's matMul): the same goldens hold there.
  describe('and on the WASM backend', () => {
    beforeAll(() => startNodeBackend({ backend: 'wasm', scenario: 'sectors' }));
    afterAll(() => tf.setBackend('cpu'));
    it.each(names)('%s', async (name) => {
      const { cases, golden } = load(name);
      const results = await runStackedCase(cases);
      expect(tf.getBackend()).toBe('wasm');
      results.forEach((result, k) => {
        expect(compareWithGolden(result, golden.runs[k], cases[k], 1e-5)).toEqual([]);
      });
    });
  });

  it('fails a run compared with another run’s golden', async () => {
    const { cases, golden } = load(names[0]);
    const results = await runStackedCase(cases);
    expect(compareWithGolden(results[0], golden.runs[1], cases[0], 1e-5).length).toBeGreaterThan(0);
  });
});
