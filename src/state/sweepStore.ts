import type { SweepRun } from '../engine/sweep';
import type { BackendName } from '../worker/backendNames';
import type { SweepCommand, SweepCommandBody, SweepPoint, SweepReport } from '../worker/sweepProtocol';
import { digitsAssetUrl } from './digitsAsset';
import type { Sight } from './politeCompute';
import { type LabState, SETTINGS, type SettingName, scenarioSettings } from './schema';
import type { LabView } from './store';

/** The λ of every frontier sweep: the λ control's presets, which span the interesting decades. */
export const SWEEP_LAMBDAS: readonly number[] = SETTINGS.find((s) => s.name === 'lambda')?.presets ?? [];

/** How many seeds per λ the sweep may run; with more than one, each λ shows its mean and spread. */
export const SEED_COUNTS = [1, 3] as const;
export type SeedCount = (typeof SEED_COUNTS)[number];

/** Fine-tuning steps per `run` command: a report (and a move of the points) every few steps. */
export const SWEEP_CHUNK = 5;

/**
 * After each chunk the sweep rests this many times as long as the chunk took. The lab's own run is
 * what a learner watches: with the page, the run's worker and the sweep's worker on two cores, a
 * sweep that never rested took the page below 50 fps (46 measured by `bench:page --frontier`).
 */
export const SWEEP_REST_RATIO = 1;

/** The clock and timer the sweep rests by (a test passes its own). */
export interface Pace {
  now(): number;
  after(ms: number, then: () => void): void;
}

const realPace: Pace = { now: () => performance.now(), after: (ms, then) => setTimeout(then, ms) };

/** Settings that teach a single run's mistake: a sweep trains without them (`Sweep` refuses them). */
const PITFALLS = ['shareModelOld', 'teacherNoGrad', 'probsAsInput'] as const satisfies SettingName[];

export type SweepPhase = 'idle' | 'refused' | 'starting' | 'training' | 'finished' | 'failed';

export interface SweepView {
  phase: SweepPhase;
  /** The pitfall settings that are on, when the sweep refuses to run (phase `refused`). */
  refusedBy: SettingName[];
  seedCount: SeedCount;
  /** One per (seed, λ), in the order of each point's arrays. */
  runs: SweepRun[];
  /** Where every run stood after each report, oldest first: the points' trails. */
  points: SweepPoint[];
  backend: BackendName | null;
  error: string | null;
  /** What failed, where the page has its own words for it. */
  errorAbout: 'digits' | null;
}

/** The part of the lab's store the sweep follows. */
export interface FollowedLab {
  getView(): Pick<LabView, 'settings' | 'runSettings'>;
  subscribe(listener: () => void): () => void;
}

const pitfallsOn = (s: LabState): SettingName[] =>
  PITFALLS.filter((name) => (name === 'teacherNoGrad' ? !s.teacherNoGrad : s[name]));

/**
 * The settings the lab's run trains with: live ones as they are now, the others (the seed) as the
 * run started, so that the frontier stands beside the run the lab shows.
 */
function runningSettings({ settings, runSettings }: Pick<LabView, 'settings' | 'runSettings'>): LabState {
  return Object.fromEntries(
    SETTINGS.map((s) => [s.name, s.live ? settings[s.name] : runSettings[s.name]]),
  ) as LabState;
}

/** What a sweep computes depends on every scenario setting but λ (each run has its own) and the seeds. */
function sweepKey(s: LabState, seedCount: SeedCount): string {
  const { lambda: _, ...rest } = scenarioSettings(s);
  return JSON.stringify({ ...rest, seedCount });
}

/**
 * The frontier's store: a λ sweep that follows the lab's settings (a changed setting starts it
 * again) and trains only while its view is open and the lab is seen, one chunk at a time, asking for
 * the next only once the previous one is answered. Components read it and call its actions; its
 * worker's reports come in through `receive`.
 */
export class SweepStore {
  private view: SweepView = {
    phase: 'idle',
    refusedBy: [],
    seedCount: 1,
    runs: [],
    points: [],
    backend: null,
    error: null,
    errorAbout: null,
  };
  private readonly listeners = new Set<() => void>();
  private sweepId = 0;
  /** The settings (`sweepKey`) of the sweep loaded or starting; null when none is. */
  private startedKey: string | null = null;
  private inFlight: number | null = null;
  /** When the chunk in flight was asked for, and until when the sweep rests after the last one. */
  private askedAt = 0;
  private restUntil = 0;
  private wakeUpSet = false;
  private nextCommandId = 1;
  private shown = false;
  /** No way of starting the engine worked: nothing sent would ever be answered. */
  private engineDead = false;
  private sight: Sight = { pageShown: true, panelInView: true };
  private readonly unfollow: () => void;

