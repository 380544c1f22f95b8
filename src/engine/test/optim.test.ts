import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { Parameter } from '../nn/parameter';
import { Adam, type Optimizer, SGD } from '../optim';

const START = [0.5, -0.25];
const GRAD = [0.3, -2];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function parameter(values: number[]): Parameter {
  return Parameter.of(() => tf.tensor1d(values));
}

const values = (p: Parameter) => Array.from(p.data.dataSync());

/** Float64 reference of Adam's first step on `grad`: the bias corrections cancel (1−β)/(1−β). */
function adamFirstStep(start: number[], grad: number[], lr: number, eps: number): number[] {
  return start.map((p, i) => p - (lr * grad[i]) / (Math.abs(grad[i]) + eps));
}

const OPTIMIZERS: [string, (params: Parameter[]) => Optimizer][] = [
  ['Adam', (params) => new Adam(params, { lr: 0.1 })],
  ['SGD with momentum', (params) => new SGD(params, { lr: 0.1, momentum: 0.9 })],
];

describe.each(OPTIMIZERS)('%s', (_, make) => {
  it('leaves a parameter whose .grad is None untouched, as PyTorch skips it', () => {
    const [trained, idle] = [parameter(START), parameter(START)];
    const optimizer = make([trained, idle]);
    trained.grad = tf.tensor1d(GRAD);
    optimizer.step();
    expect(values(idle)).toEqual(START);
    expect(values(trained)).not.toEqual(START);
    optimizer.zeroGrad();
    optimizer.dispose();
    tf.dispose([trained.data, idle.data]);
  });

  it('dispose releases every tensor its steps created', () => {
    const p = parameter(START);
    p.grad = tf.tensor1d(GRAD);
    const before = tf.memory().numTensors;
    const optimizer = make([p]);
    optimizer.step();
    optimizer.step();
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    optimizer.zeroGrad();
    p.data.dispose();
  });
});

describe('Adam', () => {
  it('counts steps per parameter: one first updated at step 2 gets the first step’s bias correction', () => {
    const [early, late] = [parameter(START), parameter(START)];
    const lr = 0.1;
    const adam = new Adam([early, late], { lr });
    early.grad = tf.tensor1d(GRAD);
    adam.step();
    late.grad = tf.tensor1d(GRAD);
    adam.step();
    const expected = adamFirstStep(START, GRAD, lr, adam.eps);
    values(late).forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 6);
    });
    adam.zeroGrad();
    adam.dispose();
    tf.dispose([early.data, late.data]);
  });
});
