import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from './data/sectorTask';
import * as F from './functional';
import type { Sequential } from './nn';
import { readAndDispose } from './readAndDispose';

/** A dataset on the backend: inputs, integer labels and their count. */
export interface TensorSet {
  x: tf.Tensor2D;
  y: tf.Tensor1D;
  n: number;
}

export function toTensors(d: Dataset): TensorSet {
  return { x: tf.tensor2d(d.x), y: tf.tensor1d(d.y, 'int32'), n: d.y.length };
}

/** Runs `fn` with `net` and all its layers in eval mode, then restores every layer's mode. */
export function inEvalMode<T>(net: Sequential, fn: () => T): T {
  const modes = [net.training, ...net.layers.map((l) => l.training)];
  net.eval();
  try {
    return fn();
  } finally {
    net.training = modes[0];
    net.layers.forEach((l, i) => {
      l.training = modes[i + 1];
    });
  }
}

/** Fraction of `set` that `net` (in eval mode) classifies correctly. */
export async function accuracy(net: Sequential, set: TensorSet): Promise<number> {
  const correct = inEvalMode(net, () =>
    tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(net.forward(set.x), 1), set.y), 'float32'))),
  );
  return (await readAndDispose(correct))[0] / set.n;
}

/** Class probabilities of `net` (eval mode) at each point of `grid`. */
export async function probabilities(net: Sequential, grid: tf.Tensor2D): Promise<Float32Array> {
  return readAndDispose(inEvalMode(net, () => tf.tidy(() => F.softmax(net.forward(grid)))));
}

/** A size×size grid of points over [-extent, extent]², row-major from the top-left corner. */
export function gridPoints(size: number, extent: number): tf.Tensor2D {
  const coords: number[][] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const at = (i: number) => -extent + ((i + 0.5) * 2 * extent) / size;
      coords.push([at(col), -at(row)]);
    }
  }
  return tf.tensor2d(coords);
}
