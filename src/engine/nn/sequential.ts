import * as tf from '@tensorflow/tfjs-core';
import { Module } from './module';

/** `nn.Sequential(...layers)`: children are named "0", "1", … as in PyTorch's state-dict keys. */
export class Sequential extends Module {
  readonly layers: Module[];

  constructor(...layers: Module[]) {
    super();
    this.layers = layers;
  }

  forward(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => this.layers.reduce((h, layer) => layer.forward(h), x));
  }

  override namedChildren(): [string, Module][] {
    return this.layers.map((layer, i) => [String(i), layer]);
  }

  clone(): Sequential {
    const copy = new Sequential(...this.layers.map((layer) => layer.clone()));
    copy.training = this.training;
    return copy;
  }
}
