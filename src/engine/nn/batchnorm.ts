import * as tf from '@tensorflow/tfjs-core';
import { Module } from './module';
import { Parameter } from './parameter';

export interface BatchNormOptions {
  momentum?: number;
  eps?: number;
}

/**
 * `nn.BatchNorm1d(features)` with PyTorch's rules, which differ from tf.layers':
 * running = (1-m)·running + m·batch with m = 0.1; eps = 1e-5; normalisation uses the biased batch
 * variance while running_var is updated with the unbiased one. Train mode updates the running
 * statistics on every forward, so a training step must run exactly one forward per model.
 */
export class BatchNorm1d extends Module {
  readonly momentum: number;
  readonly eps: number;
  readonly weight: Parameter;
  readonly bias: Parameter;
  readonly runningMean: tf.Variable;
  readonly runningVar: tf.Variable;
  readonly numBatchesTracked: tf.Variable;

  /** `runs` is for StackedBatchNorm1d: K layers as one, every tensor with a leading [K] axis. */
  constructor(
    readonly numFeatures: number,
    { momentum = 0.1, eps = 1e-5 }: BatchNormOptions = {},
    runs: number[] = [],
  ) {
    super();
    this.momentum = momentum;
    this.eps = eps;
    this.weight = Parameter.of(() => tf.ones([...runs, numFeatures]));
    this.bias = Parameter.of(() => tf.zeros([...runs, numFeatures]));
    this.runningMean = tf.tidy(() => tf.variable(tf.zeros([...runs, numFeatures]), false));
    this.runningVar = tf.tidy(() => tf.variable(tf.ones([...runs, numFeatures]), false));
    this.numBatchesTracked = tf.tidy(() => tf.variable(tf.zeros(runs, 'int32'), false));
  }

  forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      if (!this.training) return this.normalize(x, this.runningMean, this.runningVar);
      const n = x.shape[0];
      if (n < 2) throw new Error('Expected more than 1 value per channel when training');
      const mean = tf.mean(x, 0);
      const variance = tf.mean(tf.square(tf.sub(x, mean)), 0);
      this.updateRunningStats(mean, tf.mul(variance, n / (n - 1)));
      return this.normalize(x, mean, variance);
    });
  }

  protected normalize(x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor): tf.Tensor {
    const invStd = tf.rsqrt(tf.add(variance, this.eps));
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), invStd), this.weight.data), this.bias.data);
  }

  protected updateRunningStats(mean: tf.Tensor, unbiasedVar: tf.Tensor): void {
    // Buffers, not parameters: these ops never lie on the path to the loss, so no gradient flows.
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

  clone(): BatchNorm1d {
    const copy = new BatchNorm1d(this.numFeatures, { momentum: this.momentum, eps: this.eps });
    copy.loadStateDict(this.stateDict());
    copy.training = this.training;
    return copy;
  }
}
