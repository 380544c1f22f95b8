import * as tf from '@tensorflow/tfjs-core';
import type { TensorSet } from './evaluate';
import { inEvalMode } from './evaluate';
import { type StackedStepLosses, stackedTrainStep } from './func/stackedTrainStep';
import { stackModels } from './func/stackModels';
import { fineTuneOptimizer, klRegOptions } from './labNet';
import { Dropout, type Sequential } from './nn';
import type { Optimizer } from './optim';
import { nextSeed, randomState, restoreRandomState } from './random';
import { readAndDispose } from './readAndDispose';
import { batchIndices, Scenario } from './scenario';
import type { ScenarioSettings } from './scenarioSettings';

/** One run of a sweep: the λ it fine-tunes with and the seed of its scenario. */
export interface SweepRun {
  lambda: number;
  seed: number;
}

/** Test-set accuracy of every run, in the order of `Sweep.runs`. */
export interface SweepAccuracies {
  oldTaskAcc: number[];
  newTaskAcc: number[];
}

/** A seed's pretrained scenario and the place its random stream has reached. */
interface SeedStream {
  scenario: Scenario;
  randomState: number;
}

/**
 * The lab's scenario for every (seed, λ) pair at once: each seed's model is pretrained once with
 * `Scenario` (pretraining does not depend on λ), then the K fine-tuning runs train stacked
 * (`stackModels`, `stackedTrainStep`). Each run draws the minibatches and dropout masks its single
 * `Scenario` with that seed would draw, from that seed's own stream, so it retraces that run up to
 * float rounding. The pitfalls (`shareModelOld`, `teacherNoGrad: false`, `probsAsInput`) are single
 * runs' lessons and are refused.
 */
export class Sweep {
  readonly runs: SweepRun[];
  readonly model: Sequential;
  readonly modelOld: Sequential;
  fineTuneStepsDone = 0;
  private readonly streams: SeedStream[];
  /** For each run, the index of its seed in `streams`. */
  private readonly streamOf: tf.Tensor1D;
  private readonly lambda: tf.Tensor1D;
  private readonly optimizer: Optimizer;
  private readonly oldTest: TensorSet;
  private readonly newTest: TensorSet;
  /** Per dropout draw of a step, in the order trainStep's forwards draw them, the seed of each stream. */
  private stepSeeds: number[][] = [];
  /** The next of `stepSeeds` a Dropout layer takes. */
  private nextDraw = 0;

  constructor(
    readonly settings: ScenarioSettings,
    lambdas: number[],
    seeds: number[],
  ) {
    if (settings.shareModelOld || !settings.teacherNoGrad || settings.probsAsInput)
      throw new Error(
        'a sweep trains without the pitfalls (shareModelOld, teacherNoGrad false, probsAsInput)',
      );
    if (lambdas.length === 0 || seeds.length === 0)
      throw new Error('a sweep needs at least one λ and one seed');
    this.runs = seeds.flatMap((seed) => lambdas.map((lambda) => ({ lambda, seed })));
    this.streams = seeds.map((seed) => {
      const scenario = new Scenario({ ...settings, seed });
      while (!scenario.pretrained) scenario.pretrainStep();
      return { scenario, randomState: randomState() };
    });
    const streamIndex = this.runs.map((r) => seeds.indexOf(r.seed));
    const scenarios = streamIndex.map((i) => this.streams[i].scenario);
    this.model = stackModels(scenarios.map((s) => s.model));
    this.modelOld = stackModels(scenarios.map((s) => s.modelOld as Sequential));
    this.optimizer = fineTuneOptimizer(this.model, settings);
    this.streamOf = tf.tensor1d(streamIndex, 'int32');
    this.lambda = tf.tensor1d(this.runs.map((r) => r.lambda));
    this.oldTest = this.perRun((s) => s.oldTest);
    this.newTest = this.perRun((s) => s.newTest);
    this.drawDropoutFromStreams(this.modelOld);
    this.drawDropoutFromStreams(this.model);
  }

  /** A set of each stream's scenario, gathered per run: x [K, n, features], y [K, n]. */
  private perRun(set: (s: Scenario) => TensorSet): TensorSet {
    return tf.tidy(() => ({
      x: tf.gather(tf.stack(this.streams.map((s) => set(s.scenario).x)), this.streamOf) as tf.Tensor2D,
      y: tf.gather(tf.stack(this.streams.map((s) => set(s.scenario).y)), this.streamOf) as tf.Tensor1D,
      n: set(this.streams[0].scenario).n,
    }));
  }

