/**
 * The break catalogue: each entry plants one plausible porting mistake in the real engine (a spy
 * on one method, restored after the run) and checks that the PyTorch goldens notice it on every
 * case the mistake can change, and on no other. A golden comparison that lets a break through is
 * too loose; a break that fails an untouched case is a seam that changes more than it says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { compareWithGolden, type Golden } from '../../../tools/golden/compare';
import { parseCase, type TrainCase } from '../case';
import * as F from '../functional';
import { BatchNorm1d, Dropout } from '../nn';
import { Adam, SGD } from '../optim';
import { runCase } from '../runCase';
import * as T from '../trainStep';

const dir = new URL('../../../tools/golden/', import.meta.url);
const cases = readdirSync(new URL('cases/', dir))
  .map((f) => f.replace(/\.json$/, ''))
  .map((name) => ({
    name,
    c: parseCase(JSON.parse(readFileSync(new URL(`cases/${name}.json`, dir), 'utf8'))),
    golden: JSON.parse(readFileSync(new URL(`expected/${name}.json`, dir), 'utf8')) as Golden,
  }));

interface Break {
  name: string;
  /** Whether the mistake changes anything this case records, in exact arithmetic. */
  touches(c: TrainCase): boolean;
  /** Plants the mistake; returns the spies to restore (each must have been called on a touched case). */
  plant(): MockInstance[];
}

const hasBatchNorm = (c: TrainCase) => c.layers.some((l) => l.type === 'batchnorm1d');
const trainsBatchNorm = (c: TrainCase) =>
  hasBatchNorm(c) && (c.modes.model === 'train' || c.modes.model_old === 'train');
const dropsInTrainMode = (c: TrainCase, mode: TrainCase['modes']['model']) =>
  mode === 'train' && c.layers.some((l) => l.type === 'dropout' && l.p > 0);

/** BatchNorm1d's private update of its running statistics, reached the way a spy must reach it. */
type RunningStatsUpdate = { updateRunningStats(mean: tf.Tensor, unbiasedVar: tf.Tensor): void };
const batchNormInternals = BatchNorm1d.prototype as unknown as RunningStatsUpdate;

