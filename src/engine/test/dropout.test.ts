import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCase } from '../case';
import { Dropout, type Sequential } from '../nn';
import { manualSeed } from '../random';
import { prepareCase } from '../runCase';

const ROWS = 200;
const COLS = 500;
const N = ROWS * COLS;

let ones: tf.Tensor;

beforeAll(async () => {
  await tf.setBackend('cpu');
  ones = tf.ones([ROWS, COLS]);
});

/** One forward pass on the ones tensor, returned as plain numbers. */
function apply(layer: Dropout, x: tf.Tensor = ones): Float32Array {
  const y = layer.forward(x);
  expect(y.shape).toEqual(x.shape);
  const values = y.dataSync() as Float32Array;
  y.dispose();
  return values;
}

/** Which entries were dropped: a string of 0/1, cheap to compare for equality. */
function maskOf(values: Float32Array): string {
  let s = '';
  for (const v of values) s += v === 0 ? '0' : '1';
  return s;
}

function zeroFraction(values: Float32Array): number {
  let zeros = 0;
  for (const v of values) if (v === 0) zeros += 1;
  return zeros / values.length;
}

describe('Dropout in train mode', () => {
  it.each([0.1, 0.5, 0.9])('zeroes a fraction p = %f of the entries (within 5 standard errors)', (p) => {
    manualSeed(1234);
    const values = apply(new Dropout(p).train());
    const se = Math.sqrt((p * (1 - p)) / N);
    expect(Math.abs(zeroFraction(values) - p)).toBeLessThanOrEqual(5 * se);
  });

  it.each([0.1, 0.5, 0.9])('scales every kept entry to 1/(1−p) (p = %f)', (p) => {
    const values = apply(new Dropout(p).train());
    const want = 1 / (1 - p);
    let kept = 0;
    let worst = 0;
    for (const v of values) {
      if (v === 0) continue;
      kept += 1;
      worst = Math.max(worst, Math.abs(v - want));
    }
    expect(kept).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(1e-6);
  });

  it('scales arbitrary inputs: kept entries are x/(1−p), dropped ones 0', () => {
    const p = 0.3;
    const data = Array.from({ length: 2000 }, (_, i) => Math.sin(i) * 3 + 0.5);
    const x = tf.tensor2d(data, [40, 50]);
    const values = apply(new Dropout(p).train(), x);
    x.dispose();
    let kept = 0;
    values.forEach((v, i) => {
      if (v === 0) return;
      kept += 1;
      expect(Math.abs(v - data[i] / (1 - p))).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(data[i])));
    });
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(values.length);
  });

  it('draws a new mask on every call', () => {
    const layer = new Dropout(0.5).train();
    const first = maskOf(apply(layer));
    const second = maskOf(apply(layer));
    expect(second).not.toBe(first);
  });

  it('manualSeed(s) reproduces the exact same mask; another seed gives another mask', () => {
    const layer = new Dropout(0.5).train();
    manualSeed(7);
    const a = maskOf(apply(layer));
    manualSeed(7);
    const b = maskOf(apply(layer));
    expect(b).toBe(a);
    manualSeed(8);
    const c = maskOf(apply(layer));
    expect(c).not.toBe(a);
    // The stream continues reproducibly too: the second call after a seed is the same each time.
    manualSeed(7);
    apply(layer);
    const secondAfterSeed = maskOf(apply(layer));
    manualSeed(7);
    apply(layer);
    expect(maskOf(apply(layer))).toBe(secondAfterSeed);
    expect(secondAfterSeed).not.toBe(a);
  });

  it('seed 0 is a valid seed (reproducible, not unseeded)', () => {
    const layer = new Dropout(0.5).train();
    manualSeed(0);
    const a = maskOf(apply(layer));
    manualSeed(0);
    expect(maskOf(apply(layer))).toBe(a);
  });

  it('p = 0 is the identity', () => {
    const data = Array.from({ length: 600 }, (_, i) => Math.cos(i) * 2);
    const x = tf.tensor2d(data, [20, 30]);
    const values = apply(new Dropout(0).train(), x);
    x.dispose();
    expect(Array.from(values)).toEqual(Array.from(Float32Array.from(data)));
  });

  it('p = 1 zeroes everything', () => {
    const values = apply(new Dropout(1).train());
    expect(zeroFraction(values)).toBe(1);
  });

  it('does not leak tensors', () => {
    const layer = new Dropout(0.5).train();
    const before = tf.memory().numTensors;
    const y = layer.forward(ones);
    expect(tf.memory().numTensors).toBe(before + 1);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Dropout in eval mode', () => {
  it.each([0.1, 0.5, 0.9, 1])('is the identity (p = %f)', (p) => {
    const data = Array.from({ length: 600 }, (_, i) => Math.cos(i) * 2);
    const x = tf.tensor2d(data, [20, 30]);
    const values = apply(new Dropout(p).eval(), x);
    x.dispose();
    expect(Array.from(values)).toEqual(Array.from(Float32Array.from(data)));
  });

  it('returns a tensor the caller may dispose without disposing the input', () => {
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const y = new Dropout(0.5).eval().forward(x);
    y.dispose();
    expect(x.isDisposed).toBe(false);
    expect(Array.from(x.dataSync())).toEqual([1, 2, 3, 4]);
    x.dispose();
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => new Dropout(-0.1)).toThrow(/between 0 and 1/);
    expect(() => new Dropout(1.5)).toThrow(/between 0 and 1/);
    expect(() => new Dropout(Number.NaN)).toThrow(/between 0 and 1/);
  });
});

describe("PyTorch's dropout masks", () => {
  // A deliberate deviation (docs/engine-deviations.md): the engine's generator is its own, so
  // manualSeed(s) does not draw the masks torch.manual_seed(s) would. The golden cases therefore
  // carry the masks PyTorch drew, and their Dropout layers replay them.
  it('DEVIATION (own random stream): golden cases replay PyTorch’s masks, scaled as PyTorch scales them', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../../tools/golden/cases/dropout_train_both.json', import.meta.url), 'utf8'),
    );
    const c = parseCase(raw);
    const recorded = c.dropout_masks?.model_old?.['3'] as string[][];
    const p = (c.layers[3] as { p: number }).p;
    const prepared = prepareCase(c);
    try {
      const layer = (prepared.modelOld as Sequential).layers[3].train();
      const x = tf.ones([16, 16]);
      for (const mask of recorded.slice(0, 3)) {
        const y = layer.forward(x);
        const got = y.arraySync() as number[][];
        y.dispose();
        // PyTorch's nn.Dropout: kept entries x·(1/(1−p)) with the scale rounded to float32 first.
        expect(got).toEqual(
          mask.map((row) => Array.from(row, (keep) => (keep === '1' ? Math.fround(1 / (1 - p)) : 0))),
        );
      }
      x.dispose();
    } finally {
      prepared.dispose();
    }
  });
});
