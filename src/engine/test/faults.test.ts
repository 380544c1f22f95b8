import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deepcopy } from '../copy';
import { buildNet } from '../labNet';
import { type Module, Sequential } from '../nn';
import { Adam } from '../optim';
import { liveBatch, modesGrid } from '../probes';
import { manualSeed, nextSeed, randomState, restoreRandomState } from '../random';
import type { Scenario } from '../scenario';
import { trainStep } from '../trainStep';
import { type FaultPlace, InjectedFault, plantFault } from './faults';
import { scenarioAfterOneStep } from './pretrained';

const PLACES: FaultPlace[] = ['loss', 'backward', 'optimizer'];

/** Live tensors, leaving out each parameter's `.grad`: like PyTorch's, it stays until zero_grad. */
function tensorsBesideGrads(...nets: Module[]): number {
  const grads = nets.flatMap((net) => net.parameters()).filter((p) => p.grad).length;
  return tf.memory().numTensors - grads;
}

/** Throws from the `n`-th `Sequential.forward` on (after the real forward ran); undo with mockRestore. */
function throwFromForward(n: number) {
  const forward = Sequential.prototype.forward;
  let calls = 0;
  return vi.spyOn(Sequential.prototype, 'forward').mockImplementation(function (this: Sequential, x) {
    const outputs = forward.call(this, x);
    if (++calls < n) return outputs;
    outputs.dispose();
    throw new InjectedFault('forward');
  });
}

let scenario: Scenario;

beforeAll(async () => {
  await tf.setBackend('cpu');
  scenario = scenarioAfterOneStep();
}, 60_000);

afterAll(() => scenario.dispose());

describe.each(PLACES)('a step that throws in the %s', (place) => {
  it('trainStep leaves no tensor behind, and the next step runs', () => {
    manualSeed(3);
    const model = buildNet(0.1);
    const modelOld = deepcopy(model);
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', nextSeed());
    const y = tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], 'int32');
    const optimizer = new Adam(model.parameters(), { lr: 0.01 });
    const step = () => trainStep(model, modelOld, x, y, optimizer, { lambda: 1 });
    tf.dispose(Object.values(step()));
    const before = tensorsBesideGrads(model);

    plantFault(model, place);
    expect(step).toThrow(InjectedFault);
    expect(tensorsBesideGrads(model)).toBe(before);

    tf.dispose(Object.values(step()));
    expect(tensorsBesideGrads(model)).toBe(before);
    for (const t of [model, modelOld, optimizer, x, y]) t.dispose();
  });

  it('Scenario.step leaves no tensor behind and counts no step', () => {
    const stepsDone = scenario.fineTuneStepsDone;
    const before = tensorsBesideGrads(scenario.model);

    plantFault(scenario.model, place);
    expect(() => scenario.step()).toThrow(InjectedFault);
    expect(tensorsBesideGrads(scenario.model)).toBe(before);
    expect(scenario.fineTuneStepsDone).toBe(stepsDone);

    tf.dispose(Object.values(scenario.step()));
    expect(tensorsBesideGrads(scenario.model)).toBe(before);
    expect(scenario.fineTuneStepsDone).toBe(stepsDone + 1);
  });
});

describe('a measurement that throws', () => {
  it('modesGrid leaves no tensor behind and restores the random state', async () => {
    const before = tf.memory().numTensors;
    const state = randomState();
    // The second forward: the first has drawn its dropout masks from the generator.
    const fault = throwFromForward(2);
    await expect(modesGrid(scenario)).rejects.toThrow(InjectedFault);
    fault.mockRestore();
    expect(tf.memory().numTensors).toBe(before);
    const nextDraws = [nextSeed(), nextSeed(), nextSeed()];
    restoreRandomState(state);
    expect(nextDraws).toEqual([nextSeed(), nextSeed(), nextSeed()]);
  });

  it('liveBatch leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const fault = throwFromForward(2); // model_old's forward, after the model's
    await expect(liveBatch(scenario)).rejects.toThrow(InjectedFault);
    fault.mockRestore();
    expect(tf.memory().numTensors).toBe(before);
  });
});
