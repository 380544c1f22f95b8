import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { BackendStatus } from './backend';

// For the sessions' tests in Node: the backend they are given to start is TF.js's CPU backend.

/** What a session is told when it starts a backend in the tests. */
export const CPU: BackendStatus = {
  name: 'cpu',
  reason: 'forced',
  software: false,
  failures: [],
  measured: [],
  softwareOnly: [],
};

/** A session's `chooseBackend` in the tests: always TF.js's CPU backend. */
export async function startCpuBackend(): Promise<BackendStatus> {
  await tf.setBackend('cpu');
  return CPU;
}
