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
    return tf.tidy(() => {
      const mask = tf.less(tf.randomUniform(x.shape, 0, 1, 'float32', nextSeed()), keep);
      return tf.mul(x, tf.div(tf.cast(mask, 'float32'), keep));
    });
  }

  clone(): Dropout {
    const copy = new Dropout(this.p);
    copy.training = this.training;
    return copy;
  }
}
