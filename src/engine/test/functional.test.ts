import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import '../autograd'; // registers TF.js's gradient definitions, as the engine does
import { crossEntropy, klDiv, logSoftmax, type Reduction, softmax } from '../functional';

/** What tools/golden/generate.py writes to functional.json (PyTorch's own numbers). */
interface KLExample {
  name: string;
  input: number[][];
  target: number[][];
  log_target: boolean;
  values: { none: number[][]; sum: number; mean: number; batchmean: number };
  /** The logits the target was made of (softmax, or log_softmax when log_target). */
  target_logits: number[][];
  /** PyTorch's d F.kl_div(reduction 'sum') / d target; null where PyTorch gives NaN. */
  target_grad: (number | null)[][];
  /** PyTorch's d F.kl_div(reduction 'batchmean') / d target_logits, through (log_)softmax; null where NaN. */
  target_logits_grad: (number | null)[][];
}

interface FunctionalGolden {
  logits: number[][];
  softmax: number[][];
  log_softmax: number[][];
  softmax_row_sums: number[];
  kl_div: KLExample[];
  torch_version: string;
}

const golden: FunctionalGolden = JSON.parse(
  readFileSync(new URL('../../../tools/golden/functional.json', import.meta.url), 'utf8'),
);

const reductions = ['none', 'sum', 'mean', 'batchmean'] as const satisfies readonly Reduction[];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function closeTo(got: number, want: number, rel = 1e-6): boolean {
  return Math.abs(got - want) <= rel * Math.max(1, Math.abs(want));
}

function expectMatrixClose(got: number[][], want: number[][], abs: number): void {
  expect(got.length).toBe(want.length);
  want.forEach((row, i) => {
    expect(got[i].length).toBe(row.length);
    row.forEach((w, j) => {
      expect(got[i][j], `[${i}][${j}]`).toBeCloseTo(w, 4);
      expect(Math.abs(got[i][j] - w), `[${i}][${j}]`).toBeLessThanOrEqual(abs);
    });
  });
}

function run<T extends tf.Tensor>(f: () => T): number[] | number[][] | number {
  const t = f();
  const out = t.arraySync() as number[] | number[][] | number;
  t.dispose();
  return out;
}

describe('softmax and logSoftmax match PyTorch', () => {
  it('has the golden data', () => {
    expect(golden.logits.length).toBeGreaterThan(0);
    expect(golden.kl_div.length).toBeGreaterThanOrEqual(4);
  });

  it('softmax equals F.softmax(logits, dim=1)', () => {
    const got = run(() => softmax(tf.tensor2d(golden.logits))) as number[][];
    expectMatrixClose(got, golden.softmax, 1e-6);
  });

  it('logSoftmax equals F.log_softmax(logits, dim=1)', () => {
    const got = run(() => logSoftmax(tf.tensor2d(golden.logits))) as number[][];
    expectMatrixClose(got, golden.log_softmax, 1e-6);
  });

  it('softmax rows sum to the row sums PyTorch reports', () => {
    const got = run(() => tf.sum(softmax(tf.tensor2d(golden.logits)), 1)) as number[];
    expect(got.length).toBe(golden.softmax_row_sums.length);
    golden.softmax_row_sums.forEach((want, i) => {
      expect(Math.abs(got[i] - want), `row ${i}`).toBeLessThanOrEqual(1e-6);
    });
  });

  it('logSoftmax stays finite where softmax underflows to 0', () => {
    // The log-target example's target is log_softmax of logits whose softmax has exact zeros;
    // feeding it back as logits reproduces those probabilities.
    const extreme = golden.kl_div.find((e) => e.name === 'underflowing_target' && e.log_target);
    expect(extreme).toBeDefined();
    const logits = (extreme as KLExample).target;
    const probs = run(() => softmax(tf.tensor2d(logits))) as number[][];
    expect(probs.flat()).toContain(0);
    const logs = run(() => logSoftmax(tf.tensor2d(logits))) as number[][];
    expect(logs.flat().every(Number.isFinite)).toBe(true);
  });
});

describe('crossEntropy', () => {
  const labelSets = [
    [0, 1, 2],
    [3, 3, 3],
    [1, 0, 3],
    [2, 2, 0],
  ];
  it.each(labelSets)('equals the batch mean of −log_softmax at the label (labels %j)', (...labels) => {
    const want = -labels.reduce((s, label, i) => s + golden.log_softmax[i][label], 0) / labels.length;
    const got = run(() => crossEntropy(tf.tensor2d(golden.logits), tf.tensor1d(labels, 'int32'))) as number;
    expect(typeof got).toBe('number');
    expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));
  });

  it('is a scalar and does not leak tensors', () => {
    const logits = tf.tensor2d(golden.logits);
    const labels = tf.tensor1d([0, 1, 2], 'int32');
    const before = tf.memory().numTensors;
    const loss = crossEntropy(logits, labels);
    expect(loss.shape).toEqual([]);
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([loss, logits, labels]);
  });
});

