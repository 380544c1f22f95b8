import * as tf from '@tensorflow/tfjs-core';
import { backward, gradNorm } from './autograd';
import { deepcopy } from './copy';
import { type Dataset, NEW_TASK, NUM_CLASSES, OLD_TASK, sampleTask } from './data/sectorTask';
import * as F from './functional';
import { BatchNorm1d, Dropout, Linear, ReLU, Sequential } from './nn';
import { Adam, type Optimizer, SGD } from './optim';
import { manualSeed, rand, randomState, restoreRandomState } from './random';
import { readAndDispose } from './readAndDispose';
import {
  batchNormLayers,
  type KLDirection,
  type KLRegOptions,
  type Mode,
  type StepLosses,
  setMode,
  trainStep,
} from './trainStep';

/** Everything a fine-tuning run depends on; the page's state schema holds the same names. */
export interface ScenarioSettings {
  lambda: number;
  dropout: number;
  modelMode: Mode;
  modelOldMode: Mode;
  freezeBatchNorm: boolean;
  lr: number;
  batchSize: number;
  optimizer: 'adam' | 'sgd';
  reduction: 'batchmean' | 'sum' | 'mean';
  logTarget: boolean;
  direction: KLDirection;
  seed: number;
  /** Pitfall: model_old is the model itself (no deep copy). */
  shareModelOld: boolean;
  /** False is the pitfall of running model_old without torch.no_grad(). */
  teacherNoGrad: boolean;
  /** Pitfall: probabilities passed as F.kl_div's input. */
  probsAsInput: boolean;
}

export const HIDDEN = 32;
export const PRETRAIN_STEPS = 200;
const PRETRAIN_BATCH = 128;
const PRETRAIN_LR = 0.02;
const TRAIN_SIZE = 1000;
const TEST_SIZE = 500;

export interface ModesGridCell {
  mode: Mode;
  noGrad: boolean;
  randomOutput: boolean;
  statsMove: boolean;
  /** ‖grad‖ reaching the parameters after one backward: 0 under no_grad. */
  gradNorm: number;
}

export interface Accuracies {
  oldTaskAcc: number;
  newTaskAcc: number;
}

/** Running statistics of the first BatchNorm layer of each model. */
export interface BatchNormStats {
  model: { runningMean: Float32Array; runningVar: Float32Array };
  modelOld: { runningMean: Float32Array; runningVar: Float32Array };
}

/** The lab's network (the backend probe times this same network). */
export function buildNet(dropout: number): Sequential {
  return new Sequential(
    new Linear(2, HIDDEN),
    new BatchNorm1d(HIDDEN),
    new ReLU(),
    new Dropout(dropout),
    new Linear(HIDDEN, HIDDEN),
    new BatchNorm1d(HIDDEN),
    new ReLU(),
    new Dropout(dropout),
    new Linear(HIDDEN, NUM_CLASSES),
  );
}

/** The optimizer fine-tuning uses, as the settings name it. */
export function fineTuneOptimizer(
  model: Sequential,
  settings: Pick<ScenarioSettings, 'optimizer' | 'lr'>,
): Optimizer {
  const { optimizer, lr } = settings;
  return optimizer === 'sgd'
    ? new SGD(model.parameters(), { lr, momentum: 0.9 })
    : new Adam(model.parameters(), { lr });
}

/** The settings that shape one fine-tuning step, as trainStep takes them. */
export function klRegOptions(s: ScenarioSettings): KLRegOptions {
  return {
    lambda: s.lambda,
    reduction: s.reduction,
    logTarget: s.logTarget,
    direction: s.direction,
    modelMode: s.modelMode,
    modelOldMode: s.modelOldMode,
    freezeBatchNorm: s.freezeBatchNorm,
    teacherNoGrad: s.teacherNoGrad,
    probsAsInput: s.probsAsInput,
  };
}

interface TensorSet {
  x: tf.Tensor2D;
  y: tf.Tensor1D;
  n: number;
}

function toTensors(d: Dataset): TensorSet {
  return { x: tf.tensor2d(d.x), y: tf.tensor1d(d.y, 'int32'), n: d.y.length };
}

/**
 * The lab's scenario: pretrain a model on the old task, freeze a deep copy as model_old, then
 * fine-tune on the new task with the article's trainStep. Same seed and settings, same numbers.
 */
export class Scenario {
  readonly model: Sequential;
  modelOld: Sequential | null = null;
  readonly oldTrain: Dataset;
  readonly newTrain: Dataset;
  private readonly oldTest: TensorSet;
  private readonly newTest: TensorSet;
  private readonly oldTrainSet: TensorSet;
  private readonly newTrainSet: TensorSet;
  /** Public so that a checkpoint can save and restore its state (checkpoint.ts). */
  optimizer: Optimizer;
  pretrainStepsDone = 0;
  fineTuneStepsDone = 0;
  /** The last fine-tuning batch's inputs, kept for measurements on "the live batch". */
  private lastBatch: tf.Tensor | null = null;

