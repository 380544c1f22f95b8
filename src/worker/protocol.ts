/**
 * The typed messages between the page and the lab worker. Commands flow page → worker; reports
 * flow worker → page, at most one `metrics` report per `run` command (one per animation frame).
 */

import type { ModesGridCell } from '../engine/scenario';
import type { LabState } from '../state/schema';
import type { BackendStatus } from './backend';
import type { BackendName } from './backendNames';

export type Command =
  /** A new run: generate data, build and pretrain the model, freeze model_old. */
  | { type: 'start'; state: LabState }
  /** Settings that apply from the next step on. */
  | { type: 'settings'; state: LabState }
  /** Train up to `steps` fine-tuning steps, then send one `metrics` report. */
  | { type: 'run'; steps: number }
  | { type: 'backend'; backend: BackendName | 'auto' };

export interface StepMetrics {
  step: number;
  lossNew: number;
  klPenalty: number;
  totalLoss: number;
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

/** Both KL directions (batchmean) on the live batch, and its first sample's distributions. */
export interface LiveBatch {
  size: number;
  /** KL(model_old ‖ model): what F.kl_div(log_softmax(new), softmax(old)) computes. */
  klOldNew: number;
  /** KL(model ‖ model_old): what the article's formula writes. */
  klNewOld: number;
  /** Class probabilities of the batch's first sample under model_old and model. */
  pOld: number[];
  pNew: number[];
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

/** model.eval() × torch.no_grad() measured on model_old and the live batch (see Scenario.modesGrid). */
export type { ModesGridCell } from '../engine/scenario';

export type Report =
  | { type: 'backend'; status: BackendStatus }
  | { type: 'pretraining'; done: number; total: number }
  | {
      type: 'ready';
      pretrainOldTaskAcc: number;
      points: PlotPoints;
      snapshot: Snapshot;
      boundaries: Boundaries;
    }
  | {
      type: 'metrics';
      steps: StepMetrics[];
      snapshot: Snapshot;
      boundaries: Boundaries | null;
      modesGrid: ModesGridCell[] | null;
    }
  /** Training stopped because a loss stopped being finite (or exploded); `step` is where. */
  | { type: 'diverged'; step: number; value: number }
  | { type: 'error'; message: string };
