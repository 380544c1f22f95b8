import { useSyncExternalStore } from 'react';
import type { BackendName, BackendStatus } from '../worker/backend';
import type {
  Boundaries,
  Command,
  CommandBody,
  DigitSample,
  DigitScores,
  ErrorAbout,
  ModesGridCell,
  PlotPoints,
  Report,
  Snapshot,
  StepMetrics,
} from '../worker/protocol';
import type { WorkerWay } from '../worker/workerStarter';
import { digitsAssetUrl } from './digitsAsset';
import { ResumePoint } from './resumePoint';
import {
  type Correction,
  DEFAULT_STATE,
  followScenario,
  type LabState,
  SETTINGS,
  type SettingName,
  scenarioSettings,
} from './schema';

export type Phase = 'starting' | 'pretraining' | 'paused' | 'playing' | 'finished' | 'diverged' | 'failed';

/** An earlier run kept on the accuracy chart for comparison, named by what set it apart. */
export interface GhostRun {
  id: number;
  lambda: number;
  /** Settings (other than λ) whose value differed from the run that replaced it. */
  differences: { name: SettingName; value: string }[];
  accuracy: { step: number; oldTaskAcc: number; newTaskAcc: number }[];
  /** A run read from a file rather than one this page ran; it also brings its losses. */
  imported?: { totalLoss: { step: number; value: number }[] };
}

/** A PyTorch script of the run, written by the worker on request (the Export dialog downloads it). */
export interface PyTorchFile {
  notebook: boolean;
  text: string;
  /** Increments with every script, so that each one is downloaded once. */
  serial: number;
}

/** The longest run the schema allows: Continue stops there. */
const MAX_STEPS = SETTINGS.find((s) => s.name === 'steps')?.max ?? Number.POSITIVE_INFINITY;

const LR_MIN = SETTINGS.find((s) => s.name === 'lr')?.min ?? 0;

/** A run whose engine keeps dying is given up after this many restarts. */
const MAX_RESTARTS = 3;

/** What a roll back after divergence divides the learning rate by. */
export const ROLL_BACK_LR_DIVISOR = 10;

/** The engine was replaced mid-run, and how the run went on. */
export interface EngineRecovery {
  cause: 'crash' | 'deviceLost';
  /** The backend whose GPU device was lost (device loss only). */
  lostBackend: BackendName | null;
  /** The checkpoint's step the run was restored from; null when there was none (pretraining again). */
  from: number | null;
  /** The step the run was retrained to, once the new engine has caught up; null until then. */
  to: number | null;
}

/** Earlier runs kept on the chart; older ones give way. */
export const MAX_GHOSTS = 5;

/** Everything the page shows. Replaced (never mutated) on every change, so React can compare. */
export interface LabView {
  settings: LabState;
  /** The settings the run started with (a changed seed applies only at the next reset). */
  runSettings: LabState;
  /** URL values that were invalid or out of range, and what was used instead. */
  corrections: Correction[];
  /** Settings changed since the run started that only a reset applies (e.g. the seed). */
  pendingRestart: SettingName[];
  backend: BackendStatus | null;
  /** Increments with every run; reports of other runs are dropped. */
  runId: number;
  phase: Phase;
  pretrain: { done: number; total: number; oldTaskAcc: number | null };
  /** Every fine-tuning step so far. */
  steps: StepMetrics[];
  /** One per report: accuracies and BatchNorm statistics. */
  snapshots: Snapshot[];
  boundaries: Boundaries | null;
  /** The digits scenario's sample of test digits (both tasks), drawn by the digits view. */
  digitSample: DigitSample | null;
  /** Its predictions and both models' accuracy per class (the latest measured), every few steps. */
  digitScores: DigitScores | null;
  /** What the worker is fetching before it can pretrain (the digits asset), or null. */
  loading: 'digits' | null;
  /** model.eval() × torch.no_grad() on model_old, measured every few steps. */
  modesGrid: ModesGridCell[] | null;
  points: PlotPoints | null;
  /** Paused because nobody could see the lab (politeCompute.ts): it plays on when seen again. */
  pausedUnseen: boolean;
  /** The step whose total loss stopped being finite or exploded (the last entry of `steps`). */
  divergence: { step: number; value: number } | null;
  /** Set when the engine died or lost its GPU device and the run went on in a new one. */
  recovery: EngineRecovery | null;
  /** The step of the latest checkpoint, the one a roll back returns to; null before pretraining ends. */
  checkpointStep: number | null;
  /** Set by a roll back: the step the run went back to and the learning rate it goes on with. */
  rolledBack: { step: number; lr: number } | null;
  /** How many times the engine stopped before the run gave up on restarting it. */
  engineGaveUp: number | null;
  error: string | null;
  /** What failed, where the page has its own words for it (the digits asset did not load). */
  errorAbout: ErrorAbout | null;
  /** How the engine runs (a worker, or the page's own thread); 'none' when no way could start it. */
  engineWay: WorkerWay | 'none' | null;
  ghosts: GhostRun[];
  /** Fine-tuning steps per animation frame while playing. */
  speed: number;
  /** The script last asked for, whether another is being written, and why the last one failed. */
  pytorch: {
    file: PyTorchFile | null;
    writing: boolean;
    error: string | null;
    errorAbout: ErrorAbout | null;
  };
}

