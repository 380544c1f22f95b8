import * as tf from '@tensorflow/tfjs-core';
import type { HistoryEntry } from './runScenario';
import type { ScenarioSettings } from './scenarioSettings';
import { Sweep, type SweepAccuracies } from './sweep';

/** One run of a headless sweep: its λ and seed, final accuracies and history (as runScenario's). */
export interface SweepRunResult {
  lambda: number;
  seed: number;
  old_task_acc: number;
  new_task_acc: number;
  /** Its accuracies when fine-tuning began, as runScenario's `pretrain`. */
  pretrain: { old_task_acc: number; new_task_acc: number };
  history: HistoryEntry[];
}

export interface SweepResult {
  runs: SweepRunResult[];
  /** Fine-tuning steps of all runs per second of training (pretraining and evaluation not counted). */
  runStepsPerSecond: number;
}

/**
 * A whole sweep headless: every (seed, λ) run pretrained and fine-tuned for `steps` steps, stacked.
 * Accuracies are measured every `evaluateEvery` steps (and at the last), as in runScenario.
 */
export async function runSweep(
  settings: ScenarioSettings,
  lambdas: number[],
  seeds: number[],
  steps: number,
  evaluateEvery = 1,
): Promise<SweepResult> {
  const sweep = new Sweep(settings, lambdas, seeds);
  try {
    const history: HistoryEntry[][] = sweep.runs.map(() => []);
    let acc: SweepAccuracies = await sweep.accuracies();
    const before = acc;
    let training = 0;
    for (let i = 1; i <= steps; i++) {
      const start = performance.now();
      const losses = sweep.step();
      const [lossNew, klPenalty, totalLoss] = await Promise.all(
        [losses.lossNew, losses.klPenalty, losses.totalLoss].map((t) => t.data()),
      );
      tf.dispose([losses.lossNew, losses.klPenalty, losses.totalLoss]);
      training += performance.now() - start;
      if (i % evaluateEvery === 0 || i === steps) acc = await sweep.accuracies();
      history.forEach((runHistory, k) => {
        runHistory.push({
          step: i,
          loss_new: lossNew[k],
          kl_penalty: klPenalty[k],
          total_loss: totalLoss[k],
          old_task_acc: acc.oldTaskAcc[k],
          new_task_acc: acc.newTaskAcc[k],
        });
      });
    }
    return {
      runs: sweep.runs.map((run, k) => ({
        ...run,
        old_task_acc: acc.oldTaskAcc[k],
        new_task_acc: acc.newTaskAcc[k],
        pretrain: { old_task_acc: before.oldTaskAcc[k], new_task_acc: before.newTaskAcc[k] },
        history: history[k],
      })),
      runStepsPerSecond: training > 0 ? (sweep.runs.length * steps * 1000) / training : 0,
    };
  } finally {
    sweep.dispose();
  }
}
