/**
 * Measurements the lab shows beside training, taken on the batch the last step trained on. They
 * leave the scenario as they found it: models, modes and the random stream.
 */
import * as tf from '@tensorflow/tfjs-core';
import { backward, gradNorm } from './autograd';
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
  /** ‖grad‖ reaching the parameters after one backward: 0 under no_grad. */
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
 * the running statistics move, and whether a backward reaches the parameters.
 */
export async function modesGrid(scenario: Scenario): Promise<ModesGridCell[]> {
  const { liveInputs: x, modelOld } = scenario;
  if (!x || !modelOld) return [];
  const saved = randomState();
  try {
    const cells: ModesGridCell[] = [];
    for (const mode of ['train', 'eval'] as const) {
      for (const noGrad of [true, false]) cells.push(await modesCell(modelOld, x, mode, noGrad));
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
  noGrad: boolean,
): Promise<ModesGridCell> {
  const probe = deepcopy(modelOld);
  try {
    setMode(probe, mode);
    const [outputChange, statsChange] = await readAndDispose(outputAndStatsChange(probe, x, noGrad));
    const norm = await gradNorm(probe);
    return { mode, noGrad, randomOutput: outputChange > 0, statsMove: statsChange > 0, gradNorm: norm };
  } finally {
    probe.dispose();
  }
}

/**
 * Two forwards of `net` on `x`: how far apart their outputs are, and how far the first BatchNorm's
 * running mean moved. With no_grad the first forward is not recorded; without it, a backward
 * follows as in training.
 */
function outputAndStatsChange(net: Sequential, x: tf.Tensor, noGrad: boolean): tf.Tensor {
  const [bn] = batchNormLayers(net);
  const held: tf.Tensor[] = [tf.clone(bn.runningMean)];
  try {
    held.push(noGrad ? net.forward(x) : forwardAndBackward(net, x));
    held.push(net.forward(x));
    const [statsBefore, first, second] = held;
    return tf.tidy(() =>
      tf.stack([tf.max(tf.abs(tf.sub(first, second))), tf.max(tf.abs(tf.sub(bn.runningMean, statsBefore)))]),
    );
  } finally {
    tf.dispose(held);
  }
}

/** A forward recorded for gradients, then backward of the outputs' sum; returns the outputs. */
function forwardAndBackward(net: Sequential, x: tf.Tensor): tf.Tensor {
  let outputs: tf.Tensor | undefined;
  const loss = backward(() => {
    outputs = tf.keep(net.forward(x));
    return tf.sum(outputs) as tf.Scalar;
  }, net.parameters());
  loss.dispose();
  return outputs as tf.Tensor;
}