  constructor(public settings: ScenarioSettings) {
    manualSeed(settings.seed);
    this.oldTrain = sampleTask(OLD_TASK, TRAIN_SIZE);
    this.newTrain = sampleTask(NEW_TASK, TRAIN_SIZE);
    this.oldTrainSet = toTensors(this.oldTrain);
    this.newTrainSet = toTensors(this.newTrain);
    this.oldTest = toTensors(sampleTask(OLD_TASK, TEST_SIZE));
    this.newTest = toTensors(sampleTask(NEW_TASK, TEST_SIZE));
    this.model = buildNet(settings.dropout);
    this.optimizer = new Adam(this.model.parameters(), { lr: PRETRAIN_LR });
  }

  get pretrained(): boolean {
    return this.pretrainStepsDone >= PRETRAIN_STEPS;
  }

  /** A random minibatch (indices drawn from the seeded stream); the caller disposes it. */
  private batch(set: TensorSet, size: number): { x: tf.Tensor; y: tf.Tensor } {
    const idx = tf.tensor1d(
      Array.from({ length: size }, () => Math.floor(rand() * set.n)),
      'int32',
    );
    const batch = { x: tf.gather(set.x, idx), y: tf.gather(set.y, idx) };
    idx.dispose();
    return batch;
  }

  /** One plain cross-entropy step on the old task (model in train mode). */
  pretrainStep(): void {
    const { x, y } = this.batch(this.oldTrainSet, PRETRAIN_BATCH);
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
    const { x, y } = this.batch(this.newTrainSet, s.batchSize);
    // The pitfall of `model_old = model`: a second name for the same network, not a copy.
    const reference = s.shareModelOld ? this.model : this.modelOld;
    try {
      const losses = trainStep(this.model, reference, x, y, this.optimizer, klRegOptions(s));
      this.lastBatch?.dispose();
      this.lastBatch = x;
      this.fineTuneStepsDone += 1;
      return losses;
    } finally {
      // The inputs stay as the live batch only if the step trained on them; the labels always go.
      if (x !== this.lastBatch) x.dispose();
      y.dispose();
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

  /**
   * Both KL directions (batchmean) between model_old and the model on the last batch, in eval mode
   * so that measuring changes nothing, and the first sample's two distributions.
   */
  async liveBatch(): Promise<{
    size: number;
    klOldNew: number;
    klNewOld: number;
    pOld: number[];
    pNew: number[];
  } | null> {
    const { lastBatch: x, modelOld } = this;
    if (!x || !modelOld) return null;
    const [measured, firstRows] = tf.tidy(() => {
      const [logNew, logOld] = [this.model, modelOld].map((net) =>
        inEvalMode(net, () => F.logSoftmax(net.forward(x))),
      );
      const kl = (p: tf.Tensor, q: tf.Tensor) => F.klDiv(q, p, { reduction: 'batchmean', logTarget: true });
      const firstRow = (logProbs: tf.Tensor) => tf.exp(tf.slice(logProbs, [0, 0], [1, -1]));
      return [
        tf.stack([kl(logOld, logNew), kl(logNew, logOld)]),
        tf.concat([firstRow(logOld), firstRow(logNew)]),
      ];
    });
    const [values, rows] = await Promise.all([readAndDispose(measured), readAndDispose(firstRows)]);
    const classes = rows.length / 2;
    return {
      size: x.shape[0],
      klOldNew: values[0],
      klNewOld: values[1],
      pOld: Array.from(rows.slice(0, classes)),
      pNew: Array.from(rows.slice(classes)),
    };
  }

  /**
   * model.eval() versus torch.no_grad(), measured on a throwaway copy of model_old and the live
   * batch: for each mode and each no_grad choice, whether two forwards differ (dropout), whether
   * the running statistics move, and whether a backward reaches the parameters.
   */
  async modesGrid(): Promise<ModesGridCell[]> {
    const { lastBatch: x, modelOld } = this;
    if (!x || !modelOld) return [];
    const saved = randomState();
    try {
      const cells: ModesGridCell[] = [];
      for (const mode of ['train', 'eval'] as const) {
        for (const noGrad of [true, false]) cells.push(await modesCell(modelOld, x, mode, noGrad));
      }
      return cells;
    } finally {
      restoreRandomState(saved);
    }
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
    for (const set of [this.oldTrainSet, this.newTrainSet, this.oldTest, this.newTest])
      tf.dispose([set.x, set.y]);
  }
}

/** One cell of the modes grid, measured on a throwaway copy of `modelOld` that goes even on a throw. */
async function modesCell(
  modelOld: Sequential,
  x: tf.Tensor,
  mode: Mode,
  noGrad: boolean,
): Promise<ModesGridCell> {
  const probe = deepcopy(modelOld);
  try {
    setMode(probe, mode);
    const [outputChange, statsChange] = await readAndDispose(outputAndStatsChange(probe, x, noGrad));
    const norm = await gradNorm(probe);
    return { mode, noGrad, randomOutput: outputChange > 0, statsMove: statsChange > 0, gradNorm: norm };
  } finally {
    probe.dispose();
  }
}

/**
 * Two forwards of `net` on `x`: how far apart their outputs are, and how far the first BatchNorm's
 * running mean moved. With no_grad the first forward is not recorded; without it, a backward
 * follows as in training.
 */
function outputAndStatsChange(net: Sequential, x: tf.Tensor, noGrad: boolean): tf.Tensor {
  const [bn] = batchNormLayers(net);
  const held: tf.Tensor[] = [tf.clone(bn.runningMean)];
  try {
    held.push(noGrad ? net.forward(x) : forwardAndBackward(net, x));
    held.push(net.forward(x));
    const [statsBefore, first, second] = held;
    return tf.tidy(() =>
      tf.stack([tf.max(tf.abs(tf.sub(first, second))), tf.max(tf.abs(tf.sub(bn.runningMean, statsBefore)))]),
    );
  } finally {
    tf.dispose(held);
  }
}

/** A forward recorded for gradients, then backward of the outputs' sum; returns the outputs. */
function forwardAndBackward(net: Sequential, x: tf.Tensor): tf.Tensor {
  let outputs: tf.Tensor | undefined;
  const loss = backward(() => {
    outputs = tf.keep(net.forward(x));
    return tf.sum(outputs) as tf.Scalar;
  }, net.parameters());
  loss.dispose();
  return outputs as tf.Tensor;
}

/** Runs `fn` with `net` and all its layers in eval mode, then restores every layer's mode. */
function inEvalMode<T>(net: Sequential, fn: () => T): T {
  const modes = [net.training, ...net.layers.map((l) => l.training)];
  net.eval();
  try {
    return fn();
  } finally {
    net.training = modes[0];
    net.layers.forEach((l, i) => {
      l.training = modes[i + 1];
    });
  }
}

/** Fraction of `set` that `net` (in eval mode) classifies correctly. */
export async function accuracy(net: Sequential, set: TensorSet): Promise<number> {
  const correct = inEvalMode(net, () =>
    tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(net.forward(set.x), 1), set.y), 'float32'))),
  );
  return (await readAndDispose(correct))[0] / set.n;
}

