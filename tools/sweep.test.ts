import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../src/engine/runScenario';
import { DEFAULT_STATE, scenarioSettings } from '../src/state/schema';
import { sweepReport } from './sweepReport';

const STEPS = 60;
const LAMBDAS = [0, 3];
const ARGS = [
  '--lambdas',
  LAMBDAS.join(','),
  '--steps',
  String(STEPS),
  '--seed',
  '2',
  '--dropout',
  '0.2',
  '--every',
  '20',
];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('npm run sweep', () => {
  it('prints every λ’s run, the same twice, with the tensors it started with, as npm run scenario would', async () => {
    const report = await sweepReport(ARGS);
    expect(Object.keys(report)).toEqual(['config', 'runs', 'run_steps_per_s', 'num_tensors']);
    expect(report.config).toMatchObject({
      lambdas: LAMBDAS,
      seeds: [2],
      steps: STEPS,
      dropout: 0.2,
      every: 20,
    });
    expect(report.runs.map((r) => [r.lambda, r.seed])).toEqual(LAMBDAS.map((l) => [l, 2]));
    for (const run of report.runs) {
      expect(run.history.map((h) => h.step)).toEqual(Array.from({ length: STEPS }, (_, i) => i + 1));
      expect(Object.keys(run.history[0]).sort()).toEqual(
        ['kl_penalty', 'loss_new', 'new_task_acc', 'old_task_acc', 'step', 'total_loss'].sort(),
      );
      expect(run.history[STEPS - 1]).toMatchObject({
        old_task_acc: run.old_task_acc,
        new_task_acc: run.new_task_acc,
      });
    }
    expect(report.run_steps_per_s).toBeGreaterThan(0);
    expect(report.num_tensors.end).toBe(report.num_tensors.start);

    const again = await sweepReport(ARGS);
    expect(again.runs).toEqual(report.runs);

    for (const [k, lambda] of LAMBDAS.entries()) {
      const single = await runScenario(
        scenarioSettings({ ...DEFAULT_STATE, lambda, seed: 2, dropout: 0.2 }),
        STEPS,
        STEPS,
      );
      const run = report.runs[k];
      expect(Math.abs(run.old_task_acc - single.final.old_task_acc)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(run.new_task_acc - single.final.new_task_acc)).toBeLessThanOrEqual(0.01);
      expect(run.history[STEPS - 1].total_loss).toBeCloseTo(single.final.total_loss, 4);
    }
    // The runs differ: λ changes what is learned (a sweep of copies would pass the checks above only by luck).
    expect(report.runs[0].old_task_acc).not.toBe(report.runs[1].old_task_acc);
  }, 300_000);

  it('refuses the pitfalls, which only single runs teach', async () => {
    await expect(
      sweepReport(['--lambdas', '0,1', '--steps', '1', '--shareModelOld', 'true']),
    ).rejects.toThrow(/pitfalls/);
  });
});
