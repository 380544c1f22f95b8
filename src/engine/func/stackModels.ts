import * as tf from '@tensorflow/tfjs-core';
import { BatchNorm1d, Dropout, Linear, type Module, ReLU, Sequential } from '../nn';
import { StackedBatchNorm1d } from './stackedBatchNorm1d';
import { StackedLinear } from './stackedLinear';
import { stackModuleState } from './stackModuleState';

/**
 * What PyTorch writes as `vmap(functional_call)` over `stack_module_state(models)`: one network
 * that runs K copies of `models[0]`'s architecture at once, each with its own parameters, buffers
 * and mode, on inputs [K, B, features]. It is a `Sequential` of stacked layers with the models'
 * state-dict keys, so optimizers, `train()`/`eval()` and `loadStateDict` work on it unchanged.
 * ReLU and Dropout are elementwise and are the single-run layers themselves.
 */
export function stackModels(models: Sequential[]): Sequential {
  const runs = models.length;
  const stacked = new Sequential(...models[0].layers.map((layer) => stackedLayer(layer, runs)));
  const state = stackModuleState(models);
  try {
    stacked.loadStateDict(state);
  } finally {
    tf.dispose([...state.values()]);
  }
  stacked.training = models[0].training;
  stacked.layers.forEach((layer, i) => {
    layer.training = models[0].layers[i].training;
  });
  return stacked;
}

function stackedLayer(layer: Module, runs: number): Module {
  if (layer instanceof Linear) return new StackedLinear(runs, layer.inFeatures, layer.outFeatures);
  if (layer instanceof BatchNorm1d)
    return new StackedBatchNorm1d(runs, layer.numFeatures, layer.momentum, layer.eps);
  if (layer instanceof Dropout) return new Dropout(layer.p);
  if (layer instanceof ReLU) return new ReLU();
  throw new Error(`no stacked form of ${layer.constructor.name}`);
}
