/**
 * The lab's run headless, kept for export: the run record (metrics of every step) and what a PyTorch
 * script needs to repeat it (the generated data, model_old's state dict at the freeze, the rows of
 * every fine-tuning batch). Runs on whatever TF.js backend is set; `npm run export` uses the CPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Scenario } from '../engine/scenario';
import { type LabState, scenarioSettings } from '../state/schema';
import type { PyTorchReplay } from './pytorchScript';
import { type RunRecord, type RunStep, runRecord } from './runRecord';
import { scriptGap } from './scriptCovers';
import { readStateDict } from './stateDictValues';

export interface RecordedRun {
  record: RunRecord;
  /** What a PyTorch script repeats; null where the script does not cover the run (`scriptGap`). */
  replay: PyTorchReplay | null;
}

/** Pretrains, freezes model_old, then fine-tunes `state.steps` steps, measuring after every step. */
export async function recordRun(state: LabState): Promise<RecordedRun> {
  const settings = scenarioSettings(state);
  const scenario = new Scenario(settings);
  const data = scenario.task.points;
  const batches: number[][] = [];
  const replayed: number[][] = [];
  scenario.onFineTuneBatch = (indices, replayRows) => {
    batches.push(indices);
    if (replayRows) replayed.push(replayRows);
  };
  try {
    while (!scenario.pretrained) scenario.pretrainStep();
    if (!scenario.modelOld) throw new Error('model_old was not frozen after pretraining');
    const pretrained = await readStateDict(scenario.modelOld);
    const before = await scenario.accuracies();
    const steps: RunStep[] = [];
    for (let step = 1; step <= state.steps; step++) {
      const losses = scenario.step();
      const values = await tf
        .tidy(() => tf.stack([losses.lossNew, losses.klPenalty, losses.totalLoss]))
        .data();
      tf.dispose([losses.lossNew, losses.klPenalty, losses.totalLoss]);
      const acc = await scenario.accuracies();
      steps.push({
        step,
        loss_new: values[0],
        kl_penalty: values[1],
        total_loss: values[2],
        old_task_acc: acc.oldTaskAcc,
        new_task_acc: acc.newTaskAcc,
        lambda: state.lambda,
      });
    }
    return {
      record: runRecord({
        settings: state,
        backend: tf.getBackend(),
        pretrain: { old_task_acc: before.oldTaskAcc, new_task_acc: before.newTaskAcc },
        steps,
      }),
      // The script covers the 2-D scenario (see scriptGap).
      replay:
        data && !scriptGap(settings)
          ? {
              settings,
              data,
              pretrained,
              batches,
              replayed: settings.klInputs === 'replay' ? replayed : null,
            }
          : null,
    };
  } finally {
    scenario.dispose();
  }
}
