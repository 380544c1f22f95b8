import type { Parameter } from '../nn/parameter';

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

  /** Releases the optimizer's own state (momentum buffers, moments). */
  abstract dispose(): void;
}