type Listener = () => void;

/** The part of the view that belongs to one run; a reset starts it afresh. */
function newRun() {
  return {
    phase: 'starting' as Phase,
    pendingRestart: [],
    pretrain: { done: 0, total: 0, oldTaskAcc: null },
    steps: [],
    snapshots: [],
    boundaries: null,
    digitSample: null,
    digitScores: null,
    loading: null,
    modesGrid: null,
    points: null,
    divergence: null,
    pausedUnseen: false,
    error: null,
    errorAbout: null,
    recovery: null,
    checkpointStep: null,
    rolledBack: null,
    engineGaveUp: null,
  } satisfies Partial<LabView>;
}

/** Settings that do not change what a run computes, so they never name a ghost. */
const NOT_COMPARED: readonly SettingName[] = ['lambda', 'steps', 'backend', 'lang', 'theme'];

function ghostOf(id: number, ran: LabState, next: LabState, snapshots: Snapshot[]): GhostRun {
  return {
    id,
    lambda: ran.lambda,
    differences: SETTINGS.filter((s) => !NOT_COMPARED.includes(s.name) && ran[s.name] !== next[s.name]).map(
      (s) => ({ name: s.name, value: String(ran[s.name]) }),
    ),
    accuracy: snapshots.map(({ step, oldTaskAcc, newTaskAcc }) => ({ step, oldTaskAcc, newTaskAcc })),
  };
}

/** How the store asks for the next animation frame; tests pass their own clock. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * The single store: controls call its actions, which update the view and command the worker;
 * the worker's reports update the view. Components only read it (through `useLab`).
 */
export class LabStore {
  private view: LabView;
  private readonly listeners = new Set<Listener>();
  /** The `run` command waiting for its answer, if any: never more than one in flight. */
  private runInFlight: number | null = null;
  private nextCommandId = 1;
  private runSettings: LabState;
  /** The settings the worker trained the latest steps with: what a ghost of this run is named by. */
  private trainedWith: LabState;
  private frame = 0;
  private readonly resumePoint = new ResumePoint();
  /** Backends whose device was lost on this page: a new engine leaves them out. */
  private readonly lostBackends: BackendName[] = [];
  private restarts = 0;
  /** The phase an engine's error report ended: a command on a GPU device being lost fails too. */
  private failedFrom: Phase | null = null;
  /** The `pytorch` command waiting for its answer, if any. */
  private pytorchInFlight: number | null = null;
  /** Imported runs so far: their ghosts take negative ids, apart from this page's run ids. */
  private importedRuns = 0;

  constructor(
    private readonly send: (command: Command) => void,
    initial: { state: LabState; corrections: Correction[] },
    private readonly onSettingsChange: (state: LabState) => void = () => {},
    private readonly frames: FrameScheduler = animationFrames,
  ) {
    this.runSettings = initial.state;
    this.trainedWith = initial.state;
    this.view = {
      settings: initial.state,
      runSettings: initial.state,
      corrections: initial.corrections,
      backend: null,
      runId: 1,
      engineWay: null,
      ghosts: [],
      speed: 1,
      pytorch: { file: null, writing: false, error: null, errorAbout: null },
      ...newRun(),
    };
  }

