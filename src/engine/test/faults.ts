/**
 * Real throws planted inside a training step, for tests that count what a failed step leaves
 * behind. Each fault fires once, after the real work before it has run, then steps run as usual.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Sequential } from '../nn';

export class InjectedFault extends Error {
  constructor(place: string) {
    super(`injected fault in the ${place}`);
  }
}

/** Where in a step: the loss (forward), the backward pass, or the optimizer's update. */
export type FaultPlace = 'loss' | 'backward' | 'optimizer';

export function plantFault(net: Sequential, place: FaultPlace): void {
  let fired = false;
  const fire = () => {
    fired = true;
    throw new InjectedFault(place);
  };
  if (place === 'optimizer') {
    // The last parameter updates last: the optimizer has already moved every other one.
    const last = net.parameters().at(-1)?.data;
    if (!last) throw new Error('the network has no parameters');
    const assign = last.assign.bind(last);
    last.assign = (value) => (fired ? assign(value) : fire());
    return;
  }
  const layer = net.layers[net.layers.length - 1];
  const forward = layer.forward.bind(layer);
  // The identity, whose gradient throws: backpropagation fails half-way through the tape.
  const throwsOnBackward = tf.customGrad((...inputs) => ({
    value: tf.clone(inputs[0] as tf.Tensor),
    gradFunc: fire,
  }));
  layer.forward = (x) => {
    if (fired) return forward(x);
    const outputs = forward(x);
    if (place === 'backward') {
      const wrapped = throwsOnBackward(outputs);
      outputs.dispose();
      return wrapped;
    }
    outputs.dispose();
    return fire();
  };
}
