/**
 * What the sweep worker does with each command, apart from the worker so that tests can drive it in
 * Node: owns one `Sweep` (every λ of the frontier, stacked), trains only when asked, and answers
 * every command exactly once.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { StackedStepLosses } from '../engine/func/stackedTrainStep';
import { readAndDispose } from '../engine/readAndDispose';
import { Sweep } from '../engine/sweep';
import type { BackendName } from './backendNames';
import { DigitsUnavailable, loadDigits } from './loadDigits';
import type { SweepCommand, SweepPoint, SweepReportBody } from './sweepProtocol';

export interface SweepPorts {
  post(report: SweepReportBody, sweepId: number, answers: number): void;
  /** The backend to train on, started if need be; the sweep's endpoint passes `joinBackend`. */
  joinBackend(forced?: BackendName): Promise<BackendName>;
}

export class SweepSession {
  private sweep: Sweep | null = null;
  /** The sweep whose runs are loaded. */
  private sweepId = 0;
  /** The sweep the page wants now: set as soon as a `start` arrives, so older commands are skipped. */
  private wantedSweep = 0;
  private backend: BackendName | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly ports: SweepPorts) {}

  /** Commands run one after another, in the order they arrived. */
  receive(command: SweepCommand): Promise<void> {
    if (command.type === 'start') this.wantedSweep = command.sweepId;
    this.queue = this.queue
      .then(() => this.handle(command))
      .catch((e: Error) => {
        const about = e instanceof DigitsUnavailable ? { about: 'digits' as const } : {};
        this.ports.post({ type: 'error', message: e.message, ...about }, command.sweepId, command.id);
      });
    return this.queue;
  }

  private async handle(command: SweepCommand): Promise<void> {
    const answer = (report: SweepReportBody) => this.ports.post(report, command.sweepId, command.id);
    if (command.sweepId !== this.wantedSweep) return answer({ type: 'ack', outcome: 'stale' });
    if (command.type === 'start') {
      this.backend ??= await this.ports.joinBackend(command.backend === 'auto' ? undefined : command.backend);
      this.dispose();
      if (command.settings.scenario === 'digits') await loadDigits(command.digitsUrl);
      if (command.sweepId !== this.wantedSweep) return answer({ type: 'ack', outcome: 'stale' });
      this.sweepId = command.sweepId;
      this.sweep = new Sweep(command.settings, command.lambdas, command.seeds);
      const point = await measure(this.sweep);
      return answer({ type: 'ready', runs: this.sweep.runs, backend: this.backend, point });
    }
    if (!this.sweep || command.sweepId !== this.sweepId) return answer({ type: 'ack', outcome: 'not-ready' });
    return answer(await this.run(this.sweep, command.steps));
  }

  private async run(sweep: Sweep, steps: number): Promise<SweepReportBody> {
    let last: StackedStepLosses | null = null;
    for (let i = 0; i < steps; i++) {
      if (last) tf.dispose([last.lossNew, last.klPenalty, last.totalLoss]);
      last = sweep.step();
    }
    let totalLoss: number[] = [];
    if (last) {
      tf.dispose([last.lossNew, last.klPenalty]);
      totalLoss = Array.from(await readAndDispose(last.totalLoss));
    }
    return { type: 'progress', point: await measure(sweep), totalLoss };
  }

  dispose(): void {
    this.sweep?.dispose();
    this.sweep = null;
  }
}

async function measure(sweep: Sweep): Promise<SweepPoint> {
  const { oldTaskAcc, newTaskAcc } = await sweep.accuracies();
  return { step: sweep.fineTuneStepsDone, oldTaskAcc, newTaskAcc };
}
