/**
 * A fine-tuning run saved as plain arrays, and restored: everything the next step depends on
 * (both models' parameters and BatchNorm buffers, model_old's accumulated `.grad`, the optimizer's
 * state, the random stream, the steps done and the settings), so that a run restored at step k and
 * stepped to n computes what the uninterrupted run computed. The data sets are not saved: the
 * settings' seed regenerates them. Being plain arrays, a checkpoint crosses `postMessage` (its
 * buffers transferred) and outlives the worker or GPU device that made it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { deepcopy } from './copy';
import { fineTuneOptimizer } from './labNet';
import type { Sequential } from './nn';
import type { OptimizerState } from './optim';
import { randomState, restoreRandomState } from './random';
import { Scenario } from './scenario';
import type { ScenarioSettings } from './scenarioSettings';

export interface SavedTensor {
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

/** One parameter's optimizer state: its index in the optimizer's list, `step`, and named tensors. */
export interface SavedOptimizerEntry {
  index: number;
  step: number | null;
  tensors: Record<string, SavedTensor>;
}

export interface Checkpoint {
  /** Fine-tuning steps done (0: just after pretraining). */
  step: number;
  settings: ScenarioSettings;
  randomState: number;
  /** State dicts under PyTorch's keys (`0.weight`, `1.running_mean`, …). */
  model: Record<string, SavedTensor>;
  modelOld: Record<string, SavedTensor>;
  /** model_old's `.grad` by parameter key: only the no_grad pitfall puts any there. */
  modelOldGrads: Record<string, SavedTensor>;
  optimizer: SavedOptimizerEntry[];
}

async function save(t: tf.Tensor): Promise<SavedTensor> {
  // A copy: the CPU backend hands out its own array, which a transfer would detach.
  const values = (await t.data()).slice() as Float32Array | Int32Array;
  return { shape: [...t.shape], dtype: t.dtype === 'int32' ? 'int32' : 'float32', values };
}

async function saveAll(entries: [string, tf.Tensor][]): Promise<Record<string, SavedTensor>> {
  const saved = await Promise.all(entries.map(async ([k, t]) => [k, await save(t)] as const));
  return Object.fromEntries(saved);
}

/**
 * Saves a pretrained scenario. The random state and step count are taken at the call; the caller
 * must not step the scenario until the promise resolves.
 */
export async function checkpoint(scenario: Scenario): Promise<Checkpoint> {
  const { modelOld } = scenario;
  if (!modelOld) throw new Error('a checkpoint needs a pretrained scenario');
  const step = scenario.fineTuneStepsDone;
  const random = randomState();
  const settings = { ...scenario.settings };
  const optimizerState = [...scenario.optimizer.stateDict()];
  const grads = modelOld
    .namedParameters()
    .flatMap(([k, p]): [string, tf.Tensor][] => (p.grad ? [[k, p.grad]] : []));
  const [model, old, modelOldGrads, optimizer] = await Promise.all([
    saveAll([...scenario.model.stateDict()]),
    saveAll([...modelOld.stateDict()]),
    saveAll(grads),
    Promise.all(
      optimizerState.map(async ([index, state]) => {
        const tensors = Object.entries(state).filter(
          (e): e is [string, tf.Tensor] => typeof e[1] !== 'number',
        );
        return {
          index,
          step: typeof state.step === 'number' ? state.step : null,
          tensors: await saveAll(tensors),
        };
      }),
    ),
  ]);
  return { step, settings, randomState: random, model, modelOld: old, modelOldGrads, optimizer };
}

const toTensor = (t: SavedTensor) => tf.tensor(t.values, t.shape, t.dtype);

function loadInto(net: Sequential, saved: Record<string, SavedTensor>): void {
  const tensors = new Map(Object.entries(saved).map(([k, t]) => [k, toTensor(t)]));
  try {
    net.loadStateDict(tensors);
  } finally {
    tf.dispose([...tensors.values()]);
  }
}

/** A scenario that continues where `saved` left off, on the current backend. */
export function restoreCheckpoint(saved: Checkpoint): Scenario {
  const scenario = new Scenario({ ...saved.settings });
  try {
    loadInto(scenario.model, saved.model);
    const modelOld = deepcopy(scenario.model);
    scenario.modelOld = modelOld;
    loadInto(modelOld, saved.modelOld);
    for (const [key, p] of modelOld.namedParameters()) {
      const grad = saved.modelOldGrads[key];
      if (grad) p.grad = toTensor(grad);
    }
    scenario.optimizer.dispose();
    scenario.optimizer = fineTuneOptimizer(scenario.model, saved.settings);
    const state: OptimizerState = new Map(
      saved.optimizer.map(({ index, step, tensors }) => [
        index,
        {
          ...(step === null ? {} : { step }),
          ...Object.fromEntries(Object.entries(tensors).map(([k, t]) => [k, toTensor(t)])),
        },
      ]),
    );
    try {
      scenario.optimizer.loadStateDict(state);
    } finally {
      for (const entry of state.values())
        tf.dispose(Object.values(entry).filter((v) => typeof v !== 'number'));
    }
    scenario.pretrainStepsDone = scenario.spec.pretrainSteps;
    scenario.fineTuneStepsDone = saved.step;
    restoreRandomState(saved.randomState);
    return scenario;
  } catch (e) {
    scenario.dispose();
    throw e;
  }
}

/** Every array a checkpoint holds, e.g. to transfer rather than copy it. */
export function checkpointArrays(saved: Checkpoint): (Float32Array | Int32Array)[] {
  const all = [saved.model, saved.modelOld, saved.modelOldGrads, ...saved.optimizer.map((o) => o.tensors)];
  return all.flatMap((group) => Object.values(group).map((t) => t.values));
}

/** Whether every saved number is finite: a run that diverged is not worth returning to. */
export function isFiniteCheckpoint(saved: Checkpoint): boolean {
  return checkpointArrays(saved).every((values) => values.every(Number.isFinite));
}
