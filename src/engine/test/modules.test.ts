import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backward } from '../autograd';
import { type NestedNumbers, parseCase, type TrainCase } from '../case';
import { deepcopy } from '../copy';
import { BatchNorm1d, Linear, type Module, type Sequential } from '../nn';
import { SGD } from '../optim';
import { manualSeed } from '../random';
import { buildModel, buildOptimizer, loadJSONState, stateToJSON } from '../runCase';
import { trainStep } from '../trainStep';

const articleCase: TrainCase = parseCase(
  JSON.parse(readFileSync(new URL('../../../tools/golden/cases/article_adam.json', import.meta.url), 'utf8')),
);

const created: Module[] = [];

/** The case's net [linear 2→16, batchnorm1d 16, relu, dropout, linear 16→3] with its initial state. */
function articleModel(): Sequential {
  const model = buildModel(articleCase.layers);
  loadJSONState(model, articleCase.state);
  created.push(model);
  return model;
}

function track<M extends Module>(m: M): M {
  created.push(m);
  return m;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => {
  for (const m of created.splice(0)) m.dispose();
});

/** Copies of every entry of a state dict, as a Map loadStateDict accepts; the caller disposes them. */
function cloneState(model: Module): Map<string, tf.Tensor> {
  return new Map([...model.stateDict()].map(([k, v]) => [k, tf.clone(v)]));
}

function disposeState(state: Map<string, tf.Tensor>): void {
  tf.dispose([...state.values()]);
}

function modesOf(model: Sequential): boolean[] {
  return [model.training, ...model.layers.map((l) => l.training)];
}

describe('state dict', () => {
  const pytorchKeys = [
    '0.weight',
    '0.bias',
    '1.weight',
    '1.bias',
    '1.running_mean',
    '1.running_var',
    '1.num_batches_tracked',
    '4.weight',
    '4.bias',
  ];

  it('the case builds the article net', () => {
    expect(articleCase.layers.map((l) => l.type)).toEqual([
      'linear',
      'batchnorm1d',
      'relu',
      'dropout',
      'linear',
    ]);
  });

  it("has exactly PyTorch's keys", () => {
    const model = articleModel();
    expect([...model.stateDict().keys()].sort()).toEqual([...pytorchKeys].sort());
  });

  it("lists the keys in PyTorch's order (module by module: parameters, then buffers)", () => {
    const model = articleModel();
    expect([...model.stateDict().keys()]).toEqual(pytorchKeys);
  });

  it('stores Linear weights as [out, in] and BatchNorm vectors as [features]', () => {
    const shapes = Object.fromEntries([...articleModel().stateDict()].map(([k, v]) => [k, v.shape]));
    expect(shapes).toEqual({
      '0.weight': [16, 2],
      '0.bias': [16],
      '1.weight': [16],
      '1.bias': [16],
      '1.running_mean': [16],
      '1.running_var': [16],
      '1.num_batches_tracked': [],
      '4.weight': [3, 16],
      '4.bias': [3],
    });
    expect(articleModel().stateDict().get('1.num_batches_tracked')?.dtype).toBe('int32');
  });

  it('parameters are the weights and biases only, in state-dict order', () => {
    const model = articleModel();
    const names = model.namedParameters().map(([k]) => k);
    expect(names).toEqual(['0.weight', '0.bias', '1.weight', '1.bias', '4.weight', '4.bias']);
    const dict = model.stateDict();
    for (const [k, p] of model.namedParameters()) expect(p.data).toBe(dict.get(k));
  });

  it('loadJSONState loads the case state', async () => {
    const json = await stateToJSON(articleModel());
    for (const [key, value] of Object.entries(articleCase.state)) {
      const got = (json[key] as NestedNumbers[]).flat() as number[];
      const want = (value as NestedNumbers[]).flat() as number[];
      expect(got.length).toBe(want.length);
      want.forEach((w, i) => {
        expect(got[i]).toBe(Math.fround(w));
      });
    }
  });
});

