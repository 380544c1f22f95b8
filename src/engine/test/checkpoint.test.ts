import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  type Checkpoint,
  checkpoint,
  checkpointArrays,
  isFiniteCheckpoint,
  restoreCheckpoint,
} from '../checkpoint';
import { Scenario } from '../scenario';
import { SCENARIO_DEFAULTS, type ScenarioSettings } from '../scenarioSettings';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Total losses of `count` more steps, and the accuracies after them. */
async function stepOn(s: Scenario, count: number): Promise<{ totals: number[]; acc: number[] }> {
  const totals: number[] = [];
  for (let i = 0; i < count; i++) {
    const l = s.step();
    totals.push((await l.totalLoss.data())[0]);
    tf.dispose([l.lossNew, l.klPenalty, l.totalLoss]);
  }
  const { oldTaskAcc, newTaskAcc } = await s.accuracies();
  return { totals, acc: [oldTaskAcc, newTaskAcc] };
}

function pretrained(settings: ScenarioSettings): Scenario {
  const s = new Scenario(settings);
  while (!s.pretrained) s.pretrainStep();
  return s;
}

const CASES: [string, Partial<ScenarioSettings>][] = [
  ['Adam, dropout in train mode', { optimizer: 'adam', dropout: 0.3, modelMode: 'train' }],
  ['SGD with momentum', { optimizer: 'sgd', lr: 0.05 }],
  ['model_old without no_grad (its .grad piles up)', { teacherNoGrad: false }],
];

describe('a checkpoint', () => {
  it.each(CASES)('continues a run exactly: %s', async (_name, changes) => {
    const settings = { ...SCENARIO_DEFAULTS, ...changes };
    const k = 7;
    const n = 15;
    const whole = pretrained(settings);
    const first = await stepOn(whole, k);
    const saved = await checkpoint(whole);
    const rest = await stepOn(whole, n - k);
    const gradNorm = await whole.modelOldGradNorm();
    whole.dispose();

    const before = tf.memory().numTensors;
    const restored = restoreCheckpoint(saved);
    expect(restored.fineTuneStepsDone).toBe(k);
    const again = await stepOn(restored, n - k);
    expect(again.totals).toEqual(rest.totals);
    expect(again.acc).toEqual(rest.acc);
    expect(await restored.modelOldGradNorm()).toBe(gradNorm);
    expect(first.totals).toHaveLength(k);
    restored.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is taken right after pretraining too, and differs from a fresh one once steps were trained', async () => {
    const s = pretrained(SCENARIO_DEFAULTS);
    const atZero = await checkpoint(s);
    expect(atZero.step).toBe(0);
    expect(atZero.optimizer).toEqual([]); // Adam has no moments before its first step
    await stepOn(s, 3);
    const atThree = await checkpoint(s);
    expect(atThree.optimizer).toHaveLength(s.model.parameters().length);
    expect(atThree.model['0.weight'].values).not.toEqual(atZero.model['0.weight'].values);
    expect(atThree.modelOld['0.weight'].values).toEqual(atZero.modelOld['0.weight'].values);
    s.dispose();
  });

  it('holds copies, not the backend’s own arrays, and says whether it is finite', async () => {
    const s = pretrained(SCENARIO_DEFAULTS);
    await stepOn(s, 1);
    const saved: Checkpoint = await checkpoint(s);
    const weight = s.model.stateDict().get('0.weight');
    expect(saved.model['0.weight'].values).not.toBe(await weight?.data());
    expect(isFiniteCheckpoint(saved)).toBe(true);
    checkpointArrays(saved)[0][0] = Number.NaN;
    expect(isFiniteCheckpoint(saved)).toBe(false);
    s.dispose();
  });
});