describe('klDiv matches F.kl_div', () => {
  const cases = golden.kl_div.flatMap((example) =>
    reductions.map((reduction) => ({
      label: `${example.name}, log_target=${example.log_target}, reduction=${reduction}`,
      example,
      reduction,
    })),
  );

  it.each(cases)('$label', ({ example, reduction }) => {
    const got = run(() =>
      klDiv(tf.tensor2d(example.input), tf.tensor2d(example.target), {
        reduction,
        logTarget: example.log_target,
      }),
    );
    const want = example.values[reduction];
    if (reduction === 'none') {
      const g = got as number[][];
      const w = want as number[][];
      expect(g.length).toBe(w.length);
      w.forEach((row, i) => {
        expect(g[i].length).toBe(row.length);
        row.forEach((v, j) => {
          expect(Number.isNaN(g[i][j]), `[${i}][${j}] is NaN`).toBe(false);
          expect(closeTo(g[i][j], v), `[${i}][${j}]: got ${g[i][j]}, want ${v}`).toBe(true);
        });
      });
    } else {
      expect(typeof got).toBe('number');
      expect(Number.isNaN(got)).toBe(false);
      expect(closeTo(got as number, want as number), `got ${got}, want ${want}`).toBe(true);
    }
  });

  it('covers targets with exact zeros (the underflowing example)', () => {
    const zeros = golden.kl_div.filter((e) => !e.log_target && e.target.flat().includes(0));
    expect(zeros.length).toBeGreaterThan(0);
    // exp(log target) underflows to 0 in float32.
    const logZeros = golden.kl_div.filter(
      (e) => e.log_target && e.target.flat().some((t) => Math.fround(Math.exp(t)) === 0),
    );
    expect(logZeros.length).toBeGreaterThan(0);
  });

  it.each(golden.kl_div.map((e) => ({ label: `${e.name}, log_target=${e.log_target}`, e })))(
    'reductions are related: sum = batchmean·batch, mean = sum/numel ($label)',
    ({ e }) => {
      const input = tf.tensor2d(e.input);
      const target = tf.tensor2d(e.target);
      const [sum, mean, batchmean] = (['sum', 'mean', 'batchmean'] as const).map((reduction) => {
        const t = klDiv(input, target, { reduction, logTarget: e.log_target });
        const v = t.dataSync()[0];
        t.dispose();
        return v;
      });
      tf.dispose([input, target]);
      const batch = e.input.length;
      const numel = batch * e.input[0].length;
      expect(closeTo(sum, batchmean * batch)).toBe(true);
      expect(closeTo(mean, sum / numel)).toBe(true);
      // The same relations hold in PyTorch's numbers, so the reductions are not confused with each other.
      expect(closeTo(e.values.sum, e.values.batchmean * batch)).toBe(true);
      expect(closeTo(e.values.mean, e.values.sum / numel)).toBe(true);
      expect(batch).toBeGreaterThan(1);
    },
  );

  it('defaults to reduction "mean" and log_target false, as PyTorch does', () => {
    const e = golden.kl_div.find((x) => x.name === 'article_vs_other' && !x.log_target) as KLExample;
    const got = run(() => klDiv(tf.tensor2d(e.input), tf.tensor2d(e.target))) as number;
    expect(closeTo(got, e.values.mean)).toBe(true);
  });
});

/** Where PyTorch's gradient is NaN (null in the golden), the engine's deliberately is not. */
function expectGradientLikePyTorch(got: number[][], want: (number | null)[][]): { nanInPyTorch: number } {
  let nanInPyTorch = 0;
  want.forEach((row, i) => {
    row.forEach((w, j) => {
      expect(Number.isFinite(got[i][j]), `[${i}][${j}] = ${got[i][j]}`).toBe(true);
      if (w === null) nanInPyTorch += 1;
      else
        expect(Math.abs(got[i][j] - w), `[${i}][${j}]: got ${got[i][j]}, want ${w}`).toBeLessThanOrEqual(
          1e-5 * Math.max(1, Math.abs(w)),
        );
    });
  });
  return { nanInPyTorch };
}

