import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { nextSeed, randomState } from '../engine/random';
import { measureStepsPerSecond } from './backendProbe';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the backend probe', () => {
  it('gives a finite, positive rate of training steps', async () => {
    const rate = await measureStepsPerSecond(50);
    expect(rate).toBeGreaterThan(0);
    expect(Number.isFinite(rate)).toBe(true);
  });

  it('leaves no tensors behind', async () => {
    await measureStepsPerSecond(20); // the first call registers TF.js's lazily created scalars
    const before = tf.memory().numTensors;
    await measureStepsPerSecond(20);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves the seeded random stream where it was', async () => {
    const before = randomState();
    await measureStepsPerSecond(20);
    expect(randomState()).toBe(before);
    nextSeed();
    expect(randomState()).not.toBe(before);
  });
});
