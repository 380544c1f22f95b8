import { useSyncExternalStore } from 'react';
import type { BackendStatus } from '../worker/backend';
import type {
  Boundaries,
  Command,
  ModesGridCell,
  PlotPoints,
  Report,
  Snapshot,
  StepMetrics,
} from '../worker/protocol';
import { type Correction, DEFAULT_STATE, type LabState, SETTINGS, type SettingName } from './schema';

export type Phase = 'starting' | 'pretraining' | 'paused' | 'playing' | 'finished' | 'diverged' | 'failed';

/** Everything the page shows. Replaced (never mutated) on every change, so React can compare. */
export interface LabView {
  settings: LabState;
  /** URL values that were invalid or out of range, and what was used instead. */
  corrections: Correction[];
  /** Settings changed since the run started that only a reset applies (e.g. the seed). */
  pendingRestart: SettingName[];
  backend: BackendStatus | null;
  phase: Phase;
  pretrain: { done: number; total: number; oldTaskAcc: number | null };
  /** Every fine-tuning step so far. */
  steps: StepMetrics[];
  /** One per report: accuracies and BatchNorm statistics. */
  snapshots: Snapshot[];
  boundaries: Boundaries | null;
  /** model.eval() × torch.no_grad() on model_old, measured every few steps. */
  modesGrid: ModesGridCell[] | null;
  points: PlotPoints | null;
  divergence: { step: number; value: number } | null;
  error: string | null;
  /** Fine-tuning steps per animation frame while playing. */
  speed: number;
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
    modesGrid: null,
    points: null,
    divergence: null,
    error: null,
  } satisfies Partial<LabView>;
}

/**
 * The single store: controls call its actions, which update the view and command the worker;
 * the worker's reports update the view. Components only read it (through `useLab`).
 */
export class LabStore {
  private view: LabView;
  private readonly listeners = new Set<Listener>();
  private awaitingReport = false;
  private runSettings: LabState;
  private frame = 0;

  constructor(
    private readonly send: (command: Command) => void,
    initial: { state: LabState; corrections: Correction[] },
    private readonly onSettingsChange: (state: LabState) => void = () => {},
  ) {
    this.runSettings = initial.state;
    this.view = {
      settings: initial.state,
      corrections: initial.corrections,
      backend: null,
      speed: 1,
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

  start(): void {
    this.send({ type: 'start', state: this.view.settings });
  }

  setSetting<N extends SettingName>(name: N, value: LabState[N]): void {
    const settings = { ...this.view.settings, [name]: value };
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
    if (name === 'backend') this.send({ type: 'backend', backend: settings.backend });
    else if (live) this.send({ type: 'settings', state: settings });
    if (name === 'steps' && this.view.phase === 'finished' && this.lastStep() < settings.steps)
      this.update({ phase: 'paused' });
  }

  play(): void {
    if (this.view.phase !== 'paused') return;
    this.update({ phase: 'playing' });
    this.tick();
  }

  pause(): void {
    if (this.view.phase === 'playing') this.update({ phase: 'paused' });
  }

  /** One fine-tuning step, while paused. */
  step(): void {
    if (this.view.phase !== 'paused' || this.awaitingReport) return;
    this.requestSteps(1);
  }

  reset(): void {
    cancelAnimationFrame(this.frame);
    this.runSettings = this.view.settings;
    this.awaitingReport = false;
    this.update(newRun());
    this.start();
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
    this.awaitingReport = true;
    this.send({ type: 'run', steps: Math.min(wanted, left) });
  }

  /** While playing: ask for one batch of steps per animation frame, never more than one in flight. */
  private tick = (): void => {
    if (this.view.phase !== 'playing') return;
    if (!this.awaitingReport) this.requestSteps(this.view.speed);
    this.frame = requestAnimationFrame(this.tick);
  };

  receive(report: Report): void {
    switch (report.type) {
      case 'backend':
        this.update({ backend: report.status });
        break;
      case 'pretraining': {
        // A pretraining report outside a start means the worker restarted the run (device lost).
        const restarted = this.view.phase !== 'starting' && this.view.phase !== 'pretraining';
        if (restarted) cancelAnimationFrame(this.frame);
        this.update({
          phase: 'pretraining',
          pretrain: { done: report.done, total: report.total, oldTaskAcc: null },
          ...(restarted ? { steps: [], snapshots: [], boundaries: null } : {}),
        });
        break;
      }
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
        });
        break;
      case 'metrics': {
        this.awaitingReport = false;
        const steps = [...this.view.steps, ...report.steps];
        const finished = (steps.at(-1)?.step ?? 0) >= this.view.settings.steps;
        this.update({
          steps,
          snapshots: [...this.view.snapshots, report.snapshot],
          boundaries: report.boundaries ?? this.view.boundaries,
          modesGrid: report.modesGrid ?? this.view.modesGrid,
          phase: finished ? 'finished' : this.view.phase,
        });
        break;
      }
      case 'diverged':
        this.awaitingReport = false;
        this.update({ phase: 'diverged', divergence: { step: report.step, value: report.value } });
        break;
      case 'error':
        this.awaitingReport = false;
        this.update({ phase: 'failed', error: report.message });
        break;
    }
  }
}

/** Reads a slice of the lab's view; re-renders only when that slice changes. */
export function useLab<T>(store: LabStore, select: (view: LabView) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getView()));
}

export { DEFAULT_STATE };
