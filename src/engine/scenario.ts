import * as tf from '@tensorflow/tfjs-core';
import { backward, gradNorm } from './autograd';
import { deepcopy } from './copy';
import { accuracy, type TensorSet } from './evaluate';
import * as F from './functional';
import { buildNet, fineTuneOptimizer, klRegOptions } from './labNet';
import { Dropout, type Sequential } from './nn';
import { Adam, type Optimizer, type SGD } from './optim';
import { manualSeed, rand } from './random';
import type { ScenarioSettings } from './scenarioSettings';
import { SCENARIO_SPECS, type ScenarioSpec } from './scenarioSpecs';
import { disposeTask, loadTask, type TaskData } from './scenarioTasks';
import { batchNormLayers, type StepLosses, trainStep } from './trainStep';

export interface Accuracies {
  oldTaskAcc: number;
  newTaskAcc: number;
}

/** Running statistics of the first BatchNorm layer of each model. */
export interface BatchNormStats {
  model: { runningMean: Float32Array; runningVar: Float32Array };
  modelOld: { runningMean: Float32Array; runningVar: Float32Array };
}

/** The rows of one random minibatch of a set of `n`, drawn from the seeded stream. */
export function batchIndices(n: number, size: number): number[] {
  return Array.from({ length: size }, () => Math.floor(rand() * n));
}

/**
 * The lab's scenario: pretrain a model on the old task, freeze a deep copy as model_old, then
 * fine-tune on the new task with the article's trainStep. Same seed and settings, same numbers.
 */
export class Scenario {
  readonly model: Sequential;
  modelOld: Sequential | null = null;
  readonly spec: ScenarioSpec;
  /** The sets; for the 2-D scenario also its points as drawn (a PyTorch export writes them out). */
  readonly task: TaskData;
  readonly oldTest: TensorSet;
  readonly newTest: TensorSet;
  readonly oldTrainSet: TensorSet;
  readonly newTrainSet: TensorSet;
  /** Public so that a checkpoint can save and restore its state (checkpoint.ts). */
  optimizer: Optimizer;
  pretrainStepsDone = 0;
  fineTuneStepsDone = 0;
  /** The last fine-tuning batch's inputs, kept for measurements on "the live batch" (see probes.ts). */
  private lastBatch: tf.Tensor | null = null;
  /**
   * Hears the rows each fine-tuning step draws: of the new task's training set, and with replay of
   * the old task's (a PyTorch export replays them).
   */
  onFineTuneBatch: ((indices: number[], replayed: number[] | null) => void) | null = null;

  constructor(public settings: ScenarioSettings) {
    manualSeed(settings.seed);
    this.spec = SCENARIO_SPECS[settings.scenario];
    this.task = loadTask(settings);
    ({ oldTrain: this.oldTrainSet, newTrain: this.newTrainSet } = this.task.sets);
    ({ oldTest: this.oldTest, newTest: this.newTest } = this.task.sets);
    this.model = buildNet(settings.dropout, this.spec);
    this.optimizer = new Adam(this.model.parameters(), { lr: this.spec.pretrainLr });
  }

  get liveInputs(): tf.Tensor | null {
    return this.lastBatch;
  }

  get pretrained(): boolean {
    return this.pretrainStepsDone >= this.spec.pretrainSteps;
  }

  /** A random minibatch (indices drawn from the seeded stream); the caller disposes it. */
  private batch(set: TensorSet, size: number): { x: tf.Tensor; y: tf.Tensor; indices: number[] } {
    const indices = batchIndices(set.n, size);
    const idx = tf.tensor1d(indices, 'int32');
    const batch = { x: tf.gather(set.x, idx), y: tf.gather(set.y, idx), indices };
    idx.dispose();
    return batch;
  }