  /** How many dropout masks `net` draws in one forward with the sweep's settings. */
  private dropoutDraws(net: Sequential): number {
    const mode = net === this.model ? this.settings.modelMode : this.settings.modelOldMode;
    const p = this.settings.dropout;
    if (mode !== 'train' || p <= 0 || p >= 1) return 0;
    return net.layers.filter((l) => l instanceof Dropout).length;
  }

  /**
   * Makes each Dropout layer of `net` draw run k's mask with the seed run k's single scenario
   * would use for it, one mask per stream, gathered per run. The forwards of a step draw in the
   * order the single step draws (model_old, the model, the model on replayed inputs).
   */
  private drawDropoutFromStreams(net: Sequential): void {
    for (const layer of net.layers) {
      if (!(layer instanceof Dropout)) continue;
      const keepMask = layer.keepMask.bind(layer);
      layer.keepMask = ([, batch, features]) => {
        const seeds = this.stepSeeds[this.nextDraw++];
        return tf.tidy(() =>
          tf.gather(tf.stack(seeds.map((seed) => keepMask([batch, features], seed))), this.streamOf),
        );
      };
    }
  }

  /**
   * One fine-tuning step of every run. Each stream first draws what its single run would draw in
   * this step (minibatch rows, then one seed per dropout mask). The caller owns the losses ([K]).
   */
  step(): StackedStepLosses {
    const s = this.settings;
    const replay = s.klInputs === 'replay';
    // With replay the model runs twice: on the new batch, then on the replayed inputs.
    const draws = this.dropoutDraws(this.modelOld) + this.dropoutDraws(this.model) * (replay ? 2 : 1);
    const rows: number[][] = [];
    const replayRows: number[][] = [];
    const seeds: number[][] = Array.from({ length: draws }, () => []);
    for (const stream of this.streams) {
      restoreRandomState(stream.randomState);
      rows.push(batchIndices(stream.scenario.newTrainSet.n, s.batchSize));
      if (replay) replayRows.push(batchIndices(stream.scenario.oldTrainSet.n, s.batchSize));
      for (const slot of seeds) slot.push(nextSeed());
      stream.randomState = randomState();
    }
    this.stepSeeds = seeds;
    this.nextDraw = 0;
    const { x, y, xReplay } = tf.tidy(() => {
      const pick = (rowsOf: number[][], tensorOf: (s: Scenario) => tf.Tensor) =>
        tf.gather(
          tf.stack(this.streams.map((st, i) => tf.gather(tensorOf(st.scenario), rowsOf[i]))),
          this.streamOf,
        );
      return {
        x: pick(rows, (sc) => sc.newTrainSet.x),
        y: pick(rows, (sc) => sc.newTrainSet.y),
        xReplay: replay ? pick(replayRows, (sc) => sc.oldTrainSet.x) : undefined,
      };
    });
    try {
      // The single run's options, λ per run; the pitfalls were refused in the constructor.
      const { lambda: _, teacherNoGrad: __, probsAsInput: ___, ...options } = klRegOptions(this.settings);
      const losses = stackedTrainStep(this.model, this.modelOld, x, y, this.optimizer, {
        ...options,
        lambda: this.lambda,
        klBatch: xReplay,
      });
      this.fineTuneStepsDone += 1;
      return losses;
    } finally {
      tf.dispose([x, y, xReplay]);
    }
  }

  /** Test-set accuracy of every run on both tasks, in eval mode (modes are restored). */
  async accuracies(): Promise<SweepAccuracies> {
    const correct = (set: TensorSet) =>
      tf.sum(tf.cast(tf.equal(tf.argMax(this.model.forward(set.x), 2), set.y), 'float32'), 1);
    const counts = inEvalMode(this.model, () =>
      tf.tidy(() => tf.stack([correct(this.oldTest), correct(this.newTest)])),
    );
    const values = await readAndDispose(counts);
    const k = this.runs.length;
    // Divided here, as `accuracy` divides, so that a run's figures print as its single run's do.
    const fraction = (from: number, n: number) => Array.from(values.slice(from, from + k), (c) => c / n);
    return { oldTaskAcc: fraction(0, this.oldTest.n), newTaskAcc: fraction(k, this.newTest.n) };
  }

  dispose(): void {
    this.optimizer.dispose();
    this.model.dispose();
    this.modelOld.dispose();
    for (const { scenario } of this.streams) scenario.dispose();
    tf.dispose([this.streamOf, this.lambda, this.oldTest.x, this.oldTest.y, this.newTest.x, this.newTest.y]);
  }
}
