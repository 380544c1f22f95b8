import type { Module } from './nn/module';
import { randomState, restoreRandomState } from './random';

/**
 * `copy.deepcopy(model)`: a model with its own variables, same values and mode. Building the copy
 * initialises layers from the generator; deepcopy in PyTorch draws nothing, so the draws are undone.
 */
export function deepcopy<M extends Module>(module: M): M {
  const saved = randomState();
  const copy = module.clone() as M;
  restoreRandomState(saved);
  return copy;
}
