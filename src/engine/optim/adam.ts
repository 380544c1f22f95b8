import * as tf from '@tensorflow/tfjs-core';
import type { Parameter } from '../nn/parameter';
import { Optimizer, type OptimizerState } from './optimizer';

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
}

interface Moments {
  step: number;
  expAvg: tf.Variable;
  expAvgSq: tf.Variable;
}

/**
 * `optim.Adam(params)` with PyTorch's defaults (lr 1e-3, betas 0.9/0.999, eps 1e-8; TF.js would
 * use its backend epsilon) and its order of operations:
 * p −= lr/(1−β1ᵗ) · m / (√v / √(1−β2ᵗ) + eps).
 */
export class Adam extends Optimizer {
  /** Mutable, like PyTorch's param_groups[0]['lr']: a new rate applies from the next step. */
  lr: number;
  readonly betas: [number, number];
  readonly eps: number;
  private readonly state = new Map<Parameter, Moments>();

  constructor(params: Parameter[], { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8 }: AdamOptions = {}) {
    super(params);
    this.lr = lr;
    this.betas = betas;
    this.eps = eps;
  }

  step(): void {
    const [beta1, beta2] = this.betas;
    tf.tidy(() => {
      for (const p of this.params) {
        if (!p.grad) continue;
        const s = this.momentsOf(p);
        s.step += 1;
        s.expAvg.assign(tf.add(tf.mul(s.expAvg, beta1), tf.mul(p.grad, 1 - beta1)));
        s.expAvgSq.assign(tf.add(tf.mul(s.expAvgSq, beta2), tf.mul(tf.square(p.grad), 1 - beta2)));
        const stepSize = this.lr / (1 - beta1 ** s.step);
        const denom = tf.add(tf.div(tf.sqrt(s.expAvgSq), Math.sqrt(1 - beta2 ** s.step)), this.eps);
        p.data.assign(tf.sub(p.data, tf.mul(tf.div(s.expAvg, denom), stepSize)));
      }
    });
  }

  private momentsOf(p: Parameter): Moments {
    let s = this.state.get(p);
    if (!s) {
      s = {
        step: 0,
        expAvg: tf.variable(tf.zerosLike(p.data), false),
        expAvgSq: tf.variable(tf.zerosLike(p.data), false),
      };
      this.state.set(p, s);
    }
    return s;
  }

  stateDict(): OptimizerState {
    const out: OptimizerState = new Map();
    this.params.forEach((p, i) => {
      const s = this.state.get(p);
      if (s) out.set(i, { step: s.step, exp_avg: s.expAvg, exp_avg_sq: s.expAvgSq });
    });
    return out;
  }

  loadStateDict(state: OptimizerState): void {
    this.dispose();
    for (const [i, { step, exp_avg, exp_avg_sq }] of state) {
      this.state.set(this.params[i], {
        step: step as number,
        expAvg: tf.variable(exp_avg as tf.Tensor, false),
        expAvgSq: tf.variable(exp_avg_sq as tf.Tensor, false),
      });
    }
  }

  dispose(): void {
    for (const s of this.state.values()) {
      s.expAvg.dispose();
      s.expAvgSq.dispose();
    }
    this.state.clear();
  }
}
