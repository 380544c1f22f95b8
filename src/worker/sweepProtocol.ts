/**
 * The typed messages between the page and the sweep worker, which trains one run per (seed, λ) of
 * the frontier stacked (`Sweep`). As with the lab's protocol, every command carries an `id` and the
 * `sweepId` it is meant for and gets exactly one answer, a report whose `answers` is that id; the
 * page asks for the next chunk only once the previous one is answered, so nothing queues.
 */

import type { ScenarioSettings } from '../engine/scenarioSettings';
import type { SweepRun } from '../engine/sweep';
import type { BackendName } from './backendNames';

export type SweepCommandBody =
  /** A new sweep: pretrain each seed once, stack a fine-tuning run per (seed, λ). Answer: `ready`. */
  | {
      type: 'start';
      settings: ScenarioSettings;
      lambdas: number[];
      seeds: number[];
      backend: BackendName | 'auto';
      /** Where the page serves `digits.bin`, fetched for a digits sweep (see the lab's protocol). */
      digitsUrl?: string;
    }
  /** Train every run `steps` fine-tuning steps. Answer: `progress`. */
  | { type: 'run'; steps: number };

export type SweepCommand = SweepCommandBody & { id: number; sweepId: number };

/** Where every run of a sweep stands after a step: accuracies (fractions) in the order of `runs`. */
export interface SweepPoint {
  step: number;
  oldTaskAcc: number[];
  newTaskAcc: number[];
}

export type SweepReportBody =
  | { type: 'ready'; runs: SweepRun[]; backend: BackendName; point: SweepPoint }
  /** `totalLoss`: each run's total loss at the chunk's last step. */
  | { type: 'progress'; point: SweepPoint; totalLoss: number[] }
  /** `stale`: meant for a sweep a newer `start` replaced; `not-ready`: no sweep is loaded. */
  | { type: 'ack'; outcome: 'stale' | 'not-ready' }
  /** `about: 'digits'`: the digits asset did not load (the page has its own words for it). */
  | { type: 'error'; message: string; about?: 'digits' };

export type SweepReport = SweepReportBody & { sweepId: number; answers: number };
