import * as tf from '@tensorflow/tfjs-core';
import * as F from '../functional';

/**
 * The losses of `F` per run, for stacked inputs [K, B, classes]: what `vmap(F.cross_entropy)` and
 * `vmap(F.kl_div)` return, a [K] tensor with each run's own value.
 */

/** `F.cross_entropy(logits[k], target[k])` for every run k: mean over each run's batch. */
export function crossEntropy(logits: tf.Tensor, target: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const [, batch, classes] = logits.shape as [number, number, number];
    const picked = tf.mul(tf.oneHot(tf.cast(target, 'int32'), classes), F.logSoftmax(logits));
    return tf.div(tf.neg(tf.sum(picked, [1, 2])), batch) as tf.Tensor1D;
  });
}

/** `F.kl_div(input[k], target[k], reduction, log_target)` for every run k. */
export function klDiv(
  input: tf.Tensor,
  target: tf.Tensor,
  {
    reduction = 'mean',
    logTarget = false,
  }: { reduction?: Exclude<F.Reduction, 'none'>; logTarget?: boolean } = {},
): tf.Tensor1D {
  return tf.tidy(() => {
    const pointwise = F.klDiv(input, target, { reduction: 'none', logTarget });
    switch (reduction) {
      case 'sum':
        return tf.sum(pointwise, [1, 2]) as tf.Tensor1D;
      case 'mean':
        return tf.mean(pointwise, [1, 2]) as tf.Tensor1D;
      case 'batchmean':
        return tf.div(tf.sum(pointwise, [1, 2]), input.shape[1] as number) as tf.Tensor1D;
    }
  });
}
