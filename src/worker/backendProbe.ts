import * as tf from '@tensorflow/tfjs-core';
import { deepcopy } from '../engine/copy';
import { NEW_TASK, sampleTask } from '../engine/data/sectorTask';
import { buildNet, fineTuneOptimizer, klRegOptions } from '../engine/labNet';
import { randomState, restoreRandomState } from '../engine/random';
import { SCENARIO_DEFAULTS } from '../engine/scenarioSettings';
import { trainStep } from '../engine/trainStep';

/** The first steps compile kernels (shaders, pipelines) and would understate any backend. */
const WARMUP_STEPS = 2;
/** The lab reads its losses once per batch of steps, so the probe syncs as often. */
const STEPS_PER_READ = 3;
/** Long enough to average out a few timer ticks, short enough not to delay the page. */
const DEFAULT_BUDGET_MS = 100;

/**
 * Fine-tuning steps per second on TF.js's current backend: the lab's own network, optimizer and
 * trainStep with the default settings, on a batch of the new task. The weights are not pretrained,
 * which costs the same per step. Leaves no tensors behind and the seeded random stream untouched.
 */
export async function measureStepsPerSecond(budgetMs = DEFAULT_BUDGET_MS): Promise<number> {
  const saved = randomState();
  const settings = SCENARIO_DEFAULTS;
  const batch = sampleTask(NEW_TASK, settings.batchSize);
  const x = tf.tensor2d(batch.x);
  const y = tf.tensor1d(batch.y, 'int32');
  const model = buildNet(settings.dropout);
  const modelOld = deepcopy(model);
  const optimizer = fineTuneOptimizer(model, settings);
  const options = klRegOptions(settings);

  /** n steps, then one read of the last loss: the backend has finished them when it resolves. */
  const steps = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      const { lossNew, klPenalty, totalLoss } = trainStep(model, modelOld, x, y, optimizer, options);
      tf.dispose([lossNew, klPenalty]);
      if (i === n - 1) await totalLoss.data();
      totalLoss.dispose();
    }
  };

  try {
    await steps(WARMUP_STEPS);
    let done = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < budgetMs) {
      await steps(STEPS_PER_READ);
      done += STEPS_PER_READ;
      elapsed = performance.now() - started;
    }
    return (done * 1000) / elapsed;
  } finally {
    optimizer.dispose();
    model.dispose();
    modelOld.dispose();
    tf.dispose([x, y]);
    restoreRandomState(saved);
  }
}
