import * as tf from '@tensorflow/tfjs-core';
// TF.js keeps gradient definitions in a separate module; without it nothing can be differentiated.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Parameter } from './nn/parameter';

/**
 * PyTorch's `RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn`:
 * nothing recorded leads from the parameters to the loss (it was computed under `noGrad`, or from
 * none of them), so there is nothing to differentiate.
 */
export class NoGradFnError extends Error {
  constructor() {
    super('element 0 of tensors does not require grad and does not have a grad_fn');
  }
}

/**
 * `loss.backward()` for TF.js: evaluates `loss` while recording, then adds d(loss)/d(param) into
 * each parameter's `.grad`. Like PyTorch, gradients accumulate until the optimizer's `zeroGrad`.
 * Only `params` receive gradients: TF.js has no `requires_grad`, and its default would be every
 * variable in the program (the frozen model too). Returns the loss value; the caller owns it.
 * Throws `NoGradFnError`, leaving every `.grad` as it was, when the loss reaches none of `params`.
 */
export function backward(loss: () => tf.Scalar, params: Parameter[]): tf.Scalar {
  let value: tf.Scalar | undefined;
  let grads: (tf.Tensor | undefined)[];
  try {
    // tf.variableGrads without its own check for "no connection", so that the engine can raise
    // PyTorch's error instead of TF.js's message. Unconnected parameters get no gradient.
    const allowNoGradients = true;
    ({ grads } = tf.engine().gradients(
      () => (value = loss()),
      params.map((p) => p.data),
      undefined,
      allowNoGradients,
    ));
  } catch (error) {
    value?.dispose();
    discardTape();
    throw error;
  }
  if (grads.every((g) => !g)) {
    value?.dispose();
    throw new NoGradFnError();
  }
  params.forEach((p, i) => {
    const g = grads[i];
    if (!g) return; // not on the path to the loss: PyTorch leaves .grad as it was
    if (p.grad) {
      const sum = tf.add(p.grad, g);
      p.grad.dispose();
      g.dispose();
      p.grad = sum;
    } else {
      p.grad = g;
    }
  });
  return value as tf.Scalar;
}

/**
 * `with torch.no_grad():` runs `fn` without recording it, even inside a `backward` closure, so no
 * gradient flows back through what it computes. TF.js records nothing while it runs a kernel (its
 * `kernelDepth` is above 0); raising the depth for the length of `fn` is how it is told so.
 */
export function noGrad<T>(fn: () => T): T {
  const { state } = tf.engine();
  state.kernelDepth += 1;
  try {
    return fn();
  } finally {
    state.kernelDepth -= 1;
  }
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
