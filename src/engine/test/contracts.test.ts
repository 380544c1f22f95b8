import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { backward, NoGradFnError } from '../autograd';
import { parseCase } from '../case';
import { deepcopy } from '../copy';
import { runStackedCase } from '../func/runStackedCase';
import { stackModels } from '../func/stackModels';
import { stackModuleState } from '../func/stackModuleState';
import { BatchNorm1d, Dropout, Linear, ReLU, Sequential } from '../nn';
import { Adam, SGD } from '../optim';
import { manualSeed } from '../random';
import { trainStep } from '../trainStep';

/**
 * What the engine promises that no golden reaches, found by mutation testing (docs/TESTING.md):
 * PyTorch's defaults and names, its refusals and messages, and state that round-trips.
 */
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const net = () =>
  new Sequential(new Linear(2, 4), new BatchNorm1d(4), new ReLU(), new Dropout(0.2), new Linear(4, 3));
const batch = (n: number, seed: number) => ({
  x: tf.randomNormal([n, 2], 0, 1, 'float32', seed),
  y: tf.tensor1d(
    Array.from({ length: n }, (_, i) => i % 3),
    'int32',
  ),
});
const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('modules, as PyTorch makes them', () => {
  it('start in training mode', () => {
    manualSeed(1);
    const m = net();
    expect([m.training, ...m.layers.map((l) => l.training)].every(Boolean)).toBe(true);
    m.dispose();
  });

  it('name their buffers by path, as state_dict() keys', () => {
    manualSeed(1);
    const m = net();
    expect(m.namedBuffers().map(([k]) => k)).toEqual([
      '1.running_mean',
      '1.running_var',
      '1.num_batches_tracked',
    ]);
    m.dispose();
  });
});

describe('trainStep’s defaults', () => {
  it('train the model and evaluate model_old when no mode is given, as the article does', () => {
    manualSeed(2);
    const model = net();
    const modelOld = deepcopy(model);
    model.eval();
    modelOld.train();
    const opt = new SGD(model.parameters(), { lr: 0.1 });
    const { x, y } = batch(8, 3);
    const losses = trainStep(model, modelOld, x, y, opt, { lambda: 1 });
    expect([model.training, modelOld.training]).toEqual([true, false]);
    tf.dispose([x, y, losses.lossNew, losses.klPenalty, losses.totalLoss]);
    opt.dispose();
    model.dispose();
    modelOld.dispose();
  });

  it('with freezeBatchNorm, keep the model’s BatchNorm in eval: its running statistics stay', () => {
    manualSeed(3);
    const model = net();
    const modelOld = deepcopy(model);
    const bn = model.layers[1] as BatchNorm1d;
    const before = values(bn.runningMean);
    const opt = new SGD(model.parameters(), { lr: 0.1 });
    const { x, y } = batch(8, 4);
    const losses = trainStep(model, modelOld, x, y, opt, { lambda: 1, freezeBatchNorm: true });
    expect(values(bn.runningMean)).toEqual(before);
    expect([bn.training, model.layers[3].training]).toEqual([false, true]);
    tf.dispose([x, y, losses.lossNew, losses.klPenalty, losses.totalLoss]);
    opt.dispose();
    model.dispose();
    modelOld.dispose();
  });
});

describe('backward’s errors', () => {
  it('say PyTorch’s words when nothing leads to the parameters', () => {
    manualSeed(4);
    const m = net();
    expect(() => backward(() => tf.scalar(1), m.parameters())).toThrow(
      'element 0 of tensors does not require grad and does not have a grad_fn',
    );
    expect(() => backward(() => tf.scalar(1), m.parameters())).toThrow(NoGradFnError);
    m.dispose();
  });

  it('let a failing loss’s own error through, and leak nothing', () => {
    manualSeed(5);
    const m = net();
    const { x } = batch(4, 6);
    const start = tf.memory().numTensors;
    const failing = () => {
      tf.sum(m.forward(x)); // recorded ops save tensors for their gradients
      throw new Error('the loss failed');
    };
    expect(() => backward(failing, m.parameters())).toThrow('the loss failed');
    expect(tf.memory().numTensors).toBe(start);
    // The tape was dropped: the next backward works and gives every parameter a gradient.
    const loss = backward(() => tf.sum(m.forward(x)) as tf.Scalar, m.parameters());
    expect(m.parameters().every((p) => p.grad)).toBe(true);
    tf.dispose([x, loss]);
    m.dispose();
  });
});