  /** One plain cross-entropy step on the old task (model in train mode). */
  pretrainStep(): void {
    const { x, y } = this.batch(this.oldTrainSet, this.spec.pretrainBatch);
    this.model.train();
    this.optimizer.zeroGrad();
    const loss = backward(() => F.crossEntropy(this.model.forward(x), y), this.model.parameters());
    this.optimizer.step();
    tf.dispose([x, y, loss]);
    this.pretrainStepsDone += 1;
    if (this.pretrained) this.freeze();
  }

  /** Freezes model_old as a deep copy of the pretrained model; fine-tuning starts afresh. */
  private freeze(): void {
    this.modelOld = deepcopy(this.model);
    this.optimizer.zeroGrad();
    this.optimizer.dispose();
    this.optimizer = this.makeOptimizer();
  }

  private makeOptimizer(): Optimizer {
    return fineTuneOptimizer(this.model, this.settings);
  }

  /** Applies new settings from the next step on. A changed optimizer starts with fresh state. */
  update(next: ScenarioSettings): void {
    const previous = this.settings;
    this.settings = next;
    for (const net of [this.model, this.modelOld]) {
      for (const layer of net?.layers ?? []) if (layer instanceof Dropout) layer.p = next.dropout;
    }
    if (!this.pretrained) return;
    if (next.optimizer !== previous.optimizer) {
      this.optimizer.dispose();
      this.optimizer = this.makeOptimizer();
    } else {
      (this.optimizer as Adam | SGD).lr = next.lr;
    }
  }

  /** One fine-tuning step on the new task: the article's trainStep. The caller owns the scalars. */
  step(): StepLosses {
    if (!this.modelOld) throw new Error('pretrain the model before fine-tuning it');
    const s = this.settings;
    const { x, y, indices } = this.batch(this.newTrainSet, s.batchSize);
    // Replay: the KL is measured on a batch of old-task training inputs, drawn after the new batch.
    const replay = s.klInputs === 'replay' ? this.batch(this.oldTrainSet, s.batchSize) : null;
    this.onFineTuneBatch?.(indices, replay?.indices ?? null);
    replay?.y.dispose();
    // The pitfall of `model_old = model`: a second name for the same network, not a copy.
    const reference = s.shareModelOld ? this.model : this.modelOld;
    try {
      const options = { ...klRegOptions(s), klBatch: replay?.x };
      const losses = trainStep(this.model, reference, x, y, this.optimizer, options);
      this.lastBatch?.dispose();
      this.lastBatch = x;
      this.fineTuneStepsDone += 1;
      return losses;
    } finally {
      // The inputs stay as the live batch only if the step trained on them; the labels always go.
      if (x !== this.lastBatch) x.dispose();
      tf.dispose([y, replay?.x]);
    }
  }

  /** Test-set accuracy of the model on both tasks, in eval mode (its mode is restored). */
  async accuracies(): Promise<Accuracies> {
    const [oldTaskAcc, newTaskAcc] = await Promise.all([
      accuracy(this.model, this.oldTest),
      accuracy(this.model, this.newTest),
    ]);
    return { oldTaskAcc, newTaskAcc };
  }

  async batchNormStats(): Promise<BatchNormStats | null> {
    if (!this.modelOld) return null;
    const read = async (net: Sequential) => {
      const [bn] = batchNormLayers(net);
      return {
        runningMean: (await bn.runningMean.data()) as Float32Array,
        runningVar: (await bn.runningVar.data()) as Float32Array,
      };
    };
    return { model: await read(this.model), modelOld: await read(this.modelOld) };
  }

  /** ‖grad‖ piled up in model_old's parameters (only the no_grad pitfall puts any there). */
  modelOldGradNorm(): Promise<number> {
    return this.modelOld && !this.settings.shareModelOld ? gradNorm(this.modelOld) : Promise.resolve(0);
  }

  dispose(): void {
    this.lastBatch?.dispose();
    this.optimizer.dispose();
    this.model.dispose();
    this.modelOld?.dispose();
    disposeTask(this.task);
  }
}
