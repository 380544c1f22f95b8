import * as tf from '@tensorflow/tfjs-core';
import { BatchNorm1d } from '../nn/batchnorm';

/**
 * K independent `nn.BatchNorm1d(features)` layers as one, with BatchNorm1d's PyTorch rules and
 * running-statistics update: input [K, B, C]; each run normalises with the statistics of its own
 * batch (axis 1) and keeps its own weight, bias and running statistics, [K, C].
 */
export class StackedBatchNorm1d extends BatchNorm1d {
  /** Weight 1, bias 0, running mean 0 and variance 1, as a fresh BatchNorm1d in each run. */
  constructor(
    readonly runs: number,
    numFeatures: number,
    momentum = 0.1,
    eps = 1e-5,
  ) {
    super(numFeatures, { momentum, eps }, [runs]);
  }

  override forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      if (!this.training)
        return this.normalize(x, tf.expandDims(this.runningMean, 1), tf.expandDims(this.runningVar, 1));
      const [, n] = x.shape as [number, number, number];
      if (n < 2) throw new Error('Expected more than 1 value per channel when training');
      const mean = tf.mean(x, 1, true);
      const variance = tf.mean(tf.square(tf.sub(x, mean)), 1, true);
      this.updateRunningStats(tf.squeeze(mean, [1]), tf.mul(tf.squeeze(variance, [1]), n / (n - 1)));
      return this.normalize(x, mean, variance);
    });
  }

  /** x [K, B, C] with mean and variance [K, 1, C]; weight and bias [K, C] broadcast the same way. */
  protected override normalize(x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor): tf.Tensor {
    const invStd = tf.rsqrt(tf.add(variance, this.eps));
    const weight = tf.expandDims(this.weight.data, 1);
    const bias = tf.expandDims(this.bias.data, 1);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), invStd), weight), bias);
  }

  override clone(): StackedBatchNorm1d {
    const copy = new StackedBatchNorm1d(this.runs, this.numFeatures, this.momentum, this.eps);
    copy.loadStateDict(this.stateDict());
    copy.training = this.training;
    return copy;
  }
}
