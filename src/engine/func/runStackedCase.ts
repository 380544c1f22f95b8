/** Trains K golden cases of one setup as stacked runs (see stackModels), as runCase trains one. */
import * as tf from '@tensorflow/tfjs-core';
import { type CaseResult, fail, type NestedNumbers, type StepRecord, type TrainCase } from '../case';
import { deepcopy } from '../copy';
import { Dropout, type Sequential } from '../nn';
import { buildModel, buildOptimizer, loadJSONState, preparedRun, recordedMask } from '../runCase';
import { pytorchNames } from '../stepValues';
import { type StackedStepLosses, stackedTrainStep } from './stackedTrainStep';
import { stackModels } from './stackModels';
import { unstackModuleState } from './stackModuleState';

/** The settings every stacked run must share: all but the initial state, the batches, λ and the masks. */
function sharedSetup(c: TrainCase): string {
  const batchSizes = c.batches.map((b) => b.y.length);
  return JSON.stringify([c.layers, c.modes, c.kl, c.optimizer, c.pitfalls ?? null, batchSizes]);
}

/**
 * Makes each Dropout layer of the stacked `model` hand out, per forward, the masks the K cases
 * recorded for it, stacked on the runs' axis.
 */
function replayStackedMasks(model: Sequential, cases: TrainCase[], who: 'model' | 'model_old'): void {
  model.layers.forEach((layer, index) => {
    const recorded = cases.map((c) => c.dropout_masks?.[who]?.[String(index)]);
    if (!(layer instanceof Dropout) || recorded.every((r) => r === undefined)) return;
    let calls = 0;
    layer.keepMask = () => {
      const call = calls++;
      return tf.tidy(() =>
        tf.stack(
          recorded.map((masks, k) => {
            const rows = masks?.[call];
            if (!rows)
              fail(`run ${k} ${who} layer ${index}: no recorded dropout mask for forward ${call + 1}`);
            return recordedMask(rows);
          }),
        ),
      );
    };
  });
}

/** K cases made ready to train as one stacked computation; `step(i)` trains on batch i (cycled). */
export interface PreparedStackedCase {
  model: Sequential;
  modelOld: Sequential;
  step(i: number): StackedStepLosses;
  dispose(): void;
}

export function prepareStackedCase(cases: TrainCase[]): PreparedStackedCase {
  if (cases.length === 0) fail('a stacked case needs at least one run');
  if (cases.some((c) => sharedSetup(c) !== sharedSetup(cases[0])))
    fail('the runs of a stacked case must share layers, modes, KL options, optimizer and batch sizes');
  if (cases[0].pitfalls) fail('stacked runs leave the pitfalls out');
  const singles = cases.map((c) => {
    const model = buildModel(c.layers);
    loadJSONState(model, c.state);
    return model;
  });
  const model = stackModels(singles);
  for (const single of singles) single.dispose();
  const modelOld = deepcopy(model);
  replayStackedMasks(model, cases, 'model');
  replayStackedMasks(modelOld, cases, 'model_old');
  const optimizer = buildOptimizer(cases[0].optimizer, model);
  const batches = cases[0].batches.map((_, i) =>
    tf.tidy(() => ({
      x: tf.stack(cases.map((c) => tf.tensor2d(c.batches[i].x))),
      y: tf.stack(cases.map((c) => tf.tensor1d(c.batches[i].y, 'int32'))),
    })),
  );
  const lambda = tf.tensor1d(cases.map((c) => c.lambda));
  const { reduction, log_target: logTarget, direction } = cases[0].kl;
  const options = {
    lambda,
    reduction,
    logTarget,
    direction,
    modelMode: cases[0].modes.model,
    modelOldMode: cases[0].modes.model_old,
  };
  return preparedRun({ model, modelOld, optimizer, batches, owns: [lambda] }, (x, y) =>
    stackedTrainStep(model, modelOld, x, y, optimizer, options),
  );
}

/** Each run's state dict as JSON (PyTorch's keys and nesting). */
async function runStatesToJSON(model: Sequential, runs: number): Promise<Record<string, NestedNumbers>[]> {
  const states: Record<string, NestedNumbers>[] = [];
  for (let k = 0; k < runs; k++) {
    const state = unstackModuleState(model.stateDict(), k);
    const out: Record<string, NestedNumbers> = {};
    for (const [key, value] of state) out[key] = (await value.array()) as NestedNumbers;
    tf.dispose([...state.values()]);
    states.push(out);
  }
  return states;
}

/** Runs K parsed cases stacked on the current backend; one result per run, as runCase gives it. */
export async function runStackedCase(cases: TrainCase[]): Promise<CaseResult[]> {
  const prepared = prepareStackedCase(cases);
  try {
    const steps: StepRecord[][] = cases.map(() => []);
    for (let i = 0; i < cases[0].batches.length; i++) {
      const losses = prepared.step(i);
      const [lossNew, klPenalty, totalLoss] = await Promise.all(
        [losses.lossNew, losses.klPenalty, losses.totalLoss].map((t) => t.data()),
      );
      tf.dispose([losses.lossNew, losses.klPenalty, losses.totalLoss]);
      steps.forEach((runSteps, k) => {
        runSteps.push(
          pytorchNames({ lossNew: lossNew[k], klPenalty: klPenalty[k], totalLoss: totalLoss[k] }),
        );
      });
    }
    const states = await runStatesToJSON(prepared.model, cases.length);
    const oldStates = await runStatesToJSON(prepared.modelOld, cases.length);
    return cases.map((_, k) => ({ steps: steps[k], state: states[k], old_state: oldStates[k] }));
  } finally {
    prepared.dispose();
  }
}
