import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { deepcopy } from '../../copy';
import { NUM_CLASSES, NUM_FEATURES } from '../../data/sectorTask';
import { buildNet } from '../../labNet';
import { Dropout, type Sequential } from '../../nn';
import { Adam, type Optimizer, SGD } from '../../optim';
import { manualSeed, nextSeed } from '../../random';
import { type KLRegOptions, trainStep } from '../../trainStep';
import { stackedTrainStep } from '../stackedTrainStep';
import { stackModels } from '../stackModels';
import { unstackModuleState } from '../stackModuleState';

const RUNS = 3;
const BATCH = 12;
const STEPS = 6;
const LAMBDAS = [0, 0.7, 4];
/** The parity tolerance of the CPU backend (tools/golden/compare.ts): rel·max(1, |want|). */
const REL = 1e-5;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The lab's network from seed `seed`, its BatchNorm weights and running statistics moved off their defaults. */
function labNet(seed: number, dropout: number): Sequential {
  manualSeed(seed);
  const net = buildNet(dropout);
  tf.tidy(() => {
    for (const [key, value] of net.stateDict()) {
      if (/^\d+\.(weight|running_var)$/.test(key) && value.rank === 1)
        value.assign(tf.randomUniform(value.shape, 0.5, 1.5, 'float32', nextSeed()));
      if (
        /^\d+\.(bias|running_mean)$/.test(key) &&
        net.stateDict().get(key.replace(/\w+$/, 'weight'))?.rank === 1
      )
        value.assign(tf.randomUniform(value.shape, -0.3, 0.3, 'float32', nextSeed()));
    }
  });
  return net;
}

type Settings = Omit<KLRegOptions, 'lambda'> & { optimizer: 'adam' | 'sgd'; dropout: number };

function optimizerFor(model: Sequential, s: Settings): Optimizer {
  return s.optimizer === 'sgd'
    ? new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 })
    : new Adam(model.parameters(), { lr: 0.01 });
}

/**
 * Makes each Dropout layer of the K single models and of the stacked one hand out the same
 * masks: run k's layer i draws mask(step, k, i), and the stacked layer i stacks them over k.
 */
function shareDropoutMasks(
  singles: Sequential[],
  stacked: Sequential,
  step: () => number,
  salt: number,
): void {
  const mask = (k: number, i: number, shape: number[]) =>
    tf.tidy(() =>
      tf.cast(
        tf.less(tf.randomUniform(shape, 0, 1, 'float32', 1 + salt + 1000 * step() + 10 * k + i), 0.6),
        'float32',
      ),
    );
  stacked.layers.forEach((layer, i) => {
    if (!(layer instanceof Dropout)) return;
    layer.keepMask = ([, b, c]) => tf.tidy(() => tf.stack(singles.map((_, k) => mask(k, i, [b, c]))));
    singles.forEach((single, k) => {
      (single.layers[i] as Dropout).keepMask = (shape) => mask(k, i, shape);
    });
  });
}

async function values(t: tf.Tensor): Promise<number[]> {
  return Array.from(await t.data());
}

/** max |got − want| / max(1, |want|) over two lists. */
function relError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++)
    worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i])));
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}

/**
 * K single runs (trainStep) and the same K runs stacked (stackedTrainStep), from K initial states,
 * with K values of λ and K batch streams; returns the worst relative difference seen in the losses
 * of every step and in every final state entry, of both model and model_old.
 */
