import * as tf from '@tensorflow/tfjs-core';
import { Module } from './module';

/** `nn.ReLU()`. */
export class ReLU extends Module {
  forward(x: tf.Tensor): tf.Tensor {
    return tf.relu(x);
  }

  clone(): ReLU {
    const copy = new ReLU();
    copy.training = this.training;
    return copy;
  }
}
