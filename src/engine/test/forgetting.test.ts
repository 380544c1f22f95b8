import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario';
import { SCENARIO_DEFAULTS } from '../scenarioSettings';

/**
 * The lesson the lab teaches, checked on the default scenario with only λ varied: fine-tuning
 * without the KL term forgets the old task; a larger λ keeps more of it.
 */
const LAMBDAS = [0, 0.3, 1, 3, 10];
const SEEDS = [1, 2, 3];
const STEPS = 300;

const defaults = SCENARIO_DEFAULTS;

async function averaged(lambda: number) {
  let pretrained = 0;
  let oldAcc = 0;
  let newAcc = 0;
  for (const seed of SEEDS) {
    const run = await runScenario({ ...defaults, lambda, seed }, STEPS, STEPS);
    pretrained += run.pretrain.old_task_acc / SEEDS.length;
    oldAcc += run.final.old_task_acc / SEEDS.length;
    newAcc += run.final.new_task_acc / SEEDS.length;
  }
  return { pretrained, oldAcc, newAcc };
}

describe('the default scenario demonstrates forgetting and its cure', () => {
  const results = new Map<number, Awaited<ReturnType<typeof averaged>>>();

  beforeAll(async () => {
    await tf.setBackend('cpu');
    for (const lambda of LAMBDAS) results.set(lambda, await averaged(lambda));
  }, 600_000);

  it('pretrains to at least 95% on the old task', () => {
    expect(results.get(0)?.pretrained).toBeGreaterThanOrEqual(0.95);
  });

  it('at λ = 0 forgets at least 25 points of the old task and learns the new one to 90%', () => {
    const r = results.get(0);
    expect(r).toBeDefined();
    if (!r) return;
    expect(r.pretrained - r.oldAcc).toBeGreaterThanOrEqual(0.25);
    expect(r.newAcc).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps more of the old task as λ grows (2 points of slack)', () => {
    const accs = LAMBDAS.map((l) => results.get(l)?.oldAcc ?? Number.NaN);
    for (let i = 1; i < accs.length; i++) expect(accs[i]).toBeGreaterThanOrEqual(accs[i - 1] - 0.02);
  });

  it('at λ = 10 keeps at least 20 points more of the old task than at λ = 0', () => {
    expect((results.get(10)?.oldAcc ?? 0) - (results.get(0)?.oldAcc ?? 1)).toBeGreaterThanOrEqual(0.2);
  });
});