describe('loadStateDict', () => {
  it('round-trips a state dict into a fresh model', async () => {
    const source = articleModel();
    const target = track(buildModel(articleCase.layers));
    const state = cloneState(source);
    target.loadStateDict(state);
    disposeState(state);
    expect(await stateToJSON(target)).toEqual(await stateToJSON(source));
  });

  it('throws on a missing key, naming it', () => {
    const model = articleModel();
    const state = cloneState(model);
    state.get('4.bias')?.dispose();
    state.delete('4.bias');
    expect(() => model.loadStateDict(state)).toThrow(/missing.*"4\.bias"/);
    disposeState(state);
  });

  it('accepts a state dict without num_batches_tracked (optional, as in PyTorch)', () => {
    const model = articleModel();
    const state = cloneState(model);
    state.get('1.num_batches_tracked')?.dispose();
    state.delete('1.num_batches_tracked');
    expect(() => model.loadStateDict(state)).not.toThrow();
    disposeState(state);
  });

  it('throws on an unexpected key, naming it', () => {
    const model = articleModel();
    const state = cloneState(model);
    state.set('2.weight', tf.ones([16]));
    expect(() => model.loadStateDict(state)).toThrow(/unexpected.*"2\.weight"/);
    disposeState(state);
  });

  it('throws on a shape mismatch, naming the key and both shapes', () => {
    const model = articleModel();
    const state = cloneState(model);
    state.get('4.weight')?.dispose();
    state.set('4.weight', tf.zeros([16, 3]));
    expect(() => model.loadStateDict(state)).toThrow(/"4\.weight".*\[16,3\].*\[3,16\]/);
    disposeState(state);
  });
});

describe('train() and eval()', () => {
  it('propagate to every child', () => {
    const model = articleModel();
    expect(model.eval()).toBe(model);
    expect(modesOf(model)).toEqual([false, false, false, false, false, false]);
    expect(model.train()).toBe(model);
    expect(modesOf(model)).toEqual([true, true, true, true, true, true]);
    model.train(false);
    expect(modesOf(model)).toEqual([false, false, false, false, false, false]);
  });
});

describe('deepcopy', () => {
  it('gives independent variables with the same values', async () => {
    const model = articleModel();
    const copy = track(deepcopy(model));
    expect(await stateToJSON(copy)).toEqual(await stateToJSON(model));
    const original = await stateToJSON(model);
    for (const [key, v] of copy.stateDict()) {
      expect(v).not.toBe(model.stateDict().get(key));
      v.assign(tf.tidy(() => tf.add(v, tf.onesLike(v))));
    }
    expect(await stateToJSON(model)).toEqual(original);
    // and the other way round
    const copied = await stateToJSON(copy);
    for (const [, v] of model.stateDict()) v.assign(tf.tidy(() => tf.add(tf.add(v, v), tf.onesLike(v))));
    expect(await stateToJSON(model)).not.toEqual(original);
    expect(await stateToJSON(copy)).toEqual(copied);
  });

  it('gives independent parameters (an optimizer step on the copy leaves the original alone)', async () => {
    const model = articleModel();
    const copy = track(deepcopy(model));
    const before = await stateToJSON(model);
    const x = tf.tensor2d(articleCase.batches[0].x);
    const opt = new SGD(copy.parameters(), { lr: 0.5 });
    backward(() => tf.sum(tf.square(copy.forward(x))), copy.parameters()).dispose();
    opt.step();
    opt.zeroGrad();
    x.dispose();
    expect(await stateToJSON(model)).toEqual(before);
    expect(await stateToJSON(copy)).not.toEqual(before);
  });

  it('keeps the mode of every layer', () => {
    const model = articleModel();
    model.eval();
    const evalCopy = track(deepcopy(model));
    expect(modesOf(evalCopy)).toEqual([false, false, false, false, false, false]);
    model.train();
    const trainCopy = track(deepcopy(model));
    expect(modesOf(trainCopy)).toEqual([true, true, true, true, true, true]);
    // mixed modes are kept layer by layer
    model.layers[1].eval();
    const mixed = track(deepcopy(model));
    expect(modesOf(mixed)).toEqual(modesOf(model));
    expect(modesOf(mixed)).toEqual([true, true, false, true, true, true]);
  });
});

