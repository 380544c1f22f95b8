/**
 * What the lab worker does with each command, apart from the worker itself so that tests can drive
 * it in Node: owns the scenario, trains only when asked, and answers every command exactly once.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type Checkpoint, checkpoint, checkpointArrays, isFiniteCheckpoint } from '../engine/checkpoint';
import { digitsProvided } from '../engine/data/digitSet';
import { NUM_CLASSES } from '../engine/data/sectorTask';
import { gridPoints, probabilities } from '../engine/evaluate';
import { liveBatch, modesGrid } from '../engine/probes';
import { Scenario } from '../engine/scenario';
import type { ScenarioSettings } from '../engine/scenarioSettings';
import { readStepValues } from '../engine/stepValues';
import type { StepLosses } from '../engine/trainStep';
import type { BackendStatus } from './backend';
import type { BackendName } from './backendNames';
import { type ClassAccuracy, digitSample, digitScores } from './digitsProbe';
import { DigitsUnavailable, loadDigits } from './loadDigits';
import type {
  Boundaries,
  Command,
  DigitScores,
  DigitsReport,
  ErrorAbout,
  PlotPoints,
  ReportBody,
  Snapshot,
  StepMetrics,
} from './protocol';
import { resumeScenario } from './resume';
import { ReplaySwitchedPartWay, RunRecording } from './runRecording';

const GRID_SIZE = 40;
const GRID_EXTENT = 4.5;
const PRETRAIN_CHUNK = 20;
const BOUNDARY_EVERY = 10;
/** Accuracy per class takes a pass over both digit test sets with both models: more rarely. */
const CLASS_ACCURACY_EVERY = 50;
const PLOT_POINTS = 150;
/** A total loss above this has exploded even if it is still finite. */
const DIVERGED_ABOVE = 1e4;
/** Fine-tuning steps between checkpoints (one is also taken at the end of pretraining). */
export const CHECKPOINT_EVERY = 200;

export interface SessionPorts {
  /** Sends one report to the page; `transfer` lists buffers to move rather than copy. */
  post(report: ReportBody, runId: number, answers: number | null, transfer?: Transferable[]): void;
  /** Starts a backend (or the best one, without `forced`); the lab worker passes `chooseBackend`. */
  chooseBackend(forced?: BackendName, skip?: BackendName[]): Promise<BackendStatus>;
  /** Resolves with a message if the running GPU backend's device is lost; null if it cannot be. */
  deviceLost(): Promise<string> | null;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function aboutError(e: Error): { about?: ErrorAbout } {
  if (e instanceof DigitsUnavailable) return { about: 'digits' };
  if (e instanceof ReplaySwitchedPartWay) return { about: 'replayPartWay' };
  return {};
}

export class LabSession {
  private scenario: Scenario | null = null;
  /** What a PyTorch script of the run needs, kept as the run goes. */
  private recording: RunRecording | null = null;
  private grid: tf.Tensor2D | null = null;
  private backendStarted = false;
  private lastBoundaryStep = 0;
  private lastClassAccuracyStep = 0;
  /**
   * model_old's accuracy per class, kept while nothing can change it: in eval mode its running
   * statistics stay, and no optimizer steps its weights. Forgotten when a setting could (model_old
   * in train mode, or shared with the model), and with every new or resumed run.
   */
  private modelOldClassAccuracy: ClassAccuracy | null = null;
  /** The run the page wants now: set as soon as a `start` arrives, so older work stops early. */
  private wantedRun = 0;
  /** The run whose scenario is loaded. */
  private runId = 0;
  private queue: Promise<void> = Promise.resolve();

  /** Set once the GPU device is lost: the page replaces this session, so it says nothing more. */
  private deviceGone = false;
  private readonly ports: SessionPorts;

  constructor(ports: SessionPorts) {
    this.ports = {
      ...ports,
      post: (...report) => {
        if (!this.deviceGone) ports.post(...report);
      },
    };
  }

  /** Commands run one after another, in the order they arrived. */
  receive(command: Command): Promise<void> {
    // A pretraining loop sees it.
    if (command.type === 'start' || command.type === 'resume') this.wantedRun = command.runId;
    this.queue = this.queue
      .then(() => this.handle(command))
      .catch(async (e: Error) => {
        // A command on a device being lost fails before the loss is told: let the loss speak first.
        await nextTask();
        this.ports.post({ type: 'error', message: e.message, ...aboutError(e) }, command.runId, command.id);
      });
    return this.queue;
  }

