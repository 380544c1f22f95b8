import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ModesGridCell, modesGrid } from '../probes';
import type { Scenario } from '../scenario';
import { scenarioAfterOneStep } from './pretrained';

/** When set, `noGrad` runs its function as it comes: a no_grad that still records the forward. */
const plant = vi.hoisted(() => ({ noGradRecords: false }));

vi.mock('../autograd', async (importOriginal) => {
  const real = await importOriginal<typeof import('../autograd')>();
  return { ...real, noGrad: <T>(fn: () => T): T => (plant.noGradRecords ? fn() : real.noGrad(fn)) };
});

let scenario: Scenario;

beforeAll(async () => {
  await tf.setBackend('cpu');
  scenario = scenarioAfterOneStep();
}, 120_000);

afterAll(() => {
  plant.noGradRecords = false;
  scenario.dispose();
});

async function gradNorms(noGradRecords: boolean) {
  plant.noGradRecords = noGradRecords;
  try {
    const grid = await modesGrid(scenario);
    const norm = (mode: ModesGridCell['mode'], noGrad: boolean) =>
      grid.find((c) => c.mode === mode && c.noGrad === noGrad)?.gradNorm;
    return {
      train: { noGrad: norm('train', true), without: norm('train', false) },
      eval: { noGrad: norm('eval', true), without: norm('eval', false) },
    };
  } finally {
    plant.noGradRecords = false;
  }
}

describe('the modes grid measures what a backward leaves in the parameters', () => {
  it('with no_grad the measured norm is exactly 0; without it, positive', async () => {
    const norms = await gradNorms(false);
    for (const mode of ['train', 'eval'] as const) {
      expect(norms[mode].noGrad).toBe(0);
      expect(norms[mode].without).toBeGreaterThan(0);
    }
  });

  it('a no_grad that still records gives the no_grad cells a gradient: in eval mode the very one of no no_grad', async () => {
    const norms = await gradNorms(true);
    expect(norms.train.noGrad).toBeGreaterThan(0);
    // Eval mode is deterministic, so the same backward must leave the same gradient.
    expect(norms.eval.noGrad).toBeGreaterThan(0);
    expect(norms.eval.noGrad).toBe(norms.eval.without);
  });
});
