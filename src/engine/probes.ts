/**
 * Measurements the lab shows beside training, taken on the batch the last step trained on. They
 * leave the scenario as they found it: models, modes and the random stream.
 */
import * as tf from '@tensorflow/tfjs-core';
import { backward, gradNorm, NoGradFnError, noGrad } from './autograd';
import { deepcopy } from './copy';
import { inEvalMode } from './evaluate';
import * as F from './functional';
import type { Sequential } from './nn';
import { randomState, restoreRandomState } from './random';
import { readAndDispose } from './readAndDispose';
import type { Scenario } from './scenario';
import { batchNormLayers, type Mode, setMode } from './trainStep';

/** Both KL directions (batchmean) on the live batch, and its first sample's distributions. */
export interface LiveBatch {
  size: number;
  /** KL(model_old ‖ model): what F.kl_div(log_softmax(new), softmax(old)) computes. */
  klOldNew: number;
  /** KL(model ‖ model_old): what the article's formula writes. */
  klNewOld: number;
  /** Class probabilities of the batch's first sample under model_old and model. */
  pOld: number[];
  pNew: number[];
}

export interface ModesGridCell {
  mode: Mode;
  noGrad: boolean;
  randomOutput: boolean;
  statsMove: boolean;
  /** ‖grad‖ that `out.sum().backward()` left in the parameters, measured: 0 when no_grad works. */
  gradNorm: number;
}

/**
 * Both KL directions (batchmean) between model_old and the model on the last batch, in eval mode
 * so that measuring changes nothing, and the first sample's two distributions.
 */
export async function liveBatch(scenario: Scenario): Promise<LiveBatch | null> {
  const { liveInputs: x, model, modelOld } = scenario;
  if (!x || !modelOld) return null;
  const [measured, firstRows] = tf.tidy(() => {
    const [logNew, logOld] = [model, modelOld].map((net) =>
      inEvalMode(net, () => F.logSoftmax(net.forward(x))),
    );
    const kl = (p: tf.Tensor, q: tf.Tensor) => F.klDiv(q, p, { reduction: 'batchmean', logTarget: true });
    const firstRow = (logProbs: tf.Tensor) => tf.exp(tf.slice(logProbs, [0, 0], [1, -1]));
    return [
      tf.stack([kl(logOld, logNew), kl(logNew, logOld)]),
      tf.concat([firstRow(logOld), firstRow(logNew)]),
    ];
  });
  const [values, rows] = await Promise.all([readAndDispose(measured), readAndDispose(firstRows)]);
  const classes = rows.length / 2;
  return {
    size: x.shape[0],
    klOldNew: values[0],
    klNewOld: values[1],
    pOld: Array.from(rows.slice(0, classes)),
    pNew: Array.from(rows.slice(classes)),
  };
}

/**
 * model.eval() versus torch.no_grad(), measured on a throwaway copy of model_old and the live
 * batch: for each mode and each no_grad choice, whether two forwards differ (dropout), whether
 * the running statistics move, and the norm of what a backward of the output leaves in the
 * parameters (the same backward in every cell; `src/engine/test/modesGrid.test.ts`).
 */
export async function modesGrid(scenario: Scenario): Promise<ModesGridCell[]> {
  const { liveInputs: x, modelOld } = scenario;
  if (!x || !modelOld) return [];
  const saved = randomState();
  try {
    const cells: ModesGridCell[] = [];
    for (const mode of ['train', 'eval'] as const) {
      for (const underNoGrad of [true, false]) cells.push(await modesCell(modelOld, x, mode, underNoGrad));
    }
    return cells;
  } finally {
    restoreRandomState(saved);
  }
}

/** One cell of the modes grid, measured on a throwaway copy of `modelOld` that goes even on a throw. */
async function modesCell(
  modelOld: Sequential,
  x: tf.Tensor,
  mode: Mode,
  underNoGrad: boolean,
): Promise<ModesGridCell> {
  const probe = deepcopy(modelOld);
  try {
    setMode(probe, mode);
    const [outputChange, statsChange] = await readAndDispose(outputAndStatsChange(probe, x, underNoGrad));
    const norm = await gradNorm(probe);
    return {
      mode,
      noGrad: underNoGrad,
      randomOutput: outputChange > 0,
      statsMove: statsChange > 0,
      gradNorm: norm,
    };
  } finally {
    probe.dispose();
  }
}

/**
 * Two forwards of `net` on `x`, the first followed by a backward (`forwardThenBackward`): how far
 * apart their outputs are, and how far the first BatchNorm's running mean moved.
 */
function outputAndStatsChange(net: Sequential, x: tf.Tensor, underNoGrad: boolean): tf.Tensor {
  const [bn] = batchNormLayers(net);
  const held: tf.Tensor[] = [tf.clone(bn.runningMean)];
  try {
    held.push(forwardThenBackward(net, x, underNoGrad));
    held.push(net.forward(x));
    const [statsBefore, first, second] = held;
    return tf.tidy(() =>
      tf.stack([tf.max(tf.abs(tf.sub(first, second))), tf.max(tf.abs(tf.sub(bn.runningMean, statsBefore)))]),
    );
  } finally {
    tf.dispose(held);
  }
}

/**
 * `out = net(x)`, under `torch.no_grad()` or not, then `out.sum().backward()`; returns `out`. Both
 * cells run the same backward, so the grid measures what reaches the parameters rather than assuming
 * it: under a working no_grad nothing was recorded and the backward raises, as PyTorch's does.
 */
function forwardThenBackward(net: Sequential, x: tf.Tensor, underNoGrad: boolean): tf.Tensor {
  let outputs: tf.Tensor | undefined;
  try {
    const loss = backward(() => {
      outputs = tf.keep(underNoGrad ? noGrad(() => net.forward(x)) : net.forward(x));
      return tf.sum(outputs) as tf.Scalar;
    }, net.parameters());
    loss.dispose();
  } catch (error) {
    if (!(error instanceof NoGradFnError)) {
      outputs?.dispose();
      throw error;
    }
  }
  return outputs as tf.Tensor;
}