describe('stacked runs refuse what they cannot stack', () => {
  it('stackModuleState needs models, all with the same keys', () => {
    expect(() => stackModuleState([])).toThrow('stackModuleState needs at least one model');
    manualSeed(6);
    const a = net();
    const b = new Sequential(new Linear(2, 4), new ReLU(), new Linear(4, 3));
    expect(() => stackModuleState([a, b])).toThrow(/the models differ/);
    a.dispose();
    b.dispose();
  });

  it('stacked BatchNorm keeps each layer’s momentum and eps, and refuses one sample in training', () => {
    manualSeed(7);
    const make = () => new Sequential(new Linear(2, 3), new BatchNorm1d(3, { momentum: 0.5, eps: 0.01 }));
    const singles = [make(), make()];
    const stacked = stackModels(singles);
    const x = tf.randomNormal([2, 6, 2], 0, 1, 'float32', 8);
    const out = stacked.forward(x);
    const stackedBn = stacked.layers[1] as BatchNorm1d;
    singles.forEach((single, k) => {
      const xk = tf.squeeze(tf.slice(x, [k], [1]), [0]);
      const outK = single.forward(xk);
      const bn = single.layers[1] as BatchNorm1d;
      const mean = tf.squeeze(tf.slice(stackedBn.runningMean, [k], [1]), [0]);
      expect(
        values(mean)
          .map((v, i) => v - values(bn.runningMean)[i])
          .every((d) => Math.abs(d) < 1e-6),
      ).toBe(true);
      const outStacked = tf.squeeze(tf.slice(out, [k], [1]), [0]);
      expect(tf.max(tf.abs(tf.sub(outStacked, outK))).dataSync()[0]).toBeLessThan(1e-5);
      tf.dispose([xk, outK, mean, outStacked]);
    });
    const one = tf.randomNormal([2, 1, 2]);
    expect(() => stacked.forward(one)).toThrow('Expected more than 1 value per channel when training');
    tf.dispose([x, out, one]);
    for (const m of [...singles, stacked]) m.dispose();
  });

  it('a stacked case needs runs that share everything but λ and their data', async () => {
    const golden = new URL('../../../tools/golden/stacked/stacked_lab_adam.json', import.meta.url);
    const runs = JSON.parse(readFileSync(golden, 'utf8')).runs.map(parseCase);
    await expect(runStackedCase([])).rejects.toThrow('a stacked case needs at least one run');
    const otherOptimizer = { ...runs[1], optimizer: { type: 'sgd' as const, lr: 0.1 } };
    await expect(runStackedCase([runs[0], otherOptimizer])).rejects.toThrow(/must share/);
    const withPitfall = { ...runs[0], pitfalls: { teacher_no_grad: false, probs_as_input: false } };
    await expect(runStackedCase([withPitfall])).rejects.toThrow('stacked runs leave the pitfalls out');
  });
});

describe('optimizer state dicts', () => {
  it.each([
    ['Adam', (p: ReturnType<typeof net>) => new Adam(p.parameters(), { lr: 0.05 })],
    [
      'SGD with momentum',
      (p: ReturnType<typeof net>) => new SGD(p.parameters(), { lr: 0.05, momentum: 0.9 }),
    ],
  ] as const)('%s: loaded into a fresh optimizer, the next step is the same', (_, make) => {
    manualSeed(9);
    const a = net();
    a.eval(); // no dropout draws: both copies must see the same forward
    const b = deepcopy(a);
    const [optA, optB] = [make(a), make(b)];
    const step = (m: Sequential, opt: Adam | SGD, seed: number) => {
      const { x, y } = batch(8, seed);
      opt.zeroGrad();
      const loss = backward(() => tf.sum(tf.square(m.forward(x))) as tf.Scalar, m.parameters());
      opt.step();
      tf.dispose([x, y, loss]);
    };
    step(a, optA, 10);
    step(b, optB, 10);
    const state = optA.stateDict();
    const fresh = make(b);
    fresh.loadStateDict(state);
    step(a, optA, 11);
    step(b, fresh, 11);
    a.parameters().forEach((p, i) => {
      expect(values(p.data)).toEqual(values(b.parameters()[i].data));
    });
    for (const o of [optA, optB, fresh]) o.dispose();
    a.dispose();
    b.dispose();
  });
});