  private async handle(command: Command): Promise<void> {
    const answer: Answer = (report, transfer) => this.ports.post(report, command.runId, command.id, transfer);
    switch (command.type) {
      case 'start':
        return this.start(command, answer);
      case 'settings':
        if (command.runId !== this.wantedRun) return answer({ type: 'ack', outcome: 'stale' });
        if (!modelOldStays(command.settings)) this.modelOldClassAccuracy = null;
        this.scenario?.update(command.settings);
        return answer({ type: 'ack', outcome: 'applied', afterStep: this.scenario?.fineTuneStepsDone ?? 0 });
      case 'run':
        if (command.runId !== this.runId || command.runId !== this.wantedRun)
          return answer({ type: 'ack', outcome: 'stale' });
        if (!this.scenario?.pretrained) return answer({ type: 'ack', outcome: 'not-ready' });
        return this.run(this.scenario, command.steps, answer);
      case 'pytorch':
        if (command.runId !== this.runId || !this.recording || !this.scenario)
          return answer({ type: 'ack', outcome: 'stale' });
        return answer({
          type: 'pytorch',
          notebook: command.notebook,
          text: this.recording.script(this.scenario.settings, command.steps, command.notebook),
        });
      case 'backend':
        // TF.js moves each tensor to the new backend the first time it is used there: no state is lost.
        return answer({ type: 'backend', status: await this.switchBackend(command.backend) });
      case 'resume':
        return this.resume(command, answer);
    }
  }

  private async switchBackend(
    choice: BackendName | 'auto',
    skip: BackendName[] = [],
  ): Promise<BackendStatus> {
    const status = await this.ports.chooseBackend(choice === 'auto' ? undefined : choice, skip);
    this.backendStarted = true;
    // Said at once, not queued: a command in flight on the lost device may never finish. The page
    // replaces this worker and resumes from its last checkpoint on another backend.
    const post = this.ports.post;
    this.ports.deviceLost()?.then((message) => {
      post({ type: 'deviceLost', backend: status.name, message }, this.runId, null);
      this.deviceGone = true;
    });
    return status;
  }

  private async start(
    { settings, backend, runId, digitsUrl }: Extract<Command, { type: 'start' }>,
    answer: Answer,
  ): Promise<void> {
    this.runId = runId;
    if (!this.backendStarted) {
      this.ports.post({ type: 'backend', status: await this.switchBackend(backend) }, runId, null);
    }
    this.scenario?.dispose();
    this.scenario = null;
    await this.dataFor(settings.scenario, digitsUrl, runId);
    if (runId !== this.wantedRun) return answer({ type: 'ack', outcome: 'stale' });
    this.scenario = new Scenario(settings);
    const s = this.scenario;
    const recording = new RunRecording(s);
    this.recording = null;
    while (!s.pretrained) {
      for (let i = 0; i < PRETRAIN_CHUNK && !s.pretrained; i++) s.pretrainStep();
      this.ports.post(
        { type: 'pretraining', done: s.pretrainStepsDone, total: s.spec.pretrainSteps },
        runId,
        null,
      );
      await nextTask(); // lets a newer `start` (a reset) arrive and take over
      if (runId !== this.wantedRun) return answer({ type: 'ack', outcome: 'stale' });
    }
    await recording.frozen();
    this.recording = recording;
    const bounds = await this.boundaries(s);
    const digits = await this.digits(s);
    const first = await snapshot(s);
    answer(
      {
        type: 'ready',
        pretrainOldTaskAcc: first.oldTaskAcc,
        points: plotPoints(s),
        snapshot: first,
        boundaries: bounds,
        digits,
      },
      boundaryBuffers(bounds),
    );
    this.postCheckpoint(await checkpoint(s));
  }

  /** Continues a run from a checkpoint the page kept (see `resume.ts`). */
  private async resume(command: Extract<Command, { type: 'resume' }>, answer: Answer): Promise<void> {
    this.runId = command.runId;
    if (!this.backendStarted) {
      const status = await this.switchBackend(command.backend, command.skip);
      this.ports.post({ type: 'backend', status }, command.runId, null);
    }
    this.scenario?.dispose();
    this.scenario = null;
    await this.dataFor(command.settings.scenario, command.digitsUrl, command.runId);
    const s = resumeScenario(command);
    this.scenario = s;
    const bounds = await this.boundaries(s);
    const digits = await this.digits(s);
    answer(
      { type: 'resumed', snapshot: await snapshot(s), boundaries: bounds, digits },
      boundaryBuffers(bounds),
    );
  }

  /** The digits scenario's data, fetched the first time a run needs it (said while it loads). */
  private async dataFor(scenario: ScenarioSettings['scenario'], url: string | undefined, runId: number) {
    if (scenario !== 'digits' || digitsProvided()) return;
    this.ports.post({ type: 'loadingDigits' }, runId, null);
    await loadDigits(url);
  }

  private postCheckpoint(saved: Checkpoint): void {
    if (!isFiniteCheckpoint(saved)) return;
    const buffers = checkpointArrays(saved).map((values) => values.buffer);
    this.ports.post({ type: 'checkpoint', checkpoint: saved }, this.runId, null, buffers);
  }

