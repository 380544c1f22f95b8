/** Builds a validated case (see case.ts) on the current backend and trains it, step by step. */
import * as tf from '@tensorflow/tfjs-core';
import { gradNorm } from './autograd';
import {
  CaseError,
  type CaseResult,
  fail,
  type LayerSpec,
  type NestedNumbers,
  type OptimizerSpec,
  type StepRecord,
  type TrainCase,
} from './case';
import { deepcopy } from './copy';
import { BatchNorm1d, Dropout, Linear, type Module, ReLU, Sequential } from './nn';
import { Adam, type Optimizer, SGD } from './optim';
import { pytorchNames, readStepValues } from './stepValues';
import { type StepLosses, trainStep } from './trainStep';

/** Makes each listed Dropout layer of `model` hand out the recorded masks, one per forward, in order. */
function replayDropoutMasks(model: Sequential, masks: Record<string, string[][]>, who: string): void {
  for (const [index, recorded] of Object.entries(masks)) {
    const layer = model.layers[Number(index)] as Dropout;
    let calls = 0;
    layer.keepMask = (shape) => {
      const rows = recorded[calls++];
      if (!rows) fail(`${who} layer ${index}: no recorded dropout mask for forward ${calls}`);
      if (rows.length !== shape[0] || rows.some((row) => row.length !== shape[1]))
        fail(`${who} layer ${index}: the recorded mask does not have the shape [${shape}]`);
      return recordedMask(rows);
    };
  }
}

/** A recorded dropout mask (rows of '0'/'1') as the keep-mask tensor Dropout.keepMask returns. */
export function recordedMask(rows: string[]): tf.Tensor2D {
  return tf.tensor2d(
    rows.map((row) => Array.from(row, Number)),
    undefined,
    'float32',
  );
}

function moduleFor(layer: LayerSpec): Module {
  switch (layer.type) {
    case 'linear':
      return new Linear(layer.in, layer.out);
    case 'batchnorm1d':
      return new BatchNorm1d(layer.features, { momentum: layer.momentum, eps: layer.eps });
    case 'relu':
      return new ReLU();
    case 'dropout':
      return new Dropout(layer.p);
  }
}

export function buildModel(layers: LayerSpec[]): Sequential {
  return new Sequential(...layers.map(moduleFor));
}

export function buildOptimizer(spec: OptimizerSpec, model: Module): Optimizer {
  return spec.type === 'sgd'
    ? new SGD(model.parameters(), { lr: spec.lr, momentum: spec.momentum })
    : new Adam(model.parameters(), { lr: spec.lr, betas: spec.betas, eps: spec.eps });
}

/** Loads a JSON state dict (nested arrays) into `model`, with CaseError on any mismatch. */
export function loadJSONState(model: Module, state: TrainCase['state']): void {
  const tensors = new Map<string, tf.Tensor>();
  try {
    for (const [key, value] of Object.entries(state)) {
      const own = model.stateDict().get(key);
      if (!own) fail(`state has unexpected key "${key}"`);
      try {
        tensors.set(key, tf.tensor(value as number[], undefined, own.dtype));
      } catch {
        fail(`state key "${key}" is not a rectangular array of numbers`);
      }
    }
    model.loadStateDict(tensors);
  } catch (e) {
    if (e instanceof CaseError) throw e;
    fail((e as Error).message);
  } finally {
    for (const t of tensors.values()) t.dispose();
  }
}

export async function stateToJSON(model: Module): Promise<Record<string, NestedNumbers>> {
  const out: Record<string, NestedNumbers> = {};
  for (const [key, value] of model.stateDict()) {
    const arr = await value.array();
    out[key] = arr as NestedNumbers;
  }
  return out;
}

/** A case made ready to train: models, optimizer and batches live on the current backend. */
export interface PreparedCase {
  model: Module;
  modelOld: Module;
  /** One trainStep on batch `i` (cycled); the caller owns the returned scalars. */
  step(i: number): StepLosses;
  dispose(): void;
}

/**
 * A model, model_old, optimizer and batches living on the backend, trained by `train` on batch `i`
 * (cycled); dispose frees them all, with any other tensors the run `owns`.
 */
export function preparedRun<M extends Module, L>(
  parts: {
    model: M;
    modelOld: M;
    optimizer: Optimizer;
    batches: { x: tf.Tensor; y: tf.Tensor; klX?: tf.Tensor }[];
    owns?: tf.Tensor[];
  },
  train: (x: tf.Tensor, y: tf.Tensor, klX?: tf.Tensor) => L,
): { model: M; modelOld: M; step(i: number): L; dispose(): void } {
  const { model, modelOld, optimizer, batches, owns = [] } = parts;
  return {
    model,
    modelOld,
    step(i) {
      const { x, y, klX } = batches[i % batches.length];
      return train(x, y, klX);
    },
    dispose() {
      optimizer.dispose();
      modelOld.dispose();
      model.dispose();
      tf.dispose([...owns, ...batches.flatMap((b) => [b.x, b.y, b.klX])]);
    },
  };
}

export function prepareCase(c: TrainCase): PreparedCase {
  const model = buildModel(c.layers);
  try {
    loadJSONState(model, c.state);
  } catch (e) {
    model.dispose();
    throw e;
  }
  const modelOld = deepcopy(model);
  if (c.dropout_masks?.model) replayDropoutMasks(model, c.dropout_masks.model, 'model');
  if (c.dropout_masks?.model_old) replayDropoutMasks(modelOld, c.dropout_masks.model_old, 'model_old');
  const optimizer = buildOptimizer(c.optimizer, model);
  const batches = c.batches.map((b) => ({
    x: tf.tensor2d(b.x),
    y: tf.tensor1d(b.y, 'int32'),
    klX: b.kl_x ? tf.tensor2d(b.kl_x) : undefined,
  }));
  const options = {
    lambda: c.lambda,
    reduction: c.kl.reduction,
    logTarget: c.kl.log_target,
    direction: c.kl.direction,
    modelMode: c.modes.model,
    modelOldMode: c.modes.model_old,
    teacherNoGrad: c.pitfalls?.teacher_no_grad ?? true,
    probsAsInput: c.pitfalls?.probs_as_input ?? false,
  };
  return preparedRun({ model, modelOld, optimizer, batches }, (x, y, klX) =>
    trainStep(model, modelOld, x, y, optimizer, { ...options, klBatch: klX }),
  );
}

/** Runs a parsed case on the current TF.js backend: one trainStep per batch. */
export async function runCase(c: TrainCase): Promise<CaseResult> {
  const prepared = prepareCase(c);
  try {
    const steps: StepRecord[] = [];
    for (let i = 0; i < c.batches.length; i++) {
      const [values] = await readStepValues([prepared.step(i)]);
      const step: StepRecord = pytorchNames(values);
      if (c.pitfalls) step.model_old_grad_norm = await gradNorm(prepared.modelOld);
      steps.push(step);
    }
    return {
      steps,
      state: await stateToJSON(prepared.model),
      old_state: await stateToJSON(prepared.modelOld),
    };
  } finally {
    prepared.dispose();
  }
}
