import * as tf from '@tensorflow/tfjs-core';
// TF.js keeps gradient definitions in a separate module; without it nothing can be differentiated.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Parameter } from './nn/parameter';

/**
 * `loss.backward()` for TF.js: evaluates `loss` while recording, then adds d(loss)/d(param) into
 * each parameter's `.grad`. Like PyTorch, gradients accumulate until the optimizer's `zeroGrad`.
 * Only `params` receive gradients: TF.js has no `requires_grad`, and its default would be every
 * variable in the program (the frozen model too). Returns the loss value; the caller owns it.
 */
export function backward(loss: () => tf.Scalar, params: Parameter[]): tf.Scalar {
  let value: tf.Scalar | undefined;
  let grads: tf.NamedTensorMap;
  try {
    ({ value, grads } = tf.variableGrads(
      () => (value = loss()),
      params.map((p) => p.data),
    ));
  } catch (error) {
    value?.dispose();
    discardTape();
    throw error;
  }
  for (const p of params) {
    const g = grads[p.data.name];
    if (!g) continue; // not on the path to the loss: PyTorch leaves .grad as it was
    if (p.grad) {
      const sum = tf.add(p.grad, g);
      p.grad.dispose();
      g.dispose();
      p.grad = sum;
    } else {
      p.grad = g;
    }
  }
  return value;
}

/**
 * What TF.js does at the end of a backward that succeeds, and skips when the loss or a gradient
 * throws: the tensors each recorded op saved for its gradient are kept until the tape is dropped.
 */
function discardTape(): void {
  const { state } = tf.engine();
  if (state.gradientDepth > 0) return; // inside an outer gradient, which owns the tape
  for (const node of state.activeTape ?? []) tf.dispose(node.saved ?? []);
  state.activeTape = [];
}

/** √(Σ‖p.grad‖²) over a module's parameters that hold a gradient (0 when none does). */
export async function gradNorm(module: { parameters(): Parameter[] }): Promise<number> {
  const grads = module.parameters().flatMap((p) => (p.grad ? [p.grad] : []));
  if (grads.length === 0) return 0;
  const norm = tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))));
  const value = (await norm.data())[0];
  norm.dispose();
  return value;
}
