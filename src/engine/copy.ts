import type { Module } from './nn/module';

/** `copy.deepcopy(model)`: a model with its own variables, same values and mode. */
export function deepcopy<M extends Module>(module: M): M {
  return module.clone() as M;
}
