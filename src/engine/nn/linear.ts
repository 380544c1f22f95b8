import * as tf from '@tensorflow/tfjs-core';
import * as F from '../functional';
import { nextSeed } from '../random';
import { Module } from './module';
import { Parameter } from './parameter';

/** `nn.Linear(in, out)`: y = x·Wᵀ + b, weight stored [out, in] as in PyTorch. */
export class Linear extends Module {
  readonly weight: Parameter;
  readonly bias: Parameter;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
  ) {
    super();
    // PyTorch's default init reduces to U(-1/sqrt(in), 1/sqrt(in)) for both weight and bias.
    const bound = 1 / Math.sqrt(inFeatures);
    this.weight = Parameter.of(() =>
      tf.randomUniform([outFeatures, inFeatures], -bound, bound, 'float32', nextSeed()),
    );
    this.bias = Parameter.of(() => tf.randomUniform([outFeatures], -bound, bound, 'float32', nextSeed()));
  }

  forward(x: tf.Tensor): tf.Tensor {
    return F.linear(x, this.weight.data, this.bias.data);
  }

  protected override ownParameters(): [string, Parameter][] {
    return [
      ['weight', this.weight],
      ['bias', this.bias],
    ];
  }

  clone(): Linear {
    const copy = new Linear(this.inFeatures, this.outFeatures);
    copy.loadStateDict(this.stateDict());
    copy.training = this.training;
    return copy;
  }
}
