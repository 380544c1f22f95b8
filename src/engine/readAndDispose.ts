import type * as tf from '@tensorflow/tfjs-core';

/**
 * A measurement's values, read once: the tensor is disposed whether or not the read succeeds (a
 * GPU read can fail, e.g. when the device is lost).
 */
export async function readAndDispose(tensor: tf.Tensor): Promise<Float32Array> {
  try {
    return (await tensor.data()) as Float32Array;
  } finally {
    tensor.dispose();
  }
}