const BREAKS: Break[] = [
  {
    name: 'Adam never updates the output layer’s bias',
    touches: (c) => c.optimizer.type === 'adam',
    plant() {
      const step = Adam.prototype.step;
      return [
        vi.spyOn(Adam.prototype, 'step').mockImplementation(function (this: Adam) {
          // The last parameter is the last Linear's bias; Adam skips a parameter without a gradient.
          const outputBias = this.params[this.params.length - 1];
          const grad = outputBias.grad;
          outputBias.grad = null;
          try {
            step.call(this);
          } finally {
            outputBias.grad = grad;
          }
        }),
      ];
    },
  },
  {
    name: 'BatchNorm momentum × 1.1',
    touches: trainsBatchNorm,
    plant() {
      const update = batchNormInternals.updateRunningStats;
      return [
        vi.spyOn(batchNormInternals, 'updateRunningStats').mockImplementation(function (
          this: BatchNorm1d,
          mean,
          unbiasedVar,
        ) {
          const layer = this as { momentum: number };
          const momentum = layer.momentum;
          layer.momentum = momentum * 1.1;
          try {
            update.call(this, mean, unbiasedVar);
          } finally {
            layer.momentum = momentum;
          }
        }),
      ];
    },
  },
  {
    name: 'running_var updated with the biased variance (÷B, not ÷(B−1))',
    touches: trainsBatchNorm,
    plant() {
      const forward = BatchNorm1d.prototype.forward;
      const update = batchNormInternals.updateRunningStats;
      let batch = 0;
      return [
        vi.spyOn(BatchNorm1d.prototype, 'forward').mockImplementation(function (this: BatchNorm1d, x) {
          batch = x.shape[0];
          return forward.call(this, x);
        }),
        vi.spyOn(batchNormInternals, 'updateRunningStats').mockImplementation(function (
          this: BatchNorm1d,
          mean,
          unbiasedVar,
        ) {
          const biasedVar = tf.mul(unbiasedVar, (batch - 1) / batch);
          update.call(this, mean, biasedVar);
        }),
      ];
    },
  },
  {
    name: 'batchmean divides by B + 1',
    touches: (c) => c.kl.reduction === 'batchmean',
    plant() {
      const klDiv = F.klDiv;
      return [
        vi.spyOn(F, 'klDiv').mockImplementation((input, target, options = {}) => {
          if (options.reduction !== 'batchmean') return klDiv(input, target, options);
          return tf.tidy(() =>
            tf.div(klDiv(input, target, { ...options, reduction: 'sum' }), input.shape[0] + 1),
          );
        }),
      ];
    },
  },
  {
    name: 'Dropout without the 1/(1 − p) scale',
    touches: (c) => dropsInTrainMode(c, c.modes.model) || dropsInTrainMode(c, c.modes.model_old),
    plant() {
      const forward = Dropout.prototype.forward;
      return [
        vi.spyOn(Dropout.prototype, 'forward').mockImplementation(function (this: Dropout, x) {
          const scaled = forward.call(this, x);
          if (!this.training || this.p === 0 || this.p === 1) return scaled;
          const unscaled = tf.mul(scaled, 1 - this.p);
          scaled.dispose();
          return unscaled;
        }),
      ];
    },
  },
  {
    name: 'KL direction swapped',
    // The penalty is reported on every step, even where λ = 0 keeps it out of the gradient.
    touches: () => true,
    plant() {
      const trainStep = T.trainStep;
      return [
        vi.spyOn(T, 'trainStep').mockImplementation((model, modelOld, x, y, optimizer, options) =>
          trainStep(model, modelOld, x, y, optimizer, {
            ...options,
            direction: options.direction === 'new||old' ? 'old||new' : 'new||old',
          }),
        ),
      ];
    },
  },
  {
    name: 'log_target ignored by F.kl_div',
    touches: (c) => c.kl.log_target,
    plant() {
      const klDiv = F.klDiv;
      return [
        vi
          .spyOn(F, 'klDiv')
          .mockImplementation((input, target, options = {}) =>
            klDiv(input, target, { ...options, logTarget: false }),
          ),
      ];
    },
  },
  {
    name: 'SGD momentum ignored',
    touches: (c) => c.optimizer.type === 'sgd' && (c.optimizer.momentum ?? 0) !== 0,
    plant() {
      const step = SGD.prototype.step;
      return [
        vi.spyOn(SGD.prototype, 'step').mockImplementation(function (this: SGD) {
          const sgd = this as { momentum: number };
          const momentum = sgd.momentum;
          sgd.momentum = 0;
          try {
            step.call(this);
          } finally {
            sgd.momentum = momentum;
          }
        }),
      ];
    },
  },
  {
    name: 'model_old left in train mode',
    // Train mode changes only BatchNorm (batch statistics, running updates) and Dropout with p > 0.
    touches: (c) =>
      c.modes.model_old === 'eval' &&
      (hasBatchNorm(c) || c.layers.some((l) => l.type === 'dropout' && l.p > 0)),
    plant() {
      const trainStep = T.trainStep;
      return [
        vi
          .spyOn(T, 'trainStep')
          .mockImplementation((model, modelOld, x, y, optimizer, options) =>
            trainStep(model, modelOld, x, y, optimizer, { ...options, modelOldMode: 'train' }),
          ),
      ];
    },
  },
];

/** Runs a case with the break planted; returns the mismatches and whether every spy was reached. */
async function runBroken(b: Break, c: TrainCase, golden: Golden) {
  const spies = b.plant();
  try {
    const result = await runCase(c);
    return {
      mismatches: compareWithGolden(result, golden, c, 1e-5),
      reached: spies.every((s) => s.mock.calls.length > 0),
    };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(BREAKS)('$name', (b) => {
  it('touches at least one golden case', () => {
    expect(cases.filter(({ c }) => b.touches(c)).map(({ name }) => name)).not.toEqual([]);
  });

  const touched = cases.filter(({ c }) => b.touches(c));
  const untouched = cases.filter(({ c }) => !b.touches(c));
  it.each(touched)('fails $name', async ({ c, golden }) => {
    const { mismatches, reached } = await runBroken(b, c, golden);
    expect(reached).toBe(true);
    expect(mismatches).not.toEqual([]);
  });
  it.each(untouched)('leaves $name passing', async ({ c, golden }) => {
    expect((await runBroken(b, c, golden)).mismatches).toEqual([]);
  });
});