  constructor(
    private readonly send: (command: SweepCommand) => void,
    private readonly lab: FollowedLab,
    private readonly pace: Pace = realPace,
  ) {
    this.unfollow = lab.subscribe(() => this.pump());
  }

  getView = (): SweepView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The frontier's view opened (true) or closed. */
  setShown(shown: boolean): void {
    this.shown = shown;
    this.pump();
  }

  /** Whether the lab can be seen (see `PoliteCompute`): an unseen sweep stops after its chunk in flight. */
  see(change: Partial<Sight>): void {
    this.sight = { ...this.sight, ...change };
    this.pump();
  }

  setSeedCount(seedCount: SeedCount): void {
    if (seedCount === this.view.seedCount) return;
    // The runs shown were trained with the other count: they go with it, in the same update.
    this.update({ seedCount, runs: [], points: [] });
    this.pump();
  }

  /** The sweep's engine was replaced (it crashed): what it trained is gone, so the sweep starts again. */
  engineLost(): void {
    this.startedKey = null;
    this.inFlight = null;
    this.pump();
  }

  /** No way of starting the sweep's engine worked. */
  engineCannotStart(reasons: string): void {
    this.engineDead = true;
    this.update({ phase: 'failed', error: reasons });
  }

  stop(): void {
    this.unfollow();
  }

  receive(report: SweepReport): void {
    if (report.answers === this.inFlight) this.inFlight = null;
    if (report.sweepId !== this.sweepId) {
      this.pump(); // a replaced sweep's answer: only the slot it held matters
      return;
    }
    const { steps } = this.lab.getView().settings;
    switch (report.type) {
      case 'ready':
        this.update({
          phase: 'training',
          runs: report.runs,
          points: [report.point],
          backend: report.backend,
        });
        break;
      case 'progress':
        this.restUntil = this.pace.now() + (this.pace.now() - this.askedAt) * SWEEP_REST_RATIO;
        this.update({
          points: [...this.view.points, report.point],
          phase: report.point.step >= steps ? 'finished' : 'training',
        });
        break;
      case 'error':
        this.update({ phase: 'failed', error: report.message, errorAbout: report.about ?? null });
        return;
      case 'ack':
        break;
    }
    this.pump();
  }

  private update(patch: Partial<SweepView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }

  private command(body: SweepCommandBody): number {
    const id = this.nextCommandId++;
    this.send({ ...body, id, sweepId: this.sweepId });
    return id;
  }

  /** Brings the sweep in line with the lab's settings, and asks for the next chunk when it may. */
  private pump(): void {
    if (this.engineDead) return;
    const settings = runningSettings(this.lab.getView());
    const refusedBy = pitfallsOn(settings);
    if (refusedBy.length > 0) {
      if (this.view.phase !== 'refused' || refusedBy.join() !== this.view.refusedBy.join()) {
        this.startedKey = null;
        this.update({ phase: 'refused', refusedBy, runs: [], points: [] });
      }
      return;
    }
    const key = sweepKey(settings, this.view.seedCount);
    if (key !== this.startedKey && this.view.phase !== 'idle') {
      // What is on the chart was trained with other settings: it goes; the new sweep starts when seen.
      this.startedKey = null;
      this.update({ phase: 'idle', refusedBy: [], runs: [], points: [], error: null, errorAbout: null });
    }
    if (this.view.phase === 'failed') return; // until a setting changes
    if (!this.shown || !this.sight.pageShown || !this.sight.panelInView) return;
    if (this.startedKey === null) {
      this.sweepId += 1;
      this.startedKey = key;
      this.update({ phase: 'starting', error: null, errorAbout: null });
      const seeds = Array.from({ length: this.view.seedCount }, (_, i) => settings.seed + i);
      this.inFlight = this.command({
        type: 'start',
        settings: scenarioSettings(settings),
        lambdas: [...SWEEP_LAMBDAS],
        seeds,
        backend: settings.backend,
        digitsUrl: digitsAssetUrl(),
      });
      return;
    }
    if (this.inFlight !== null || this.view.phase === 'starting') return;
    const done = this.view.points.at(-1)?.step ?? 0;
    const left = settings.steps - done;
    if (left <= 0) {
      if (this.view.phase === 'training') this.update({ phase: 'finished' });
      return;
    }
    if (this.view.phase === 'finished') this.update({ phase: 'training' });
    const rest = this.restUntil - this.pace.now();
    if (rest > 0) {
      if (!this.wakeUpSet) {
        this.wakeUpSet = true;
        this.pace.after(rest, () => {
          this.wakeUpSet = false;
          this.pump();
        });
      }
      return;
    }
    this.askedAt = this.pace.now();
    this.inFlight = this.command({ type: 'run', steps: Math.min(SWEEP_CHUNK, left) });
  }
}
