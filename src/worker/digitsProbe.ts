/**
 * What the digits view shows, measured beside training: one test digit of each class, upright (the
 * old task) and turned (the new task), with the class model_old and the model give each, and both
 * models' accuracy per class on both test sets. Eval mode, no randomness: the run is left exactly
 * as it was (the same rule as `engine/probes.ts`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { inEvalMode, type TensorSet } from '../engine/evaluate';
import type { Sequential } from '../engine/nn';
import { readAndDispose } from '../engine/readAndDispose';
import type { Scenario } from '../engine/scenario';
import { firstOfEachClass, perClassAccuracy } from './classAccuracy';

export interface DigitSample {
  /** Digits per task: images [0, perTask) are upright, [perTask, 2·perTask) the same ones turned. */
  perTask: number;
  /** Pixels per side of each (square) image. */
  side: number;
  /** 2·perTask images of side² grey levels (0–255), row-major. */
  pixels: Uint8Array;
  /** The true class of each digit (the same for its upright and turned image). */
  labels: number[];
}

/** Accuracy per class (fractions) on each task's whole test set. */
export interface ClassAccuracy {
  oldTask: number[];
  newTask: number[];
}

/** Both models' accuracy per class, and the step it was measured after. */
export interface PerClassAccuracy {
  step: number;
  modelOld: ClassAccuracy;
  model: ClassAccuracy;
}

export interface DigitScores {
  /** The step the predictions were made after. */
  step: number;
  /** The class each model predicts for each image of the sample, in the sample's order. */
  predicted: { modelOld: number[]; model: number[] };
  /** Null when not measured with this report (it takes a pass over both test sets). */
  perClass: PerClassAccuracy | null;
}

/** The sample: the first test digit of each class, as the network reads them (both tasks). */
export async function digitSample(s: Scenario): Promise<DigitSample> {
  const indices = await sampleIndices(s);
  const values = await readAndDispose(sampleInputs(s, indices));
  const labels = Array.from(await readAndDispose(tf.gather(s.oldTest.y, tf.tensor1d(indices, 'int32'))));
  const pixels = Uint8Array.from(values, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
  return { perTask: indices.length, side: Math.round(Math.sqrt(s.spec.features)), pixels, labels };
}

/** The sample's inputs: the chosen upright test digits, then the same digits turned. */
function sampleInputs(s: Scenario, indices: number[]): tf.Tensor2D {
  return tf.tidy(() => {
    const at = tf.tensor1d(indices, 'int32');
    return tf.concat([tf.gather(s.oldTest.x, at), tf.gather(s.newTest.x, at)]);
  });
}

const sampleCache = new WeakMap<TensorSet, number[]>();

async function sampleIndices(s: Scenario): Promise<number[]> {
  const known = sampleCache.get(s.oldTest);
  if (known) return known;
  const labels = await s.oldTest.y.data();
  const indices = firstOfEachClass(labels, s.spec.classes).filter((i) => i >= 0);
  sampleCache.set(s.oldTest, indices);
  return indices;
}

/**
 * The sample's predictions, and with `perClass` both models' accuracy per class on both test sets;
 * `modelOldKnown` is model_old's, measured before, when nothing can have changed it since.
 */
export async function digitScores(
  s: Scenario,
  perClass: boolean,
  modelOldKnown: ClassAccuracy | null = null,
): Promise<DigitScores> {
  const { modelOld, model } = s;
  if (!modelOld) throw new Error('model_old is not frozen yet');
  const indices = await sampleIndices(s);
  const predictions = (net: Sequential, set: TensorSet) =>
    readAndDispose(inEvalMode(net, () => tf.tidy(() => tf.argMax(net.forward(set.x), 1))));
  const samplePredictions = async (net: Sequential) => {
    const sample = sampleInputs(s, indices);
    try {
      return Array.from(
        await readAndDispose(inEvalMode(net, () => tf.tidy(() => tf.argMax(net.forward(sample), 1)))),
      );
    } finally {
      sample.dispose();
    }
  };
  const predicted = { modelOld: await samplePredictions(modelOld), model: await samplePredictions(model) };
  if (!perClass) return { step: s.fineTuneStepsDone, predicted, perClass: null };
  const [oldLabels, newLabels] = await Promise.all([s.oldTest.y.data(), s.newTest.y.data()]);
  const classes = s.spec.classes;
  const accuracyOf = async (net: Sequential): Promise<ClassAccuracy> => ({
    oldTask: perClassAccuracy(await predictions(net, s.oldTest), oldLabels, classes),
    newTask: perClassAccuracy(await predictions(net, s.newTest), newLabels, classes),
  });
  const oldScores = modelOldKnown ?? (await accuracyOf(modelOld));
  // Before the first fine-tuning step the model is model_old's copy: one pass says it for both.
  const modelScores = s.fineTuneStepsDone === 0 ? oldScores : await accuracyOf(model);
  const step = s.fineTuneStepsDone;
  return { step, predicted, perClass: { step, modelOld: oldScores, model: modelScores } };
}
