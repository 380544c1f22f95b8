import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backward, gradNorm, NoGradFnError, noGrad } from '../autograd';
import { Linear } from '../nn';
import { manualSeed } from '../random';

const X = [
  [0.5, -1.25, 2],
  [-0.75, 0.25, 1.5],
];

const created: Linear[] = [];

function linear(): Linear {
  const layer = new Linear(3, 2);
  created.push(layer);
  return layer;
}

/** d/dW and d/db of Σ(x·Wᵀ + b) in float64: every weight row gets Σ_batch x, every bias the batch size. */
function sumOfOutputsGrads(x: number[][], outFeatures: number) {
  const column = x[0].map((_, i) => x.reduce((s, row) => s + row[i], 0));
  return {
    weight: Array.from({ length: outFeatures }, () => column),
    bias: Array(outFeatures).fill(x.length),
  };
}

/** `layer(x).sum().backward()` */
function backwardOfSum(layer: Linear, x: tf.Tensor): void {
  backward(() => tf.sum(layer.forward(x)) as tf.Scalar, layer.parameters()).dispose();
}

const read = async (t: tf.Tensor | null) => (t ? (t.arraySync() as number[] | number[][]) : null);

beforeAll(async () => {
  await tf.setBackend('cpu');
  manualSeed(3);
});

afterEach(() => {
  for (const layer of created.splice(0)) layer.dispose();
});

describe('backward and noGrad, as loss.backward() and torch.no_grad()', () => {
  it('a forward under noGrad inside the loss passes no gradient back; the rest of the loss does', async () => {
    const [recorded, unrecorded] = [linear(), linear()];
    const x = tf.tensor2d(X);
    const loss = backward(
      () => tf.add(tf.sum(recorded.forward(x)), tf.sum(noGrad(() => unrecorded.forward(x)))) as tf.Scalar,
      [...recorded.parameters(), ...unrecorded.parameters()],
    );
    const expected = sumOfOutputsGrads(X, 2);
    const weight = (await read(recorded.weight.grad)) as number[][];
    weight.forEach((row, o) => {
      row.forEach((g, i) => {
        expect(g).toBeCloseTo(expected.weight[o][i], 5);
      });
    });
    expect(await read(recorded.bias.grad)).toEqual(expected.bias);
    expect(unrecorded.weight.grad).toBeNull();
    expect(unrecorded.bias.grad).toBeNull();
    // The value is the whole loss, the unrecorded part included.
    const outputs = tf.tidy(() => tf.add(tf.sum(recorded.forward(x)), tf.sum(unrecorded.forward(x))));
    expect((await loss.data())[0]).toBeCloseTo((await outputs.data())[0], 5);
    tf.dispose([x, loss, outputs]);
  });

  it('backward of a loss computed wholly under noGrad raises PyTorch’s error, keeps no tensor and leaves .grad as it was', async () => {
    const layer = linear();
    const x = tf.tensor2d(X);
    backwardOfSum(layer, x);
    const before = await gradNorm(layer);
    const tensors = tf.memory().numTensors;
    expect(() =>
      backward(() => tf.sum(noGrad(() => layer.forward(x))) as tf.Scalar, layer.parameters()),
    ).toThrow(NoGradFnError);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(await gradNorm(layer)).toBe(before);
    x.dispose();
  });

  it('recording resumes after noGrad returns, after it throws, and after nested noGrads', async () => {
    const layer = linear();
    const x = tf.tensor2d(X);
    expect(() =>
      noGrad(() => {
        throw new Error('inside no_grad');
      }),
    ).toThrow('inside no_grad');
    noGrad(() => noGrad(() => tf.dispose(layer.forward(x))));
    backwardOfSum(layer, x);
    expect(await read(layer.bias.grad)).toEqual(sumOfOutputsGrads(X, 2).bias);
    x.dispose();
  });
});

describe('gradNorm', () => {
  it('is √(Σ‖grad‖²) over the parameters holding a gradient, and 0 when none does', async () => {
    const layer = linear();
    expect(await gradNorm(layer)).toBe(0);
    const x = tf.tensor2d(X);
    backwardOfSum(layer, x);
    const { weight, bias } = sumOfOutputsGrads(X, 2);
    const squares = [...weight.flat(), ...bias].reduce((s, g) => s + g * g, 0);
    expect(await gradNorm(layer)).toBeCloseTo(Math.sqrt(squares), 5);
    x.dispose();
  });
});
