import type * as tf from '@tensorflow/tfjs-core';
import type { Parameter } from '../nn/parameter';

/**
 * `optimizer.state_dict()['state']`: each parameter's state under its index in `params`, named as
 * PyTorch names it (`step`, `exp_avg`, `exp_avg_sq`; `momentum_buffer`). Tensors are live references.
 */
export type OptimizerState = Map<number, Record<string, tf.Tensor | number>>;

/** `torch.optim.Optimizer`: owns a list of parameters, steps them from their `.grad`. */
export abstract class Optimizer {
  constructor(readonly params: Parameter[]) {}

  zeroGrad(): void {
    for (const p of this.params) {
      p.grad?.dispose();
      p.grad = null;
    }
  }

  abstract step(): void;

  abstract stateDict(): OptimizerState;

  /** Replaces the optimizer's state with copies of `state`'s values (`optimizer.load_state_dict`). */
  abstract loadStateDict(state: OptimizerState): void;

  /** Releases the optimizer's own state (momentum buffers, moments). */
  abstract dispose(): void;
}
