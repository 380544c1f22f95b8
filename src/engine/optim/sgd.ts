import * as tf from '@tensorflow/tfjs-core';
import type { Parameter } from '../nn/parameter';
import { Optimizer, type OptimizerState } from './optimizer';

export interface SGDOptions {
  lr: number;
  momentum?: number;
}

/**
 * `optim.SGD(params, lr, momentum)` with PyTorch's update (no dampening, no Nesterov):
 * buf = g on the first step, then buf = momentum·buf + g; p = p − lr·buf.
 */
export class SGD extends Optimizer {
  /** Mutable, like PyTorch's param_groups[0]['lr']: a new rate applies from the next step. */
  lr: number;
  readonly momentum: number;
  private readonly buffers = new Map<Parameter, tf.Variable>();

  constructor(params: Parameter[], { lr, momentum = 0 }: SGDOptions) {
    super(params);
    this.lr = lr;
    this.momentum = momentum;
  }

  step(): void {
    tf.tidy(() => {
      for (const p of this.params) {
        if (!p.grad) continue;
        let direction = p.grad;
        if (this.momentum !== 0) {
          const buf = this.buffers.get(p);
          if (buf) buf.assign(tf.add(tf.mul(buf, this.momentum), p.grad));
          else this.buffers.set(p, tf.variable(p.grad, false));
          direction = this.buffers.get(p) as tf.Variable;
        }
        p.data.assign(tf.sub(p.data, tf.mul(direction, this.lr)));
      }
    });
  }

  stateDict(): OptimizerState {
    const out: OptimizerState = new Map();
    this.params.forEach((p, i) => {
      const buf = this.buffers.get(p);
      if (buf) out.set(i, { momentum_buffer: buf });
    });
    return out;
  }

  loadStateDict(state: OptimizerState): void {
    this.dispose();
    for (const [i, { momentum_buffer }] of state) {
      this.buffers.set(this.params[i], tf.variable(momentum_buffer as tf.Tensor, false));
    }
  }

  dispose(): void {
    for (const buf of this.buffers.values()) buf.dispose();
    this.buffers.clear();
  }
}
