import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../runScenario';
import { runSweep } from '../runSweep';
import { SCENARIO_DEFAULTS, type ScenarioSettings } from '../scenarioSettings';

const STEPS = 15;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a stacked sweep retraces each run of its single scenario', () => {
  // Dropout in train mode in both models: every mask must come from its run's stream, in the order
  // the single step draws them (model_old, the model, with replay the model again on old inputs).
  it.each(['finetune', 'replay'] as const)(
    'with the KL measured on %s inputs',
    async (klInputs) => {
      const settings: ScenarioSettings = {
        ...SCENARIO_DEFAULTS,
        dropout: 0.2,
        modelOldMode: 'train',
        klInputs,
      };
      const lambdas = [0.3, 3];
      const seeds = [1, 2];
      const sweep = await runSweep(settings, lambdas, seeds, STEPS, STEPS);
      for (const run of sweep.runs) {
        const single = await runScenario({ ...settings, lambda: run.lambda, seed: run.seed }, STEPS, STEPS);
        run.history.forEach((entry, i) => {
          expect(entry.total_loss).toBeCloseTo(single.history[i].total_loss, 5);
          expect(entry.kl_penalty).toBeCloseTo(single.history[i].kl_penalty, 5);
        });
        expect(run.old_task_acc).toBe(single.final.old_task_acc);
        expect(run.new_task_acc).toBe(single.final.new_task_acc);
      }
    },
    120_000,
  );
});
