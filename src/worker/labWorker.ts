/// <reference lib="webworker" />
/**
 * The lab's Web Worker: owns the TF.js backend and the scenario, and trains only when the page asks
 * (one `run` per animation frame), answering each with one batched `metrics` report.
 */
import * as tf from '@tensorflow/tfjs-core';
import { NUM_CLASSES } from '../engine/data/sectorTask';
import { gridPoints, PRETRAIN_STEPS, probabilities, Scenario } from '../engine/scenario';
import { type LabState, scenarioSettings } from '../state/schema';
import { type BackendName, chooseBackend, webgpuDeviceLost } from './backend';
import type { Boundaries, Command, PlotPoints, Report, Snapshot, StepMetrics } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const GRID_SIZE = 40;
const GRID_EXTENT = 4.5;
const PRETRAIN_CHUNK = 20;
const BOUNDARY_EVERY = 10;
const PLOT_POINTS = 150;
/** A total loss above this has exploded even if it is still finite. */
const DIVERGED_ABOVE = 1e4;

let state: LabState | null = null;
let scenario: Scenario | null = null;
let grid: tf.Tensor2D | null = null;
let backendStarted = false;
/** Increments on every `start`; a pretraining loop from an older run stops when it sees a change. */
let generation = 0;
let lastBoundaryStep = 0;

function post(report: Report, transfer: Transferable[] = []): void {
  self.postMessage(report, transfer);
}

async function switchBackend(choice: BackendName | 'auto', skip: BackendName[] = []): Promise<void> {
  const status = await chooseBackend(choice === 'auto' ? undefined : choice, skip);
  backendStarted = true;
  post({ type: 'backend', status });
  webgpuDeviceLost()?.then(async (message) => {
    // The device's tensors are gone with it: start over on the next backend, and say why.
    const next = await chooseBackend(undefined, ['webgpu']);
    post({
      type: 'backend',
      status: { ...next, reason: 'fallback', failures: [{ name: 'webgpu', message }] },
    });
    if (state) await start(state);
  });
}

async function snapshot(s: Scenario): Promise<Snapshot> {
  const [acc, bn, batch, modelOldGradNorm] = await Promise.all([
    s.accuracies(),
    s.batchNormStats(),
    s.liveBatch(),
    s.modelOldGradNorm(),
  ]);
  const channels = (c: { runningMean: Float32Array; runningVar: Float32Array } | undefined) => ({
    runningMean: Array.from(c?.runningMean ?? []),
    runningVar: Array.from(c?.runningVar ?? []),
  });
  return {
    step: s.fineTuneStepsDone,
    oldTaskAcc: acc.oldTaskAcc,
    newTaskAcc: acc.newTaskAcc,
    batchNorm: { model: channels(bn?.model), modelOld: channels(bn?.modelOld) },
    batch,
    modelOldGradNorm,
  };
}

async function boundaries(s: Scenario): Promise<Boundaries> {
  grid ??= tf.keep(gridPoints(GRID_SIZE, GRID_EXTENT));
  if (!s.modelOld) throw new Error('model_old is not frozen yet');
  const [model, modelOld] = await Promise.all([
    probabilities(s.model, grid),
    probabilities(s.modelOld, grid),
  ]);
  lastBoundaryStep = s.fineTuneStepsDone;
  return { size: GRID_SIZE, extent: GRID_EXTENT, classes: NUM_CLASSES, model, modelOld };
}

function plotPoints(s: Scenario): PlotPoints {
  const take = (d: { x: number[][]; y: number[] }) => ({
    x: d.x.slice(0, PLOT_POINTS),
    y: d.y.slice(0, PLOT_POINTS),
  });
  return { oldTask: take(s.oldTrain), newTask: take(s.newTrain) };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function start(next: LabState): Promise<void> {
  const mine = ++generation;
  state = next;
  if (!backendStarted) await switchBackend(next.backend);
  scenario?.dispose();
  scenario = new Scenario(scenarioSettings(next));
  const s = scenario;
  while (!s.pretrained) {
    for (let i = 0; i < PRETRAIN_CHUNK && !s.pretrained; i++) s.pretrainStep();
    post({ type: 'pretraining', done: s.pretrainStepsDone, total: PRETRAIN_STEPS });
    await nextTask(); // lets a newer `start` (a reset) arrive and take over
    if (mine !== generation) return;
  }
  const bounds = await boundaries(s);
  const first = await snapshot(s);
  post(
    {
      type: 'ready',
      pretrainOldTaskAcc: first.oldTaskAcc,
      points: plotPoints(s),
      snapshot: first,
      boundaries: bounds,
    },
    [bounds.model.buffer, bounds.modelOld.buffer],
  );
}

async function run(steps: number): Promise<void> {
  const s = scenario;
  if (!s?.pretrained || !state) return;
  const lambda = state.lambda;
  const losses = Array.from({ length: steps }, () => s.step());
  // One read for the whole batch of steps: a GPU backend syncs once, not once per scalar.
  const stacked = tf.stack(losses.flatMap((l) => [l.lossNew, l.klPenalty, l.totalLoss]));
  tf.dispose(losses.flatMap((l) => [l.lossNew, l.klPenalty, l.totalLoss]));
  const values = await stacked.data();
  stacked.dispose();
  const first = s.fineTuneStepsDone - steps + 1;
  const metrics: StepMetrics[] = losses.map((_, i) => ({
    step: first + i,
    lossNew: values[3 * i],
    klPenalty: values[3 * i + 1],
    totalLoss: values[3 * i + 2],
    lambda,
  }));
  const bad = metrics.find((m) => !Number.isFinite(m.totalLoss) || Math.abs(m.totalLoss) > DIVERGED_ABOVE);
  if (bad) {
    post({ type: 'diverged', step: bad.step, value: bad.totalLoss });
    return;
  }
  const due = steps === 1 || s.fineTuneStepsDone - lastBoundaryStep >= BOUNDARY_EVERY;
  const bounds = due ? await boundaries(s) : null;
  const modesGrid = due ? await s.modesGrid() : null;
  post(
    { type: 'metrics', steps: metrics, snapshot: await snapshot(s), boundaries: bounds, modesGrid },
    bounds ? [bounds.model.buffer, bounds.modelOld.buffer] : [],
  );
}

async function handle(command: Command): Promise<void> {
  switch (command.type) {
    case 'start':
      return start(command.state);
    case 'settings':
      state = command.state;
      scenario?.update(scenarioSettings(command.state));
      return;
    case 'run':
      return run(command.steps);
    case 'backend':
      // TF.js moves each tensor to the new backend the first time it is used there: no state is lost.
      return switchBackend(command.backend);
  }
}

let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<Command>) => {
  const command = event.data;
  if (command.type === 'start') generation++; // stops a pretraining loop still running
  queue = queue.then(() => handle(command)).catch((e: Error) => post({ type: 'error', message: e.message }));
};
