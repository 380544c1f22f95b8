import * as tf from '@tensorflow/tfjs-core';
import type { Module } from '../nn/module';

/**
 * `torch.func.stack_module_state(models)`: every parameter and buffer of K models of one shape,
 * stacked on a new leading axis under the models' own state-dict keys (`0.weight` → [K, out, in]).
 * The caller owns the tensors.
 */
export function stackModuleState(models: Module[]): Map<string, tf.Tensor> {
  if (models.length === 0) throw new Error('stackModuleState needs at least one model');
  const states = models.map((m) => m.stateDict());
  const stacked = new Map<string, tf.Tensor>();
  for (const key of states[0].keys()) {
    stacked.set(
      key,
      tf.stack(
        states.map((s) => {
          const value = s.get(key);
          if (!value) throw new Error(`the models differ: one has no "${key}"`);
          return value;
        }),
      ),
    );
  }
  return stacked;
}

/** Run `k`'s slice of a stacked state dict, under the same keys: one model's state. The caller owns it. */
export function unstackModuleState(
  stacked: ReadonlyMap<string, tf.Tensor>,
  k: number,
): Map<string, tf.Tensor> {
  const state = new Map<string, tf.Tensor>();
  for (const [key, value] of stacked) {
    state.set(
      key,
      tf.tidy(() => tf.squeeze(tf.slice(value, [k], [1]), [0])),
    );
  }
  return state;
}