  private async run(s: Scenario, steps: number, answer: Answer): Promise<void> {
    const { lambda } = s.settings;
    this.recording?.trainingWith(s.settings);
    const losses: StepLosses[] = [];
    let saved: Checkpoint | null = null;
    try {
      for (let i = 0; i < steps; i++) {
        losses.push(s.step());
        if (s.fineTuneStepsDone % CHECKPOINT_EVERY === 0) saved = await checkpoint(s);
      }
    } catch (e) {
      tf.dispose(losses.flatMap((l) => [l.lossNew, l.klPenalty, l.totalLoss]));
      throw e;
    }
    const first = s.fineTuneStepsDone - losses.length + 1;
    const metrics: StepMetrics[] = (await readStepValues(losses)).map((values, i) => ({
      step: first + i,
      ...values,
      lambda,
    }));
    const bad = metrics.findIndex(
      (m) => !Number.isFinite(m.totalLoss) || Math.abs(m.totalLoss) > DIVERGED_ABOVE,
    );
    // A checkpoint taken after the step that diverged is not one to return to.
    const kept = saved && (bad < 0 || metrics[bad].step > saved.step) ? saved : null;
    if (bad >= 0) {
      answer({ type: 'diverged', steps: metrics.slice(0, bad + 1) });
      if (kept) this.postCheckpoint(kept);
      return;
    }
    const due = steps === 1 || s.fineTuneStepsDone - this.lastBoundaryStep >= BOUNDARY_EVERY;
    const bounds = due ? await this.boundaries(s) : null;
    const scores = due ? await this.scores(s) : null;
    const grid = due ? await modesGrid(s) : null;
    answer(
      {
        type: 'metrics',
        steps: metrics,
        snapshot: await snapshot(s),
        boundaries: bounds,
        modesGrid: grid,
        digitScores: scores,
      },
      boundaryBuffers(bounds),
    );
    if (kept) this.postCheckpoint(kept); // after the metrics that reach its step
  }

  /** Decision regions over the plane: only a scenario of 2-D points has them. */
  private async boundaries(s: Scenario): Promise<Boundaries | null> {
    this.lastBoundaryStep = s.fineTuneStepsDone;
    if (!s.task.points) return null;
    this.grid ??= tf.keep(gridPoints(GRID_SIZE, GRID_EXTENT));
    if (!s.modelOld) throw new Error('model_old is not frozen yet');
    const [model, modelOld] = await Promise.all([
      probabilities(s.model, this.grid),
      probabilities(s.modelOld, this.grid),
    ]);
    return { size: GRID_SIZE, extent: GRID_EXTENT, classes: NUM_CLASSES, model, modelOld };
  }

  /** The digits view's sample and first scores: only the digits scenario has them. */
  private async digits(s: Scenario): Promise<DigitsReport | null> {
    if (s.settings.scenario !== 'digits') return null;
    this.lastClassAccuracyStep = s.fineTuneStepsDone;
    const scores = await digitScores(s, true);
    this.modelOldClassAccuracy = modelOldStays(s.settings) ? (scores.perClass?.modelOld ?? null) : null;
    return { sample: await digitSample(s), scores };
  }

  /**
   * The sample's predictions now (a few images: cheap); accuracy per class only every
   * CLASS_ACCURACY_EVERY steps, even for single steps: at one step per frame it would otherwise cost
   * four passes over the test sets every step, many times the step itself.
   */
  private async scores(s: Scenario): Promise<DigitScores | null> {
    if (s.settings.scenario !== 'digits') return null;
    const perClass = s.fineTuneStepsDone - this.lastClassAccuracyStep >= CLASS_ACCURACY_EVERY;
    if (!perClass) return digitScores(s, false);
    this.lastClassAccuracyStep = s.fineTuneStepsDone;
    const scores = await digitScores(s, true, this.modelOldClassAccuracy);
    if (modelOldStays(s.settings)) this.modelOldClassAccuracy = scores.perClass?.modelOld ?? null;
    return scores;
  }

  dispose(): void {
    this.scenario?.dispose();
    this.grid?.dispose();
    this.scenario = null;
    this.recording = null;
    this.grid = null;
  }
}

type Answer = (report: ReportBody, transfer?: Transferable[]) => void;

/** Whether training leaves model_old as it is: in eval mode, and not the model itself (a pitfall). */
const modelOldStays = (settings: ScenarioSettings) =>
  settings.modelOldMode === 'eval' && !settings.shareModelOld;

const boundaryBuffers = (b: Boundaries | null): Transferable[] =>
  b ? [b.model.buffer, b.modelOld.buffer] : [];

async function snapshot(s: Scenario): Promise<Snapshot> {
  const [acc, bn, batch, modelOldGradNorm] = await Promise.all([
    s.accuracies(),
    s.batchNormStats(),
    liveBatch(s),
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

function plotPoints(s: Scenario): PlotPoints {
  const take = (d: { x: number[][]; y: number[] }) => ({
    x: d.x.slice(0, PLOT_POINTS),
    y: d.y.slice(0, PLOT_POINTS),
  });
  const points = s.task.points;
  const none = { x: [], y: [] };
  return points
    ? { oldTask: take(points.oldTrain), newTask: take(points.newTrain) }
    : { oldTask: none, newTask: none };
}