describe('BatchNorm1d', () => {
  const F = 3;
  const x = Array.from({ length: 8 }, (_, n) =>
    Array.from({ length: F }, (_, c) => Math.sin(3 * n + 7 * c) * (c + 1) + c),
  );
  const weight = [1.5, -0.5, 2];
  const bias = [0.1, 0.2, -0.3];
  const runningMean0 = [0.3, -0.2, 1];
  const runningVar0 = [2, 0.5, 1.5];
  const eps = 1e-5;

  function columnStats(rows: number[][]): { mean: number[]; biased: number[]; unbiased: number[] } {
    const n = rows.length;
    const mean = weight.map((_, c) => rows.reduce((s, r) => s + r[c], 0) / n);
    const ss = mean.map((m, c) => rows.reduce((s, r) => s + (r[c] - m) ** 2, 0));
    return { mean, biased: ss.map((v) => v / n), unbiased: ss.map((v) => v / (n - 1)) };
  }

  function normalised(rows: number[][], mean: number[], variance: number[]): number[][] {
    return rows.map((r) =>
      r.map((v, c) => ((v - mean[c]) / Math.sqrt(variance[c] + eps)) * weight[c] + bias[c]),
    );
  }

  function makeBN(): BatchNorm1d {
    const bn = track(new BatchNorm1d(F));
    const state = new Map<string, tf.Tensor>([
      ['weight', tf.tensor1d(weight)],
      ['bias', tf.tensor1d(bias)],
      ['running_mean', tf.tensor1d(runningMean0)],
      ['running_var', tf.tensor1d(runningVar0)],
    ]);
    bn.loadStateDict(state);
    disposeState(state);
    return bn;
  }

  function read(bn: BatchNorm1d): { mean: number[]; variance: number[]; count: number } {
    return {
      mean: Array.from(bn.runningMean.dataSync()),
      variance: Array.from(bn.runningVar.dataSync()),
      count: bn.numBatchesTracked.dataSync()[0],
    };
  }

  function expectClose(got: number[], want: number[], tol = 1e-5): void {
    expect(got.length).toBe(want.length);
    want.forEach((w, i) => {
      expect(Math.abs(got[i] - w), `[${i}]: got ${got[i]}, want ${w}`).toBeLessThanOrEqual(
        tol * Math.max(1, Math.abs(w)),
      );
    });
  }

  it('has PyTorch defaults: momentum 0.1, eps 1e-5, weight 1, bias 0, running stats 0 and 1', () => {
    const bn = track(new BatchNorm1d(4));
    expect(bn.momentum).toBe(0.1);
    expect(bn.eps).toBe(1e-5);
    expect(Array.from(bn.weight.data.dataSync())).toEqual([1, 1, 1, 1]);
    expect(Array.from(bn.bias.data.dataSync())).toEqual([0, 0, 0, 0]);
    expect(read(bn)).toEqual({ mean: [0, 0, 0, 0], variance: [1, 1, 1, 1], count: 0 });
  });

  it('train mode normalises with the biased batch variance and updates running stats with the unbiased one', () => {
    const bn = makeBN().train();
    const { mean, biased, unbiased } = columnStats(x);
    const input = tf.tensor2d(x);
    const out = bn.forward(input);
    const got = out.arraySync() as number[][];
    out.dispose();
    const want = normalised(x, mean, biased);
    got.forEach((row, n) => {
      expectClose(row, want[n]);
    });

    const m = 0.1;
    const rm1 = runningMean0.map((r, c) => (1 - m) * r + m * mean[c]);
    const rv1 = runningVar0.map((r, c) => (1 - m) * r + m * unbiased[c]);
    let state = read(bn);
    expectClose(state.mean, rm1);
    expectClose(state.variance, rv1);
    expect(state.count).toBe(1);
    // the biased variance would give a visibly different running_var
    const withBiased = runningVar0.map((r, c) => (1 - m) * r + m * biased[c]);
    expect(state.variance.some((v, c) => Math.abs(v - withBiased[c]) > 1e-3)).toBe(true);

    // a second batch compounds the momentum
    const x2 = x.map((r) => r.map((v, c) => 2 * v - c));
    const s2 = columnStats(x2);
    const input2 = tf.tensor2d(x2);
    bn.forward(input2).dispose();
    state = read(bn);
    expectClose(
      state.mean,
      rm1.map((r, c) => (1 - m) * r + m * s2.mean[c]),
    );
    expectClose(
      state.variance,
      rv1.map((r, c) => (1 - m) * r + m * s2.unbiased[c]),
    );
    expect(state.count).toBe(2);
    tf.dispose([input, input2]);
  });

  it('uses a custom momentum', () => {
    const bn = track(new BatchNorm1d(F, { momentum: 0.3 })).train();
    const input = tf.tensor2d(x);
    bn.forward(input).dispose();
    input.dispose();
    const { mean, unbiased } = columnStats(x);
    const state = read(bn);
    expectClose(
      state.mean,
      mean.map((v) => 0.3 * v),
    );
    expectClose(
      state.variance,
      unbiased.map((v) => 0.7 + 0.3 * v),
    );
  });

  it('eval mode normalises with the running stats and changes nothing', () => {
    const bn = makeBN().eval();
    const input = tf.tensor2d(x);
    const before = read(bn);
    const out = bn.forward(input);
    const got = out.arraySync() as number[][];
    tf.dispose([out, input]);
    const want = normalised(x, runningMean0, runningVar0);
    got.forEach((row, n) => {
      expectClose(row, want[n]);
    });
    expect(read(bn)).toEqual(before);
    expect(before.count).toBe(0);
  });

  it('refuses a batch of one in train mode', () => {
    const bn = makeBN().train();
    const input = tf.tensor2d([x[0]]);
    expect(() => bn.forward(input)).toThrow(/more than 1 value/);
    input.dispose();
  });
});

