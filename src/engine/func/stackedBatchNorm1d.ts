import * as tf from '@tensorflow/tfjs-core';
import { Module } from '../nn/module';
import { Parameter } from '../nn/parameter';

/**
 * K independent `nn.BatchNorm1d(features)` layers as one, with BatchNorm1d's PyTorch rules
 * (src/engine/nn/batchnorm.ts): input [K, B, C]; each run normalises with the statistics of its own
 * batch (axis 1) and keeps its own running statistics, [K, C].
 */
export class StackedBatchNorm1d extends Module {
  readonly weight: Parameter;
  readonly bias: Parameter;
  readonly runningMean: tf.Variable;
  readonly runningVar: tf.Variable;
  readonly numBatchesTracked: tf.Variable;

  /** Weight 1, bias 0, running mean 0 and variance 1, as a fresh BatchNorm1d in each run. */
  constructor(
    readonly runs: number,
    readonly numFeatures: number,
    readonly momentum = 0.1,
    readonly eps = 1e-5,
  ) {
    super();
    this.weight = Parameter.of(() => tf.ones([runs, numFeatures]));
    this.bias = Parameter.of(() => tf.zeros([runs, numFeatures]));
    this.runningMean = tf.tidy(() => tf.variable(tf.zeros([runs, numFeatures]), false));
    this.runningVar = tf.tidy(() => tf.variable(tf.ones([runs, numFeatures]), false));
    this.numBatchesTracked = tf.tidy(() => tf.variable(tf.zeros([runs], 'int32'), false));
  }

  forward(x: tf.Tensor): tf.Tensor {
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

  /** x [K, B, C] with mean and variance [K, 1, C]. */
  private normalize(x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor): tf.Tensor {
    const invStd = tf.rsqrt(tf.add(variance, this.eps));
    const weight = tf.expandDims(this.weight.data, 1);
    const bias = tf.expandDims(this.bias.data, 1);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), invStd), weight), bias);
  }

  private updateRunningStats(mean: tf.Tensor, unbiasedVar: tf.Tensor): void {
    const m = this.momentum;
    this.runningMean.assign(tf.add(tf.mul(this.runningMean, 1 - m), tf.mul(mean, m)));
    this.runningVar.assign(tf.add(tf.mul(this.runningVar, 1 - m), tf.mul(unbiasedVar, m)));
    this.numBatchesTracked.assign(tf.add(this.numBatchesTracked, tf.scalar(1, 'int32')));
  }

  protected override ownParameters(): [string, Parameter][] {
    return [
      ['weight', this.weight],
      ['bias', this.bias],
    ];
  }

  protected override ownBuffers(): [string, tf.Variable][] {
    return [
      ['running_mean', this.runningMean],
      ['running_var', this.runningVar],
      ['num_batches_tracked', this.numBatchesTracked],
    ];
  }

  clone(): StackedBatchNorm1d {
    const copy = new StackedBatchNorm1d(this.runs, this.numFeatures, this.momentum, this.eps);
    copy.loadStateDict(this.stateDict());
    copy.training = this.training;
    return copy;
  }
}