  getView = (): LabView => this.view;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<LabView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }

  private command(body: CommandBody): number {
    const id = this.nextCommandId++;
    this.send({ ...body, id, runId: this.view.runId });
    return id;
  }

  start(): void {
    const { settings } = this.view;
    this.command({
      type: 'start',
      settings: scenarioSettings(settings),
      backend: settings.backend,
      digitsUrl: digitsAssetUrl(),
    });
  }

  /** The engine started, in this way (see `workerStarter.ts`). */
  engineStarted(way: WorkerWay): void {
    this.update({ engineWay: way });
  }

  /** No way of starting the engine worked: the run fails with the reasons, for the panel to show. */
  engineCannotStart(reasons: string): void {
    this.update({ engineWay: 'none', phase: 'failed', error: reasons });
  }

  setSetting<N extends SettingName>(name: N, value: LabState[N]): void {
    const changed = { ...this.view.settings, [name]: value };
    const settings = name === 'scenario' ? followScenario(changed, this.view.settings.scenario) : changed;
    const live = SETTINGS.find((s) => s.name === name)?.live ?? true;
    const pendingRestart = SETTINGS.filter(
      (s) => !s.live && settings[s.name] !== this.runSettings[s.name],
    ).map((s) => s.name);
    this.update({
      settings,
      pendingRestart,
      corrections: this.view.corrections.filter((c) => c.name !== name),
    });
    this.onSettingsChange(settings);
    if (name === 'backend') this.command({ type: 'backend', backend: settings.backend });
    else if (live) {
      const scenario = scenarioSettings(settings);
      this.resumePoint.settingsSent(this.command({ type: 'settings', settings: scenario }), scenario);
    }
    if (name === 'steps' && this.view.phase === 'finished' && this.lastStep() < settings.steps)
      this.update({ phase: 'paused' });
  }

  play(): void {
    if (this.view.phase !== 'paused') return;
    this.update({ phase: 'playing', pausedUnseen: false });
    this.tick();
  }

  /** Also a pause that arrives while the lab waits unseen: it then stays paused when seen. */
  pause(): void {
    if (this.view.phase === 'playing') this.update({ phase: 'paused' });
    else if (this.view.pausedUnseen) this.update({ pausedUnseen: false });
  }

  /** Nobody can see the lab: stop playing until it is seen (and unless someone pauses meanwhile). */
  pauseUnseen(): void {
    if (this.view.phase === 'playing') this.update({ phase: 'paused', pausedUnseen: true });
  }

  /**
   * Fine-tuning steps while paused: one by default, or a batch of `count` in a single `run` command
   * (the worker answers it once, so a host's `step` with a count cannot stall). Says whether it ran.
   */
  step(count = 1): boolean {
    if (this.view.phase !== 'paused' || this.runInFlight !== null) return false;
    this.requestSteps(count);
    return true;
  }

  /** After the step limit: as many steps again as the limit, applying every setting changed since. */
  continueRun(): void {
    if (this.view.phase !== 'finished' || !this.canContinue()) return;
    this.setSetting('steps', Math.min(MAX_STEPS, this.lastStep() + this.view.settings.steps));
    this.play();
  }

  /** Whether the run can go on past its step limit (the limit has a maximum). */
  canContinue(): boolean {
    return this.lastStep() < MAX_STEPS;
  }

  /** A new run with the current settings; the old one stays on the chart as a ghost. */
  reset(): void {
    // Without an engine a new run could only wait forever; the notice saying why stays.
    if (this.view.engineWay === 'none') return;
    this.frames.cancel(this.frame);
    const ghosts =
      this.view.steps.length > 0
        ? [
            ...this.view.ghosts,
            ghostOf(this.view.runId, this.trainedWith, this.view.settings, this.view.snapshots),
          ].slice(-MAX_GHOSTS)
        : this.view.ghosts;
    this.runSettings = this.view.settings;
    this.runInFlight = null;
    this.resumePoint.clear();
    this.restarts = 0;
    this.failedFrom = null;
    this.update({ ...newRun(), ghosts, runId: this.view.runId + 1, runSettings: this.runSettings });
    this.start();
  }

  /**
   * The engine died (its worker ended or threw) or lost its GPU device, and a new one is starting
   * (`engineLink.ts`): the run goes on from the last checkpoint, retrained up to the last step shown
   * so that the history stays as it is; without a checkpoint yet, pretraining starts again.
   */
  engineLost(cause: EngineRecovery['cause'], lostBackend: BackendName | null = null): void {
    if (lostBackend && !this.lostBackends.includes(lostBackend)) this.lostBackends.push(lostBackend);
    this.runInFlight = null;
    if (++this.restarts > MAX_RESTARTS) {
      this.frames.cancel(this.frame);
      this.update({ phase: 'failed', recovery: null, engineGaveUp: this.restarts });
      return;
    }
    const { settings } = this.view;
    const resume = this.resumePoint.resume(
      scenarioSettings(settings),
      settings.backend,
      this.lastStep(),
      this.lostBackends,
    );
    const from = this.resumePoint.checkpoint?.step ?? null;
    // An error the old engine reported on its way out says nothing about the new one.
    const failed = this.view.phase === 'failed' && this.failedFrom !== null;
    this.update({
      recovery: { cause, lostBackend, from, to: null },
      ...(failed ? { phase: this.failedFrom ?? 'paused', error: null } : {}),
    });
    this.failedFrom = null;
    if (resume) this.command({ ...resume, digitsUrl: digitsAssetUrl() });
    else this.start();
    if (failed) this.tick();
  }

  /** Whether a diverged run can go back to its last checkpoint (one is always taken after pretraining). */
  canRollBack(): boolean {
    return this.view.phase === 'diverged' && this.view.checkpointStep !== null;
  }

  /**
   * After divergence: back to the last checkpoint (the history cut there), with the learning rate
   * divided by ROLL_BACK_LR_DIVISOR, and playing on.
   */
  rollBack(): void {
    if (!this.canRollBack()) return;
    const lr = this.rollBackLr();
    const settings = { ...this.view.settings, lr };
    const resume = this.resumePoint.rollBack(scenarioSettings(settings), settings.backend, this.lostBackends);
    if (!resume) return;
    const to = this.view.checkpointStep ?? 0;
    this.update({
      settings,
      phase: 'playing',
      divergence: null,
      rolledBack: { step: to, lr },
      steps: this.view.steps.filter((m) => m.step <= to),
      snapshots: this.view.snapshots.filter((s) => s.step <= to),
    });
    this.onSettingsChange(settings);
    this.command({ ...resume, digitsUrl: digitsAssetUrl() });
    this.tick();
  }

  /** The learning rate a roll back goes on with: the present one divided, within the schema's range. */
  rollBackLr(): number {
    return Math.max(LR_MIN, this.view.settings.lr / ROLL_BACK_LR_DIVISOR);
  }

  /** Asks the worker for the run so far as a PyTorch script (or notebook); it lands in `pytorch.file`. */
  exportPyTorch(notebook: boolean): void {
    if (this.view.pytorch.writing || this.view.steps.length === 0) return;
    this.update({ pytorch: { ...this.view.pytorch, writing: true, error: null, errorAbout: null } });
    this.pytorchInFlight = this.command({ type: 'pytorch', steps: this.view.steps.length, notebook });
  }

  /**
   * A run read from a file: the lab takes its settings (not the page's backend, language or theme)
   * and starts a new run with them; the file's run joins the earlier runs on the charts.
   */
  importRun(run: {
    settings: LabState;
    steps: { step: number; total_loss: number; old_task_acc: number; new_task_acc: number }[];
  }): void {
    const { backend, lang, theme } = this.view.settings;
    const settings = { ...run.settings, backend, lang, theme };
    this.update({ settings, corrections: [] });
    this.onSettingsChange(settings);
    this.reset();
    const ghost: GhostRun = {
      id: -++this.importedRuns,
      lambda: settings.lambda,
      differences: [],
      accuracy: run.steps.map((s) => ({
        step: s.step,
        oldTaskAcc: s.old_task_acc,
        newTaskAcc: s.new_task_acc,
      })),
      imported: { totalLoss: run.steps.map((s) => ({ step: s.step, value: s.total_loss })) },
    };
    this.update({ ghosts: [...this.view.ghosts, ghost].slice(-MAX_GHOSTS) });
  }

  clearGhosts(): void {
    this.update({ ghosts: [] });
  }

  setSpeed(speed: number): void {
    this.update({ speed });
  }

  private lastStep(): number {
    return this.view.steps.at(-1)?.step ?? 0;
  }

  private requestSteps(wanted: number): void {
    const left = this.view.settings.steps - this.lastStep();
    if (left <= 0) {
      this.update({ phase: 'finished' });
      return;
    }
    this.trainedWith = this.view.settings;
    this.runInFlight = this.command({ type: 'run', steps: Math.min(wanted, left) });
  }

  /** While playing: ask for one batch of steps per animation frame, never more than one in flight. */
  private tick = (): void => {
    if (this.view.phase !== 'playing') return;
    if (this.runInFlight === null) this.requestSteps(this.view.speed);
    if (this.view.phase === 'playing') this.frame = this.frames.request(this.tick);
  };

  receive(report: Report): void {
    // Whatever run it belongs to, an answer frees the command slot it held.
    if (report.answers !== null && report.answers === this.runInFlight) this.runInFlight = null;
    if (report.type === 'ack') this.resumePoint.answered(report.answers, report.afterStep);
    if (report.answers !== null && report.answers === this.pytorchInFlight) {
      this.pytorchInFlight = null;
      // The script, if it is this run's; any other answer (stale, an error) just ends the wait.
      const serial = (this.view.pytorch.file?.serial ?? 0) + 1;
      const file =
        report.type === 'pytorch' && report.runId === this.view.runId
          ? { notebook: report.notebook, text: report.text, serial }
          : this.view.pytorch.file;
      const [error, errorAbout] =
        report.type === 'error' ? [report.message, report.about ?? null] : [null, null];
      this.update({ pytorch: { file, writing: false, error, errorAbout } });
      return; // a script that could not be written is no failure of the run
    }
    if (report.type === 'backend') {
      this.update({ backend: report.status });
      return;
    }
    if (report.type === 'deviceLost') {
      // Whichever run it was working for, the engine is being replaced (`engineLink.ts`).
      this.engineLost('deviceLost', report.backend);
      return;
    }
    if (report.runId !== this.view.runId) return; // an earlier run's report, still in flight at reset
    switch (report.type) {
      case 'loadingDigits':
        this.update({ loading: 'digits' });
        break;
      case 'pretraining':
        this.update({
          loading: null,
          phase: 'pretraining',
          pretrain: { done: report.done, total: report.total, oldTaskAcc: null },
        });
        break;
      case 'ready':
        this.update({
          phase: 'paused',
          pretrain: {
            ...this.view.pretrain,
            done: this.view.pretrain.total,
            oldTaskAcc: report.pretrainOldTaskAcc,
          },
          points: report.points,
          snapshots: [report.snapshot],
          boundaries: report.boundaries,
          digitSample: report.digits?.sample ?? null,
          digitScores: report.digits?.scores ?? null,
        });
        break;
      case 'metrics': {
        const steps = [...this.view.steps, ...report.steps];
        const finished = (steps.at(-1)?.step ?? 0) >= this.view.settings.steps;
        this.update({
          steps,
          snapshots: [...this.view.snapshots, report.snapshot],
          boundaries: report.boundaries ?? this.view.boundaries,
          modesGrid: report.modesGrid ?? this.view.modesGrid,
          digitScores: latestScores(this.view.digitScores, report.digitScores),
          phase: finished ? 'finished' : this.view.phase,
        });
        break;
      }
      case 'diverged': {
        const last = report.steps.at(-1);
        this.update({
          phase: 'diverged',
          steps: [...this.view.steps, ...report.steps],
          divergence: last ? { step: last.step, value: last.totalLoss } : null,
        });
        break;
      }
      case 'checkpoint':
        this.resumePoint.keep(report.checkpoint);
        this.update({ checkpointStep: report.checkpoint.step });
        break;
      case 'resumed': {
        const at = report.snapshot.step;
        const newer = at > (this.view.snapshots.at(-1)?.step ?? -1);
        const recovery = this.view.recovery;
        this.update({
          boundaries: report.boundaries,
          digitSample: report.digits?.sample ?? this.view.digitSample,
          digitScores: report.digits?.scores ?? this.view.digitScores,
          snapshots: newer ? [...this.view.snapshots, report.snapshot] : this.view.snapshots,
          recovery: recovery && { ...recovery, to: at },
        });
        break;
      }
      case 'ack':
      case 'pytorch': // handled above, as the answer it is
        break;
      case 'error':
        this.failedFrom = this.view.phase;
        this.update({
          phase: 'failed',
          loading: null,
          error: report.message,
          errorAbout: report.about ?? null,
          pytorch: { ...this.view.pytorch, writing: false },
        });
        break;
    }
  }
}

/** The newest scores, keeping the last accuracy per class where a report measured none. */
function latestScores(shown: DigitScores | null, next: DigitScores | null): DigitScores | null {
  if (!next) return shown;
  return next.perClass ? next : { ...next, perClass: shown?.perClass ?? null };
}

/** Reads a slice of the lab's view; re-renders only when that slice changes. */
export function useLab<T>(store: LabStore, select: (view: LabView) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getView()));
}

export { DEFAULT_STATE };
