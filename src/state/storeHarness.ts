import type { Command, Report, ReportBody, Snapshot, StepMetrics } from '../worker/protocol';
import { DEFAULT_STATE } from './schema';
import { type FrameScheduler, LabStore } from './store';

// For the store's tests (and tests of what drives it): a real LabStore whose worker is the test.

/** Animation frames that run only when the test says so. */
export function manualFrames() {
  let pending: (() => void)[] = [];
  const frames: FrameScheduler = {
    request(callback) {
      pending.push(callback);
      return pending.length;
    },
    cancel() {
      pending = [];
    },
  };
  const runFrame = () => {
    const now = pending;
    pending = [];
    for (const callback of now) callback();
  };
  return { frames, runFrame };
}

export const snapshot = (step: number, oldTaskAcc = 0.9): Snapshot => ({
  step,
  oldTaskAcc,
  newTaskAcc: 0.3,
  batchNorm: { model: { runningMean: [], runningVar: [] }, modelOld: { runningMean: [], runningVar: [] } },
  batch: null,
  modelOldGradNorm: 0,
});

export const metricsOf = (from: number, count: number, totalLoss = 1): StepMetrics[] =>
  Array.from({ length: count }, (_, i) => ({
    step: from + i,
    lossNew: 1,
    klPenalty: 0,
    totalLoss,
    lambda: 1,
  }));

/** A store wired to a recording "worker": the test plays the worker's part, in any order it likes. */
export function storeHarness(state = DEFAULT_STATE) {
  const sent: Command[] = [];
  const { frames, runFrame } = manualFrames();
  const store = new LabStore(
    (c) => sent.push(c),
    { state, corrections: [] },
    () => {},
    frames,
  );
  const reply = (command: Command, body: ReportBody) =>
    store.receive({ ...body, runId: command.runId, answers: command.id } as Report);
  const lastOf = (type: Command['type']) => sent.filter((c) => c.type === type).at(-1) as Command;
  const ready = (start: Command) =>
    reply(start, {
      type: 'ready',
      pretrainOldTaskAcc: 0.9,
      points: { oldTask: { x: [], y: [] }, newTask: { x: [], y: [] } },
      snapshot: snapshot(0),
      boundaries: {
        size: 1,
        extent: 1,
        classes: 3,
        model: new Float32Array(3),
        modelOld: new Float32Array(3),
      },
      digits: null,
    });
  const metrics = (run: Command, from: number, count: number) =>
    reply(run, {
      type: 'metrics',
      steps: metricsOf(from, count),
      snapshot: snapshot(from + count - 1),
      boundaries: null,
      modesGrid: null,
      digitScores: null,
    });
  return { store, sent, runFrame, reply, lastOf, ready, metrics };
}