describe('Linear', () => {
  it('initialises weight and bias in U(−1/√in, 1/√in)', () => {
    manualSeed(2024);
    const inFeatures = 9;
    const layer = track(new Linear(inFeatures, 300));
    const bound = 1 / Math.sqrt(inFeatures);
    expect(layer.weight.data.shape).toEqual([300, inFeatures]);
    expect(layer.bias.data.shape).toEqual([300]);
    for (const values of [Array.from(layer.weight.data.dataSync()), Array.from(layer.bias.data.dataSync())]) {
      const n = values.length;
      expect(Math.max(...values)).toBeLessThanOrEqual(bound);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(-bound);
      // it fills the interval: both ends are reached closely, and mean/variance are those of U(−b, b)
      expect(Math.max(...values)).toBeGreaterThan(0.95 * bound);
      expect(Math.min(...values)).toBeLessThan(-0.95 * bound);
      const mean = values.reduce((s, v) => s + v, 0) / n;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
      const sd = bound / Math.sqrt(3);
      expect(Math.abs(mean)).toBeLessThanOrEqual((5 * sd) / Math.sqrt(n));
      expect(Math.abs(variance / sd ** 2 - 1)).toBeLessThan(0.2);
    }
  });

  it('two layers get different weights; manualSeed makes the init reproducible', () => {
    manualSeed(5);
    const a = track(new Linear(4, 6));
    const b = track(new Linear(4, 6));
    manualSeed(5);
    const c = track(new Linear(4, 6));
    expect(Array.from(a.weight.data.dataSync())).not.toEqual(Array.from(b.weight.data.dataSync()));
    expect(Array.from(c.weight.data.dataSync())).toEqual(Array.from(a.weight.data.dataSync()));
    expect(Array.from(c.bias.data.dataSync())).toEqual(Array.from(a.bias.data.dataSync()));
  });

  it('computes x·Wᵀ + b', () => {
    const layer = track(new Linear(3, 2));
    const W = layer.weight.data.arraySync() as number[][];
    const b = Array.from(layer.bias.data.dataSync());
    const xs = [
      [1, -2, 0.5],
      [0.25, 3, -1],
    ];
    const input = tf.tensor2d(xs);
    const out = layer.forward(input);
    const got = out.arraySync() as number[][];
    tf.dispose([input, out]);
    xs.forEach((row, n) => {
      W.forEach((w, o) => {
        const want = row.reduce((s, v, i) => s + v * w[i], b[o]);
        expect(Math.abs(got[n][o] - want)).toBeLessThanOrEqual(1e-5);
      });
    });
  });
});