async function worstDifference(s: Settings): Promise<{ losses: number; state: number }> {
  const singles = LAMBDAS.map((_, k) => labNet(10 + k, s.dropout));
  const singlesOld = singles.map((m) => deepcopy(m));
  const stacked = stackModels(singles);
  const stackedOld = deepcopy(stacked);
  let step = 0;
  shareDropoutMasks(singles, stacked, () => step, 0);
  shareDropoutMasks(singlesOld, stackedOld, () => step, 500);
  const singleOptimizers = singles.map((m) => optimizerFor(m, s));
  const stackedOptimizer = optimizerFor(stacked, s);
  const lambda = tf.tensor1d(LAMBDAS);
  const { optimizer: _, dropout: __, ...options } = s;
  let losses = 0;
  try {
    for (; step < STEPS; step++) {
      const [x, y] = tf.tidy(() => [
        tf.randomNormal([RUNS, BATCH, NUM_FEATURES], 0, 1.5, 'float32', 7 + step),
        tf.cast(tf.mul(tf.randomUniform([RUNS, BATCH], 0, 0.999, 'float32', 8 + step), NUM_CLASSES), 'int32'),
      ]);
      const got = stackedTrainStep(stacked, stackedOld, x, y, stackedOptimizer, { ...options, lambda });
      for (let k = 0; k < RUNS; k++) {
        const [xk, yk] = tf.tidy(() => [
          tf.squeeze(tf.slice(x, [k], [1]), [0]),
          tf.squeeze(tf.slice(y, [k], [1]), [0]),
        ]);
        const want = trainStep(singles[k], singlesOld[k], xk, yk, singleOptimizers[k], {
          ...options,
          lambda: LAMBDAS[k],
        });
        for (const key of ['lossNew', 'klPenalty', 'totalLoss'] as const) {
          const [g] = (await values(got[key])).slice(k, k + 1);
          losses = Math.max(losses, relError([g], await values(want[key])));
        }
        tf.dispose([xk, yk, want.lossNew, want.klPenalty, want.totalLoss]);
      }
      tf.dispose([x, y, got.lossNew, got.klPenalty, got.totalLoss]);
    }
    let state = 0;
    for (const [net, nets] of [
      [stacked, singles],
      [stackedOld, singlesOld],
    ] as const) {
      for (let k = 0; k < RUNS; k++) {
        const run = unstackModuleState(net.stateDict(), k);
        for (const [key, want] of nets[k].stateDict()) {
          const gotValue = run.get(key) as tf.Tensor;
          expect(gotValue.shape).toEqual(want.shape);
          state = Math.max(state, relError(await values(gotValue), await values(want)));
        }
        tf.dispose([...run.values()]);
      }
    }
    return { losses, state };
  } finally {
    lambda.dispose();
    for (const o of [...singleOptimizers, stackedOptimizer]) o.dispose();
    for (const m of [...singles, ...singlesOld, stacked, stackedOld]) m.dispose();
  }
}

const ARTICLE: Settings = { optimizer: 'adam', dropout: 0 };

describe('stacked runs equal the same runs trained one by one (CPU backend)', () => {
  it.each<[string, Settings]>([
    ['the article (Adam, batchmean, old‖new, train/eval)', ARTICLE],
    ['dropout 0.4 in both models, both in train mode', { ...ARTICLE, dropout: 0.4, modelOldMode: 'train' }],
    ['SGD with momentum, reduction sum', { ...ARTICLE, optimizer: 'sgd', reduction: 'sum' }],
    ['reduction mean, log_target', { ...ARTICLE, reduction: 'mean', logTarget: true }],
    ['direction new‖old with log_target', { ...ARTICLE, direction: 'new||old', logTarget: true }],
    ['model in eval mode, model_old in train mode', { ...ARTICLE, modelMode: 'eval', modelOldMode: 'train' }],
    ['frozen BatchNorm, dropout 0.2', { ...ARTICLE, freezeBatchNorm: true, dropout: 0.2 }],
  ])('%s', async (_, settings) => {
    const worst = await worstDifference(settings);
    expect(worst.losses).toBeLessThanOrEqual(REL);
    expect(worst.state).toBeLessThanOrEqual(REL);
    process.stdout.write(
      `stacked vs unstacked, ${_}: losses ${worst.losses.toExponential(2)}, state ${worst.state.toExponential(2)}\n`,
    );
  });

  it('unstacks run k as model k, which differs from the others (the comparison can fail)', async () => {
    const singles = LAMBDAS.map((_, k) => labNet(10 + k, 0));
    const stacked = stackModels(singles);
    const run1 = unstackModuleState(stacked.stateDict(), 1);
    const weight = singles[1].stateDict().get('0.weight') as tf.Variable;
    expect(relError(await values(run1.get('0.weight') as tf.Tensor), await values(weight))).toBe(0);
    expect(
      relError(
        await values(run1.get('0.weight') as tf.Tensor),
        await values(singles[0].stateDict().get('0.weight') as tf.Tensor),
      ),
    ).toBeGreaterThan(1e-3);
    tf.dispose([...run1.values()]);
    for (const m of [...singles, stacked]) m.dispose();
  });

  it('keeps no tensor from a step but the losses it returns', async () => {
    const singles = LAMBDAS.map((_, k) => labNet(10 + k, 0.3));
    const stacked = stackModels(singles);
    const old = deepcopy(stacked);
    const optimizer = new Adam(stacked.parameters(), { lr: 0.01 });
    const lambda = tf.tensor1d(LAMBDAS);
    const x = tf.randomNormal([RUNS, BATCH, NUM_FEATURES]);
    const y = tf.zeros([RUNS, BATCH], 'int32');
    tf.dispose(Object.values(stackedTrainStep(stacked, old, x, y, optimizer, { lambda }))); // optimizer state made
    const before = tf.memory().numTensors;
    const losses = stackedTrainStep(stacked, old, x, y, optimizer, { lambda });
    expect(tf.memory().numTensors).toBe(before + 3);
    expect(losses.totalLoss.shape).toEqual([RUNS]);
    tf.dispose([...Object.values(losses), lambda, x, y]);
    optimizer.dispose();
    for (const m of [...singles, stacked, old]) m.dispose();
  });
});
