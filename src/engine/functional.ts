import * as tf from '@tensorflow/tfjs-core';

/** `torch.nn.functional`, the few functions the article's training step uses. */

export type Reduction = 'none' | 'batchmean' | 'sum' | 'mean';

/** `F.softmax(x, dim=1)` for [batch, classes] logits. */
export function softmax(logits: tf.Tensor): tf.Tensor {
  return tf.softmax(logits, -1);
}

/** `F.log_softmax(x, dim=1)`: x − logsumexp(x), finite even where softmax underflows to 0. */
export function logSoftmax(logits: tf.Tensor): tf.Tensor {
  return tf.logSoftmax(logits, -1);
}

/** `F.cross_entropy(logits, target)` with integer class targets, averaged over the batch. */
export function crossEntropy(logits: tf.Tensor, target: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const [batch, classes] = logits.shape;
    const picked = tf.mul(tf.oneHot(tf.cast(target, 'int32'), classes), logSoftmax(logits));
    return tf.div(tf.neg(tf.sum(picked)), batch) as tf.Scalar;
  });
}

export interface KLDivOptions {
  reduction?: Reduction;
  logTarget?: boolean;
}

/**
 * `F.kl_div(input, target, reduction, log_target)`: `input` holds log-probabilities; `target` holds
 * probabilities (or log-probabilities when `logTarget`). Pointwise: target·(log target − input),
 * with PyTorch's xlogy convention 0·log 0 = 0, so an underflowed probability gives 0, not NaN.
 * Its gradient there is 0 as well, where PyTorch 1.13's is NaN: a deliberate deviation
 * (docs/engine-deviations.md).
 * Reductions: 'sum'; 'batchmean' = sum / batch size (the per-sample KL); 'mean' = sum / numel
 * (PyTorch's default, which is also divided by the number of classes); 'none'.
 */
export function klDiv(
  input: tf.Tensor,
  target: tf.Tensor,
  { reduction = 'mean', logTarget = false }: KLDivOptions = {},
): tf.Tensor {
  return tf.tidy(() => {
    const pointwise = logTarget
      ? tf.mul(tf.exp(target), tf.sub(target, input))
      : tf.sub(xlogx(target), tf.mul(target, input));
    switch (reduction) {
      case 'none':
        return pointwise;
      case 'sum':
        return tf.sum(pointwise);
      case 'mean':
        return tf.mean(pointwise);
      case 'batchmean':
        return tf.div(tf.sum(pointwise), input.shape[0]);
    }
  });
}

/**
 * x·log(x), defined as 0 at x = 0 (PyTorch's xlogy(x, x)). The log is taken of x + [x = 0], which
 * is 1 where x = 0, so neither the value nor its gradient becomes 0·(−∞) = NaN there. The mask is
 * built from sign(), which TF.js can differentiate (as zero), because the target may require a
 * gradient (direction 'new||old') and TF.js refuses ops without a gradient on that path.
 */
function xlogx(x: tf.Tensor): tf.Tensor {
  const isZero = tf.sub(1, tf.abs(tf.sign(x)));
  return tf.mul(x, tf.log(tf.add(x, isZero)));
}