describe('klDiv gradients with respect to the target', () => {
  const examples = golden.kl_div.map((e) => ({ label: `${e.name}, log_target=${e.log_target}`, e }));
  /** PyTorch's gradient is NaN only for probability targets with exact zeros: the deviation below. */
  const pytorchIsNaN = (e: KLExample) => e.name === 'underflowing_target' && !e.log_target;

  it.each(examples)('match PyTorch, directly and through (log_)softmax ($label)', ({ e }) => {
    const input = tf.tensor2d(e.input);
    const target = tf.tensor2d(e.target);
    const logits = tf.tensor2d(e.target_logits);
    const direct = tf.grad((t: tf.Tensor) => klDiv(input, t, { reduction: 'sum', logTarget: e.log_target }))(
      target,
    );
    const throughSoftmax = tf.grad((l: tf.Tensor) =>
      klDiv(input, e.log_target ? logSoftmax(l) : softmax(l), {
        reduction: 'batchmean',
        logTarget: e.log_target,
      }),
    )(logits);
    const nan = [
      expectGradientLikePyTorch(direct.arraySync() as number[][], e.target_grad),
      expectGradientLikePyTorch(throughSoftmax.arraySync() as number[][], e.target_logits_grad),
    ].map((r) => r.nanInPyTorch);
    tf.dispose([input, target, logits, direct, throughSoftmax]);
    if (pytorchIsNaN(e)) expect(nan.every((n) => n > 0)).toBe(true);
    else expect(nan).toEqual([0, 0]);
  });

  it.each(examples)('are finite for every reduction ($label)', ({ e }) => {
    const input = tf.tensor2d(e.input);
    const target = tf.tensor2d(e.target);
    for (const reduction of ['sum', 'mean', 'batchmean'] as const) {
      const g = tf.grad((t: tf.Tensor) => klDiv(input, t, { reduction, logTarget: e.log_target }))(target);
      const values = Array.from(g.dataSync());
      g.dispose();
      expect(values.length).toBe(e.target.flat().length);
      expect(values.every(Number.isFinite), `${reduction}: ${values}`).toBe(true);
    }
    tf.dispose([input, target]);
  });

  // A deliberate deviation (docs/engine-deviations.md): PyTorch 1.13 differentiates
  // target·(log target − input) at target = 0 as 0·(−∞) = NaN, and the NaN spreads through softmax
  // to the whole row and on into every weight. The engine's xlogx gives 0 there, the one-sided
  // limit, so a run whose teacher is very sure keeps training where PyTorch's would turn to NaN.
  it('DEVIATION: are finite where a probability target underflowed to 0, where PyTorch 1.13 gives NaN', () => {
    const e = golden.kl_div.find((x) => x.name === 'underflowing_target' && !x.log_target) as KLExample;
    expect(e.target.flat()).toContain(0);
    expect(e.target_grad.flat()).toContain(null);
    expect(e.target_logits_grad.flat()).toContain(null);
    const input = tf.tensor2d(e.input);
    const logits = tf.tensor2d(e.target_logits);
    const g = tf.grad((l: tf.Tensor) => klDiv(input, softmax(l), { reduction: 'batchmean' }))(logits);
    const got = g.arraySync() as number[][];
    tf.dispose([input, logits, g]);
    expect(got.flat().every(Number.isFinite), `${got}`).toBe(true);
    // Rows without a zero target are PyTorch's own numbers (checked above); in a row with one, the
    // entries whose target is 0 get no gradient at all, as in the limit.
    e.target.forEach((row, i) => {
      row.forEach((t, j) => {
        if (t === 0) expect(Math.abs(got[i][j])).toBeLessThan(1e-30);
      });
    });
  });

  it('matches the analytic gradient log(target) + 1 − input where the target is positive', () => {
    // d/dt Σ t·(log t − x) = log t + 1 − x; PyTorch's xlogy gives the same away from t = 0.
    const e = golden.kl_div.find((x) => x.name === 'article_vs_other' && !x.log_target) as KLExample;
    const input = tf.tensor2d(e.input);
    const target = tf.tensor2d(e.target);
    const g = tf.grad((t: tf.Tensor) => klDiv(input, t, { reduction: 'sum' }))(target);
    const got = g.arraySync() as number[][];
    tf.dispose([g, input, target]);
    e.target.forEach((row, i) => {
      row.forEach((t, j) => {
        const want = Math.log(t) + 1 - e.input[i][j];
        expect(Math.abs(got[i][j] - want)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want)));
      });
    });
  });
});
