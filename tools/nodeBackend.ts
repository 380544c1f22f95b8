import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { LabState } from '../src/state/schema';

/**
 * The backend a headless tool trains on. `auto` is TF.js's CPU backend for the 2-D scenario (plain
 * JavaScript, as every golden comparison runs) and WASM for the digits, whose 784-256-256-10
 * network the CPU backend steps about 20 times slower.
 */
export async function startNodeBackend(state: Pick<LabState, 'backend' | 'scenario'>): Promise<string> {
  const wanted = state.backend === 'auto' ? (state.scenario === 'digits' ? 'wasm' : 'cpu') : state.backend;
  if (wanted !== 'cpu' && wanted !== 'wasm')
    throw new Error(`headless runs use the cpu or wasm backend, not ${wanted}`);
  tf.env().set('PROD', true); // silences TF.js's advice to install tfjs-node
  if (wanted === 'wasm') setWasmPaths(`${resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
  if (!(await tf.setBackend(wanted))) throw new Error(`the ${wanted} backend did not start`);
  return wanted;
}
