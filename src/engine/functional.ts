import * as tf from '@tensorflow/tfjs-core';

/** `torch.nn.functional`, the few functions the article's training step uses. */

export type Reduction = 'none' | 'batchmean' | 'sum' | 'mean';

/** `F.softmax(x, dim=1)` for [batch, classes] logits. */
/** Swaps the last two axes: a matrix's transpose, or each run's in a stack. */
function swapLastAxes(t: tf.Tensor): tf.Tensor {
  const perm = t.shape.map((_, i) => i);
  [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
  return tf.transpose(t, perm);
}

/**
 * `a @ b` without transpose flags, for matrices or stacks of them ([K, n, m] @ [K, m, p]). On WASM a
 * stack is multiplied one run at a time: TF.js's WASM kernel hands only unbatched products to its
 * fast path (XNNPACK), and its batched loop was ~30× slower for the digits' stacked runs.
 */
function matMul(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  if (a.rank !== 3 || tf.getBackend() !== 'wasm') return tf.matMul(a, b);
  const bs = tf.unstack(b);
  return tf.stack(tf.unstack(a).map((ak, k) => tf.matMul(ak, bs[k])));
}

/**
 * `F.linear(x, weight, bias)` = x·Wᵀ + b, weight [out, in] as PyTorch stores it (or [K, out, in]
 * with x [K, B, in] and bias [K, out] for stacked runs). Written with explicit transposes and
 * plain matMuls, forward and backward: TF.js's WASM backend runs a matMul with a transpose flag
 * about ten times slower than a plain one (28 ms against 3 ms for 128×784 by 256×784 here), and
 * TF.js's own gradient of matMul uses those flags.
 */
export function linear(x: tf.Tensor, weight: tf.Tensor, bias: tf.Tensor): tf.Tensor {
  const batched = x.rank === 3;
  const withGrad = tf.customGrad((...args) => {
    const [input, w, b, save] = args as unknown as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    save([input, w]);
    return {
      value: tf.add(matMul(input, swapLastAxes(w)), batched ? tf.expandDims(b, 1) : b),
      gradFunc: (dy: tf.Tensor, [savedInput, savedW]: tf.Tensor[]) => [
        matMul(dy, savedW),
        matMul(swapLastAxes(dy), savedInput),
        tf.sum(dy, batched ? 1 : 0),
      ],
    };
  });
  return withGrad(x, weight, bias);
}

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