/** Class probabilities of `net` (eval mode) at each point of `grid`. */
export async function probabilities(net: Sequential, grid: tf.Tensor2D): Promise<Float32Array> {
  return readAndDispose(inEvalMode(net, () => tf.tidy(() => F.softmax(net.forward(grid)))));
}

/** A size×size grid of points over [-extent, extent]², row-major from the top-left corner. */
export function gridPoints(size: number, extent: number): tf.Tensor2D {
  const coords: number[][] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const at = (i: number) => -extent + ((i + 0.5) * 2 * extent) / size;
      coords.push([at(col), -at(row)]);
    }
  }
  return tf.tensor2d(coords);
}

export interface HistoryEntry {
  step: number;
  loss_new: number;
  kl_penalty: number;
  total_loss: number;
  old_task_acc: number;
  new_task_acc: number;
}

export interface ScenarioRun {
  pretrain: { old_task_acc: number; new_task_acc: number };
  history: HistoryEntry[];
  final: HistoryEntry;
}

/**
 * The whole scenario headless: pretrain, freeze, then `steps` fine-tuning steps. Accuracies are
 * measured every `evaluateEvery` steps (and at the last); other entries repeat the latest ones.
 */
export async function runScenario(
  settings: ScenarioSettings,
  steps: number,
  evaluateEvery = 1,
): Promise<ScenarioRun> {
  const scenario = new Scenario(settings);
  try {
    while (!scenario.pretrained) scenario.pretrainStep();
    const before = await scenario.accuracies();
    const history: HistoryEntry[] = [];
    let acc = before;
    for (let i = 1; i <= steps; i++) {
      const losses = scenario.step();
      const [lossNew, klPenalty, totalLoss] = await Promise.all([
        losses.lossNew.data(),
        losses.klPenalty.data(),
        losses.totalLoss.data(),
      ]);
      tf.dispose([losses.lossNew, losses.klPenalty, losses.totalLoss]);
      if (i % evaluateEvery === 0 || i === steps) acc = await scenario.accuracies();
      history.push({
        step: i,
        loss_new: lossNew[0],
        kl_penalty: klPenalty[0],
        total_loss: totalLoss[0],
        old_task_acc: acc.oldTaskAcc,
        new_task_acc: acc.newTaskAcc,
      });
    }
    return {
      pretrain: { old_task_acc: before.oldTaskAcc, new_task_acc: before.newTaskAcc },
      history,
      final: history[history.length - 1],
    };
  } finally {
    scenario.dispose();
  }
}
