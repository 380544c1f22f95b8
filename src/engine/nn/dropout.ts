import * as tf from '@tensorflow/tfjs-core';
import { nextSeed } from '../random';
import { Module } from './module';

/**
 * `nn.Dropout(p)`: in train mode zeroes each element with probability p and scales the kept ones
 * by 1/(1-p) (inverted dropout); in eval mode it is the identity. Every call draws a new mask.
 */
export class Dropout extends Module {
  constructor(public p = 0.5) {
    super();
    if (!(p >= 0 && p <= 1)) throw new Error(`dropout probability has to be between 0 and 1, but got ${p}`);
  }

  forward(x: tf.Tensor): tf.Tensor {
    if (!this.training || this.p === 0) return tf.clone(x);
    if (this.p === 1) return tf.zerosLike(x);
    const keep = 1 - this.p;
    // PyTorch's order: the mask is scaled first, then multiplies x, so kept entries round alike.
    return tf.tidy(() => tf.mul(x, tf.div(this.keepMask(x.shape), keep)));
  }

  /**
   * A fresh mask for one forward: 1 where an element is kept (probability 1 − p), else 0. The
   * golden cases replace it on their Dropout layers to replay the masks PyTorch drew; a stacked
   * sweep draws each run's mask with the seed its single run would have drawn.
   */
  keepMask(shape: number[], seed = nextSeed()): tf.Tensor {
    return tf.tidy(() =>
      tf.cast(tf.less(tf.randomUniform(shape, 0, 1, 'float32', seed), 1 - this.p), 'float32'),
    );
  }

  clone(): Dropout {
    const copy = new Dropout(this.p);
    copy.training = this.training;
    return copy;
  }
}
