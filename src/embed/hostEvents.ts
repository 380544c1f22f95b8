import type { LabState } from '../state/schema';
import type { Phase } from '../state/store';
import type { StepMetrics } from '../worker/protocol';
import { type HostState, hostState } from './hostCommands';

/** At most this many `metrics` events a second: a host's chart needs no more, and postMessage is not free. */
export const METRICS_PER_SECOND = 10;

export type HostEvent =
  | ({ kllab: 1; type: 'state' } & HostState)
  | {
      kllab: 1;
      type: 'metrics';
      runId: number;
      step: number;
      lossNew: number;
      klPenalty: number;
      totalLoss: number;
      oldTaskAcc: number | null;
      newTaskAcc: number | null;
    }
  | { kllab: 1; type: 'finished'; runId: number; step: number }
  | { kllab: 1; type: 'diverged'; runId: number; step: number; value: number }
  | { kllab: 1; type: 'error'; runId: number; message: string };

/** The part of the store's view the events are made from. */
export interface WatchedStore {
  getView(): {
    settings: LabState;
    phase: Phase;
    runId: number;
    steps: readonly StepMetrics[];
    snapshots: readonly { oldTaskAcc: number; newTaskAcc: number }[];
    divergence: { step: number; value: number } | null;
    error: string | null;
  };
  subscribe(listener: () => void): () => void;
}

/** Time, injected so the tests can throttle without waiting. */
export interface Clock {
  now(): number;
  later(callback: () => void, ms: number): () => void;
}

const realClock: Clock = {
  now: () => performance.now(),
  later: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

/**
 * Turns the store's changes into Host API events: `state` when settings, phase or run change,
 * `metrics` (throttled, the latest step always sent last), `finished`, `diverged`, `error`.
 * Returns the function that stops watching.
 */
export function watchForHost(
  store: WatchedStore,
  post: (event: HostEvent) => void,
  clock: Clock = realClock,
): () => void {
  let previous = store.getView();
  let sentStep = previous.steps.at(-1)?.step ?? 0;
  let sentAt = Number.NEGATIVE_INFINITY;
  let cancelTimer: (() => void) | null = null;
  const interval = 1000 / METRICS_PER_SECOND;

  const sendMetrics = () => {
    cancelTimer?.();
    cancelTimer = null;
    const view = store.getView();
    const last = view.steps.at(-1);
    if (!last || last.step === sentStep) return;
    const accuracy = view.snapshots.at(-1);
    sentStep = last.step;
    sentAt = clock.now();
    post({
      kllab: 1,
      type: 'metrics',
      runId: view.runId,
      step: last.step,
      lossNew: last.lossNew,
      klPenalty: last.klPenalty,
      totalLoss: last.totalLoss,
      oldTaskAcc: accuracy?.oldTaskAcc ?? null,
      newTaskAcc: accuracy?.newTaskAcc ?? null,
    });
  };

  const onChange = () => {
    const view = store.getView();
    if (view.runId !== previous.runId) {
      // A new run: whatever was pending belonged to the old one.
      cancelTimer?.();
      cancelTimer = null;
      sentStep = view.steps.at(-1)?.step ?? 0;
    }
    if (view.steps !== previous.steps && (view.steps.at(-1)?.step ?? 0) !== sentStep) {
      const wait = sentAt + interval - clock.now();
      if (wait <= 0) sendMetrics();
      else if (!cancelTimer) cancelTimer = clock.later(sendMetrics, wait);
    }
    const phaseChanged = view.phase !== previous.phase;
    // The host sees the last step's numbers before the news that the run ended.
    if (phaseChanged && (view.phase === 'finished' || view.phase === 'diverged')) sendMetrics();
    if (view.settings !== previous.settings || view.phase !== previous.phase || view.runId !== previous.runId)
      post({ kllab: 1, type: 'state', ...hostState(view) });
    if (phaseChanged) {
      const step = view.steps.at(-1)?.step ?? 0;
      if (view.phase === 'finished') {
        post({ kllab: 1, type: 'finished', runId: view.runId, step });
      } else if (view.phase === 'diverged') {
        post({
          kllab: 1,
          type: 'diverged',
          runId: view.runId,
          step: view.divergence?.step ?? step,
          value: view.divergence?.value ?? Number.NaN,
        });
      } else if (view.phase === 'failed') {
        post({ kllab: 1, type: 'error', runId: view.runId, message: view.error ?? '' });
      }
    }
    previous = view;
  };

  const unsubscribe = store.subscribe(onChange);
  return () => {
    unsubscribe();
    cancelTimer?.();
  };
}
