import * as tf from '@tensorflow/tfjs-core';
import type { Parameter } from './parameter';

/** The base of every layer, mirroring `torch.nn.Module`: mode, parameters, buffers, state dict. */
export abstract class Module {
  training = true;

  abstract forward(x: tf.Tensor): tf.Tensor;

  /** A deep copy with its own variables: `copy.deepcopy(model)`. */
  abstract clone(): Module;

  /** Direct sub-modules, named as PyTorch names them in state-dict keys. */
  namedChildren(): [string, Module][] {
    return [];
  }

  /** This module's own parameters (not its children's), in PyTorch's order. */
  protected ownParameters(): [string, Parameter][] {
    return [];
  }

  /** This module's own non-trainable state (running statistics), in PyTorch's order. */
  protected ownBuffers(): [string, tf.Variable][] {
    return [];
  }

  train(mode = true): this {
    this.training = mode;
    for (const [, child] of this.namedChildren()) child.train(mode);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  namedParameters(prefix = ''): [string, Parameter][] {
    const own = this.ownParameters().map(([k, p]): [string, Parameter] => [prefix + k, p]);
    const nested = this.namedChildren().flatMap(([name, child]) =>
      child.namedParameters(`${prefix}${name}.`),
    );
    return [...own, ...nested];
  }

  parameters(): Parameter[] {
    return this.namedParameters().map(([, p]) => p);
  }

  namedBuffers(prefix = ''): [string, tf.Variable][] {
    const own = this.ownBuffers().map(([k, b]): [string, tf.Variable] => [prefix + k, b]);
    const nested = this.namedChildren().flatMap(([name, child]) => child.namedBuffers(`${prefix}${name}.`));
    return [...own, ...nested];
  }

  /** Live references to every parameter and buffer under PyTorch's keys and in its order (no copies). */
  stateDict(prefix = ''): Map<string, tf.Variable> {
    const entries = new Map<string, tf.Variable>();
    for (const [k, p] of this.ownParameters()) entries.set(prefix + k, p.data);
    for (const [k, b] of this.ownBuffers()) entries.set(prefix + k, b);
    for (const [name, child] of this.namedChildren()) {
      for (const [k, v] of child.stateDict(`${prefix}${name}.`)) entries.set(k, v);
    }
    return entries;
  }

  /**
   * Copies values into this module's variables. Strict like PyTorch: a missing or unexpected key,
   * or a shape mismatch, throws. `optional` keys may be absent (num_batches_tracked).
   */
  loadStateDict(state: ReadonlyMap<string, tf.Tensor>, optional: (key: string) => boolean = isCounter): void {
    const own = this.stateDict();
    for (const key of state.keys()) {
      if (!own.has(key)) throw new Error(`unexpected key "${key}" in state dict`);
    }
    for (const [key, target] of own) {
      const value = state.get(key);
      if (!value) {
        if (optional(key)) continue;
        throw new Error(`state dict is missing key "${key}"`);
      }
      if (!tf.util.arraysEqual(value.shape, target.shape)) {
        throw new Error(`state dict key "${key}" has shape [${value.shape}], expected [${target.shape}]`);
      }
      const next = tf.cast(value, target.dtype);
      target.assign(next);
      next.dispose(); // the variable keeps its own reference to the data
    }
  }

  /** Releases every variable and gradient this module owns. */
  dispose(): void {
    for (const p of this.parameters()) {
      p.grad?.dispose();
      p.grad = null;
      p.data.dispose();
    }
    for (const [, b] of this.namedBuffers()) b.dispose();
  }
}

function isCounter(key: string): boolean {
  return key.endsWith('num_batches_tracked');
}
