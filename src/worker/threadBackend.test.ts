import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { changeBackend, onRunningBackend, runningBackend, switchTo } from './threadBackend';

// The page's own thread, where the lab starts a backend that initialises asynchronously (as WASM
// and WebGPU do) while the lessons ask for a few numbers.
let resolveSlowStart: () => void = () => {};
tf.registerBackend(
  'slow',
  () =>
    new Promise<MathBackendCPU>((resolve) => {
      resolveSlowStart = () => resolve(new MathBackendCPU());
    }),
);
for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'slow' });

describe("engines sharing one thread's TF.js", () => {
  it("run a guest's work on the backend being started, and switch nothing under it", async () => {
    const labStarts = changeBackend(() => switchTo('slow'));
    const lessonsAnswer = onRunningBackend('cpu', () => [
      tf.getBackend(),
      tf.sum(tf.tensor1d([1, 2])).dataSync()[0],
    ]);
    await Promise.resolve();
    resolveSlowStart();
    await labStarts;
    expect(await lessonsAnswer).toEqual(['slow', 3]);
    // Had the lessons switched to their CPU backend meanwhile, TF.js would name one backend and run another.
    expect(tf.getBackend()).toBe('slow');
    expect(tf.backend()).toBe(tf.findBackend('slow'));
    expect(runningBackend()).toBe('slow');
  });

  it('start the fallback where no backend runs yet, and report a failed start', async () => {
    tf.registerBackend('broken', () => {
      throw new Error('no device');
    });
    await expect(changeBackend(() => switchTo('broken'))).rejects.toThrow(
      'TF.js could not initialise the broken backend',
    );
    // A failed change does not block the ones after it.
    expect(await onRunningBackend('cpu', () => tf.tensor1d([4]).dataSync()[0])).toBe(4);
  });
});