describe('backward', () => {
  const xs = [
    [0.5, -1],
    [2, 0.25],
    [-1.5, 1],
  ];

  /** d/dW and d/db of Σ (x·Wᵀ + b)², computed in plain JS. */
  function reference(W: number[][], b: number[]): { loss: number; dW: number[][]; db: number[] } {
    const y = xs.map((row) => W.map((w, o) => row.reduce((s, v, i) => s + v * w[i], b[o])));
    const loss = y.flat().reduce((s, v) => s + v * v, 0);
    const dW = W.map((w, o) => w.map((_, i) => xs.reduce((s, row, n) => s + 2 * y[n][o] * row[i], 0)));
    const db = b.map((_, o) => y.reduce((s, yn) => s + 2 * yn[o], 0));
    return { loss, dW, db };
  }

  it('accumulates into .grad across calls until zeroGrad; parameters off the path keep grad null', () => {
    const used = track(new Linear(2, 3));
    const unused = track(new Linear(2, 3));
    const params = [...used.parameters(), ...unused.parameters()];
    const optimizer = new SGD(params, { lr: 0.1 });
    const input = tf.tensor2d(xs);
    const lossFn = () => tf.sum(tf.square(used.forward(input))) as tf.Scalar;
    const ref = reference(used.weight.data.arraySync() as number[][], Array.from(used.bias.data.dataSync()));
    const close = (got: number[], want: number[]) => {
      expect(got.length).toBe(want.length);
      want.forEach((w, i) => {
        expect(Math.abs(got[i] - w)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(w)));
      });
    };

    const loss = backward(lossFn, params);
    close([loss.dataSync()[0]], [ref.loss]);
    loss.dispose();
    close(Array.from(used.weight.grad?.dataSync() ?? []), ref.dW.flat());
    close(Array.from(used.bias.grad?.dataSync() ?? []), ref.db);
    expect(unused.weight.grad).toBeNull();
    expect(unused.bias.grad).toBeNull();

    backward(lossFn, params).dispose();
    close(
      Array.from(used.weight.grad?.dataSync() ?? []),
      ref.dW.flat().map((v) => 2 * v),
    );
    close(
      Array.from(used.bias.grad?.dataSync() ?? []),
      ref.db.map((v) => 2 * v),
    );
    expect(unused.weight.grad).toBeNull();

    optimizer.zeroGrad();
    expect(params.every((p) => p.grad === null)).toBe(true);
    backward(lossFn, params).dispose();
    close(Array.from(used.weight.grad?.dataSync() ?? []), ref.dW.flat());
    optimizer.zeroGrad();
    input.dispose();
  });

  it('does not leak tensors when accumulating', () => {
    const layer = track(new Linear(2, 3));
    const params = layer.parameters();
    const optimizer = new SGD(params, { lr: 0.1 });
    const input = tf.tensor2d(xs);
    const lossFn = () => tf.sum(tf.square(layer.forward(input))) as tf.Scalar;
    backward(lossFn, params).dispose();
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) backward(lossFn, params).dispose();
    expect(tf.memory().numTensors).toBe(afterFirst);
    optimizer.zeroGrad();
    expect(tf.memory().numTensors).toBe(afterFirst - 2);
    input.dispose();
  });
});

