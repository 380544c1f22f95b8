import * as tf from '@tensorflow/tfjs-core';
import * as F from '../functional';
import { Module } from '../nn/module';
import { Parameter } from '../nn/parameter';

/**
 * K independent `nn.Linear(in, out)` layers as one: weight [K, out, in], bias [K, out]; input
 * [K, B, in] → [K, B, out], run k multiplied by its own weight (one batched matmul, PyTorch's `bmm`).
 */
export class StackedLinear extends Module {
  readonly weight: Parameter;
  readonly bias: Parameter;

  /** Zero-filled: load a stacked state dict (`stackModuleState`) into it. */
  constructor(
    readonly runs: number,
    readonly inFeatures: number,
    readonly outFeatures: number,
  ) {
    super();
    this.weight = Parameter.of(() => tf.zeros([runs, outFeatures, inFeatures]));
    this.bias = Parameter.of(() => tf.zeros([runs, outFeatures]));
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

  clone(): StackedLinear {
    const copy = new StackedLinear(this.runs, this.inFeatures, this.outFeatures);
    copy.loadStateDict(this.stateDict());
    copy.training = this.training;
    return copy;
  }
}
