import * as tf from '@tensorflow/tfjs-core';
import { DIGIT_PIXELS, type DigitImages, providedDigits } from './data/digitSet';
import { digitInputs } from './data/rotateDigits';
import { type Dataset, NEW_TASK, OLD_TASK, sampleTask } from './data/sectorTask';
import { type TensorSet, toTensors } from './evaluate';
import type { ScenarioSettings } from './scenarioSettings';

const SECTOR_TRAIN_SIZE = 1000;
const SECTOR_TEST_SIZE = 500;

/** The four sets a scenario trains and measures on, on the backend. */
export interface TaskSets {
  oldTrain: TensorSet;
  newTrain: TensorSet;
  oldTest: TensorSet;
  newTest: TensorSet;
}

/** A scenario's data: the sets, and for the 2-D scenario the points as drawn (an export writes them). */
export interface TaskData {
  sets: TaskSets;
  points: Record<keyof TaskSets, Dataset> | null;
}

/**
 * The data of the scenario the settings name. The 2-D points are drawn from the seeded stream, so
 * they depend on the seed; the digits are a fixed dataset (the seed only orders the batches), the
 * new task the same digits turned by `rotation` degrees.
 */
export function loadTask(settings: ScenarioSettings): TaskData {
  if (settings.scenario === 'digits') {
    const { train, test } = providedDigits();
    const set = (images: DigitImages, degrees: number): TensorSet => ({
      x: tf.tensor2d(digitInputs(images, degrees), [images.n, DIGIT_PIXELS]),
      y: tf.tensor1d(Int32Array.from(images.labels), 'int32'),
      n: images.n,
    });
    const turn = settings.rotation;
    return {
      sets: {
        oldTrain: set(train, 0),
        newTrain: set(train, turn),
        oldTest: set(test, 0),
        newTest: set(test, turn),
      },
      points: null,
    };
  }
  // The order of the draws is the order every run and every export has used.
  const points = {
    oldTrain: sampleTask(OLD_TASK, SECTOR_TRAIN_SIZE),
    newTrain: sampleTask(NEW_TASK, SECTOR_TRAIN_SIZE),
    oldTest: sampleTask(OLD_TASK, SECTOR_TEST_SIZE),
    newTest: sampleTask(NEW_TASK, SECTOR_TEST_SIZE),
  };
  return {
    sets: {
      oldTrain: toTensors(points.oldTrain),
      newTrain: toTensors(points.newTrain),
      oldTest: toTensors(points.oldTest),
      newTest: toTensors(points.newTest),
    },
    points,
  };
}

export function disposeTask({ sets }: TaskData): void {
  for (const set of Object.values(sets)) tf.dispose([set.x, set.y]);
}
