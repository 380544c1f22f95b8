import * as tf from '@tensorflow/tfjs-core';
import { backward } from '../autograd';
import * as F from '../functional';
import type { Sequential } from '../nn';
import type { Optimizer } from '../optim/optimizer';
import { type KLRegOptions, setStepModes } from '../trainStep';
import * as S from './stackedFunctional';

/**
 * The options of `trainStep`, with λ per run. The two pitfalls (`teacherNoGrad: false`,
 * `probsAsInput`) are the single run's lessons and are left out here.
 */
export interface StackedKLRegOptions extends Omit<KLRegOptions, 'lambda' | 'teacherNoGrad' | 'probsAsInput'> {
  /** λ of each run, [K]. */
  lambda: tf.Tensor1D;
}

/** Each run's values of one step, [K] each; the caller owns (and disposes) them. */
export interface StackedStepLosses {
  lossNew: tf.Tensor1D;
  klPenalty: tf.Tensor1D;
  totalLoss: tf.Tensor1D;
}

/**
 * `trainStep` for K stacked runs (`stackModels`): x [K, B, features], y [K, B]. One forward,
 * backward and optimizer step advance every run. The loss differentiated is the sum of the runs'
 * totals; run k's parameters appear only in its own total, so each gets exactly its own gradient.
 */
export function stackedTrainStep(
  model: Sequential,
  modelOld: Sequential,
  x: tf.Tensor,
  y: tf.Tensor,
  optimizer: Optimizer,
  options: StackedKLRegOptions,
): StackedStepLosses {
  const { lambda, reduction = 'batchmean', logTarget = false, direction = 'old||new', klBatch = x } = options;
  setStepModes(model, modelOld, options);
  optimizer.zeroGrad();

  // model_old runs outside the recorded closure: torch.no_grad(), as in trainStep.
  const logitsOld = modelOld.forward(klBatch);
  let lossNew: tf.Tensor1D | undefined;
  let klPenalty: tf.Tensor1D | undefined;
  let totalLoss: tf.Tensor1D | undefined;
  let summed: tf.Scalar | undefined;
  try {
    summed = backward(() => {
      const outputs = model.forward(x);
      lossNew = tf.keep(S.crossEntropy(outputs, y));
      const outputsKL = klBatch === x ? outputs : model.forward(klBatch);
      const [reference, approx] = direction === 'old||new' ? [logitsOld, outputsKL] : [outputsKL, logitsOld];
      const target = logTarget ? F.logSoftmax(reference) : F.softmax(reference);
      klPenalty = tf.keep(S.klDiv(F.logSoftmax(approx), target, { reduction, logTarget }));
      const total = tf.keep(tf.add(lossNew, tf.mul(klPenalty, lambda)) as tf.Tensor1D);
      totalLoss = total;
      return tf.sum(total);
    }, model.parameters());
    optimizer.step();
  } catch (error) {
    tf.dispose([lossNew, klPenalty, totalLoss]);
    throw error;
  } finally {
    tf.dispose([logitsOld, summed]);
  }
  return {
    lossNew: lossNew as tf.Tensor1D,
    klPenalty: klPenalty as tf.Tensor1D,
    totalLoss: totalLoss as tf.Tensor1D,
  };
}