describe('trainStep', () => {
  const options = {
    lambda: articleCase.lambda,
    reduction: articleCase.kl.reduction,
    logTarget: articleCase.kl.log_target,
    direction: articleCase.kl.direction,
  };

  function batchTensors(): { x: tf.Tensor2D; y: tf.Tensor1D }[] {
    return articleCase.batches.map((b) => ({ x: tf.tensor2d(b.x), y: tf.tensor1d(b.y, 'int32') }));
  }

  function step(
    model: Module,
    modelOld: Module,
    batch: { x: tf.Tensor; y: tf.Tensor },
    optimizer: ReturnType<typeof buildOptimizer>,
    modelOldMode: 'train' | 'eval',
  ): void {
    const losses = trainStep(model, modelOld, batch.x, batch.y, optimizer, {
      ...options,
      modelMode: 'train',
      modelOldMode,
    });
    tf.dispose([losses.lossNew, losses.klPenalty, losses.totalLoss]);
  }

  it('leaks no tensors: the count after step 10 equals the count after step 1000', () => {
    const model = articleModel();
    const modelOld = track(deepcopy(model));
    const optimizer = buildOptimizer(articleCase.optimizer, model);
    const batches = batchTensors();
    let afterTen = -1;
    for (let i = 1; i <= 1000; i++) {
      step(model, modelOld, batches[i % batches.length], optimizer, 'eval');
      if (i === 10) afterTen = tf.memory().numTensors;
    }
    expect(afterTen).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(afterTen);
    optimizer.dispose();
    tf.dispose(batches.flatMap((b) => [b.x, b.y]));
  });

  it('leaves model_old untouched when it is in eval mode', async () => {
    const model = articleModel();
    const modelOld = track(deepcopy(model));
    const optimizer = buildOptimizer(articleCase.optimizer, model);
    const batches = batchTensors();
    const before = await stateToJSON(modelOld);
    for (const batch of batches.slice(0, 5)) step(model, modelOld, batch, optimizer, 'eval');
    expect(await stateToJSON(modelOld)).toEqual(before);
    expect(modelOld.training).toBe(false);
    // while the model itself did train
    expect(await stateToJSON(model)).not.toEqual(before);
    optimizer.dispose();
    tf.dispose(batches.flatMap((b) => [b.x, b.y]));
  });

  it("in train mode updates model_old's running stats but never its weights", async () => {
    const model = articleModel();
    const modelOld = track(deepcopy(model));
    const optimizer = buildOptimizer(articleCase.optimizer, model);
    const batches = batchTensors();
    const before = await stateToJSON(modelOld);
    const steps = 5;
    for (const batch of batches.slice(0, steps)) step(model, modelOld, batch, optimizer, 'train');
    const after = await stateToJSON(modelOld);
    for (const key of ['0.weight', '0.bias', '1.weight', '1.bias', '4.weight', '4.bias']) {
      expect(after[key], key).toEqual(before[key]);
    }
    expect(after['1.running_mean']).not.toEqual(before['1.running_mean']);
    expect(after['1.running_var']).not.toEqual(before['1.running_var']);
    expect(after['1.num_batches_tracked']).toBe((before['1.num_batches_tracked'] as number) + steps);
    expect(modelOld.parameters().every((p) => p.grad === null)).toBe(true);
    optimizer.dispose();
    tf.dispose(batches.flatMap((b) => [b.x, b.y]));
  });
});
