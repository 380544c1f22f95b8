import * as tf from '@tensorflow/tfjs-core';

/**
 * A trainable tensor with PyTorch's `.grad` slot. `backward` accumulates into `grad` (as PyTorch
 * does, until `zeroGrad`), which is what makes a missing `no_grad` visible as a growing norm.
 */
export class Parameter {
  grad: tf.Tensor | null = null;
  constructor(readonly data: tf.Variable) {}

  /** A parameter initialised by `init`; the temporary initial tensor is released. */
  static of(init: () => tf.Tensor): Parameter {
    return new Parameter(tf.tidy(() => tf.variable(init(), true)));
  }
}
