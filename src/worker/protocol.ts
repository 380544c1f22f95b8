/**
 * The typed messages between the page and the lab worker. Commands flow page → worker; reports
 * flow worker → page. Every command carries an `id` and the `runId` of the run it is meant for,
 * and gets exactly one answer: a report whose `answers` is that id. Every report carries the
 * `runId` it belongs to, so the page can drop what an earlier run sends after a reset.
 */

import type { Checkpoint } from '../engine/checkpoint';
import type { LiveBatch, ModesGridCell } from '../engine/probes';
import type { ScenarioSettings } from '../engine/scenarioSettings';
import type { StepValues } from '../engine/stepValues';
import type { BackendStatus } from './backend';
import type { BackendName } from './backendNames';
import type { DigitSample, DigitScores } from './digitsProbe';

export type CommandBody =
  /** A new run: generate data, build and pretrain the model, freeze model_old. Answer: `ready`. */
  | { type: 'start'; settings: ScenarioSettings; backend: BackendName | 'auto'; digitsUrl?: string }
  /** Settings that apply from the next step on. Answer: `ack`. */
  | { type: 'settings'; settings: ScenarioSettings }
  /** Train up to `steps` fine-tuning steps. Answer: `metrics`, or `diverged`. */
  | { type: 'run'; steps: number }
  /** Answer: `backend`. */
  | { type: 'backend'; backend: BackendName | 'auto' }
  /** The run's first `steps` steps as a PyTorch script (or notebook). Answer: `pytorch`. */
  | { type: 'pytorch'; steps: number; notebook: boolean }
  /**
   * Continue a run from `checkpoint` (after a worker crash, a lost GPU device, or a roll back):
   * restore it, retrain silently up to step `to` applying each of `replay` after its step, then
   * apply `settings`. Starts the backend first if none runs (`backend`, leaving out `skip`).
   * Answer: `resumed`.
   */
  | {
      type: 'resume';
      settings: ScenarioSettings;
      checkpoint: Checkpoint;
      replay: SettingsChange[];
      to: number;
      backend: BackendName | 'auto';
      skip: BackendName[];
      digitsUrl?: string;
    };

/**
 * `digitsUrl`: where the page serves `digits.bin` (an absolute URL on its own origin). The worker
 * fetches it only for a digits run, once; a worker that has the digits already (or a test in Node,
 * which provides them itself) needs none.
 */

/** Settings the worker applied once `afterStep` fine-tuning steps were done. */
export interface SettingsChange {
  afterStep: number;
  settings: ScenarioSettings;
}

export type Command = CommandBody & { id: number; runId: number };

export interface StepMetrics extends StepValues {
  step: number;
  lambda: number;
}

export interface ChannelStats {
  runningMean: number[];
  runningVar: number[];
}

/** Measurements taken after the last step of a report. */
export interface Snapshot {
  step: number;
  oldTaskAcc: number;
  newTaskAcc: number;
  /** First BatchNorm layer's running statistics of each model. */
  batchNorm: { model: ChannelStats; modelOld: ChannelStats };
  /** The last step's batch, seen both ways; null before fine-tuning starts. */
  batch: LiveBatch | null;
  /** ‖grad‖ accumulated in model_old's parameters: 0 unless the no_grad pitfall is on. */
  modelOldGradNorm: number;
}

/** Class probabilities of both models over a square grid, row-major from the top-left. */
export interface Boundaries {
  /** Cells per side. */
  size: number;
  /** The grid spans [-extent, extent] on both axes. */
  extent: number;
  classes: number;
  model: Float32Array;
  modelOld: Float32Array;
}

export interface PlotPoints {
  /** A subsample of each task's training points, for drawing. */
  oldTask: { x: number[][]; y: number[] };
  newTask: { x: number[][]; y: number[] };
}

/** Measured beside training on the live batch (see src/engine/probes.ts). */
export type { LiveBatch, ModesGridCell } from '../engine/probes';
/** The digits view: test digits as both models see them, and accuracy per class (`digitsProbe.ts`). */
export type { DigitSample, DigitScores } from './digitsProbe';

/** How a command was answered without a report of its own. */
export type AckOutcome =
  | 'applied' // settings: read from the next step on
  | 'stale' // meant for a run that a newer `start` replaced: nothing was done
  | 'not-ready'; // `run` before pretraining finished: nothing was done

export type ReportBody =
  | { type: 'backend'; status: BackendStatus }
  /** The digits asset is being fetched (the digits scenario only, once per worker). */
  | { type: 'loadingDigits' }
  | { type: 'pretraining'; done: number; total: number }
  /** `afterStep`: for applied settings, the fine-tuning steps done when they took effect. */
  | { type: 'ack'; outcome: AckOutcome; afterStep?: number }
  /**
   * The GPU device of `backend` is gone, and every tensor on it. Sent at once, ahead of the command
   * in flight (which may never finish): the page restarts the engine from its last checkpoint.
   */
  | { type: 'deviceLost'; backend: BackendName; message: string }
  /** Everything needed to continue the run from `checkpoint.step` (taken every few hundred steps). */
  | { type: 'checkpoint'; checkpoint: Checkpoint }
  /** A `resume` is done: the run stands at `snapshot.step` again. */
  | { type: 'resumed'; snapshot: Snapshot; boundaries: Boundaries | null; digits: DigitsReport | null }
  /** `boundaries` for the 2-D scenario, `digits` for the digits scenario; the other is null. */
  | {
      type: 'ready';
      pretrainOldTaskAcc: number;
      points: PlotPoints;
      snapshot: Snapshot;
      boundaries: Boundaries | null;
      digits: DigitsReport | null;
    }
  | {
      type: 'metrics';
      steps: StepMetrics[];
      snapshot: Snapshot;
      boundaries: Boundaries | null;
      modesGrid: ModesGridCell[] | null;
      /** Every few steps, as the boundaries: the sample's predictions and accuracy per class. */
      digitScores: DigitScores | null;
    }
  /**
   * Training stopped because a loss stopped being finite (or exploded); `steps` are the metrics up
   * to and including that step, so the readouts show the step the notice names.
   */
  | { type: 'diverged'; steps: StepMetrics[] }
  | { type: 'error'; message: string; about?: ErrorAbout }
  | { type: 'pytorch'; notebook: boolean; text: string };

/**
 * What failed, where the page has its own words for it: the digits asset did not load; a run that
 * moved its KL to replayed inputs part-way cannot be written as a PyTorch script.
 */
export type ErrorAbout = 'digits' | 'replayPartWay';

/** The digits the view draws (sent once a run is ready) with their first scores. */
export interface DigitsReport {
  sample: DigitSample;
  scores: DigitScores;
}

/** `answers` is the id of the command this report answers, or null for a report of its own. */
export type Report = ReportBody & { runId: number; answers: number | null };
