import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATE, scenarioSettings } from '../src/state/schema';
import { soakScenario } from './soakScenario';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the soak', () => {
  it('ends 300 fine-tuning steps with the tensors it started with, at every sample too', async () => {
    const report = await soakScenario(scenarioSettings(DEFAULT_STATE), 300, 100);
    expect(report.samples.map((s) => s.step)).toEqual([0, 100, 200, 300]);
    expect(report.samples.map((s) => s.tensors)).toEqual(report.samples.map(() => report.tensors.start));
    expect(report.tensors.end).toBe(report.tensors.start);
    expect(report.samples.every((s) => Number.isFinite(s.totalLoss))).toBe(true);
  });
});
