import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it, vi } from 'vitest';
import { Scenario } from '../engine/scenario';
import { SCENARIO_DEFAULTS } from '../engine/scenarioSettings';
import { InjectedFault, plantFault } from '../engine/test/faults';
import { startCpuBackend } from './cpuBackendForTests';
import { CHECKPOINT_EVERY, LabSession } from './labSession';
import type { Command, CommandBody, Report } from './protocol';

/** A session on TF.js's CPU backend, recording every report it posts. */
function session() {
  const reports: Report[] = [];
  const lab = new LabSession({
    post: (body, runId, answers) => reports.push({ ...body, runId, answers } as Report),
    chooseBackend: startCpuBackend,
    deviceLost: () => null,
  });
  let id = 0;
  const send = (runId: number, body: CommandBody) => {
    const command = { ...body, id: ++id, runId } as Command;
    return { command, done: lab.receive(command) };
  };
  const answersTo = (command: Command) => reports.filter((r) => r.answers === command.id);
  return { lab, reports, send, answersTo };
}

describe('the lab session', () => {
  it('answers every command exactly once, whatever order they come in', async () => {
    const { lab, send, answersTo } = session();
    const first = send(1, { type: 'start', settings: SCENARIO_DEFAULTS, backend: 'auto' });
    const early = send(1, { type: 'run', steps: 2 }); // before pretraining is done
    const second = send(2, { type: 'start', settings: { ...SCENARIO_DEFAULTS, seed: 2 }, backend: 'auto' }); // a Reset
    const stale = send(1, { type: 'run', steps: 2 }); // meant for the run that Reset replaced
    const settings = send(2, { type: 'settings', settings: { ...SCENARIO_DEFAULTS, seed: 2, lambda: 3 } });
    const run = send(2, { type: 'run', steps: 3 });
    const backend = send(2, { type: 'backend', backend: 'cpu' });
    await backend.done;
    const outcome = (c: Command) => answersTo(c).map((r) => (r.type === 'ack' ? r.outcome : r.type));
    expect(outcome(first.command)).toEqual(['stale']);
    expect(outcome(early.command)).toEqual(['stale']);
    expect(outcome(second.command)).toEqual(['ready']);
    expect(outcome(stale.command)).toEqual(['stale']);
    expect(outcome(settings.command)).toEqual(['applied']);
    expect(outcome(run.command)).toEqual(['metrics']);
    expect(outcome(backend.command)).toEqual(['backend']);
    const metrics = answersTo(run.command)[0];
    if (metrics.type !== 'metrics') throw new Error('expected metrics');
    expect(metrics.runId).toBe(2);
    expect(metrics.steps.map((m) => [m.step, m.lambda])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    lab.dispose();
  });

  it('a run command before pretraining ends is answered "not-ready" in the same run', async () => {
    const { lab, send, answersTo } = session();
    // A run for run 1 while no start was ever sent: the session has no scenario.
    const run = send(0, { type: 'run', steps: 1 });
    await run.done;
    expect(answersTo(run.command).map((r) => r.type === 'ack' && r.outcome)).toEqual(['not-ready']);
    lab.dispose();
  });

  it('a diverging step is answered with the metrics up to that step', async () => {
    const { lab, send, answersTo } = session();
    const settings = {
      ...SCENARIO_DEFAULTS,
      optimizer: 'sgd',
      lr: 0.1,
      reduction: 'sum',
      lambda: 10,
      batchSize: 256,
    } as const;
    await send(1, { type: 'start', settings, backend: 'auto' }).done;
    let last: Report | undefined;
    for (let i = 0; i < 40 && last?.type !== 'diverged'; i++) {
      const run = send(1, { type: 'run', steps: 10 });
      await run.done;
      last = answersTo(run.command)[0];
    }
    if (last?.type !== 'diverged') throw new Error('expected the run to diverge');
    const bad = last.steps.at(-1);
    expect(bad && (!Number.isFinite(bad.totalLoss) || Math.abs(bad.totalLoss) > 1e4)).toBe(true);
    expect(last.steps.slice(0, -1).every((m) => Number.isFinite(m.totalLoss))).toBe(true);
    lab.dispose();
  });
});

describe('a step that throws part-way through a batch', () => {
  it('leaves no tensor of the earlier steps behind and is answered by one error', async () => {
    const { lab, send, answersTo } = session();
    await send(1, { type: 'start', settings: SCENARIO_DEFAULTS, backend: 'auto' }).done;
    await send(1, { type: 'run', steps: 1 }).done; // creates Adam's moments, which then stay
    const before = tf.memory().numTensors;
    // The third step of five throws inside the optimizer's update, after the gradients exist.
    const step = Scenario.prototype.step;
    let steps = 0;
    const spy = vi.spyOn(Scenario.prototype, 'step').mockImplementation(function (this: Scenario) {
      if (++steps === 3) plantFault(this.model, 'optimizer');
      return step.call(this);
    });
    const run = send(1, { type: 'run', steps: 5 });
    await run.done;
    spy.mockRestore();
    expect(steps).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    expect(answersTo(run.command)).toEqual([
      expect.objectContaining({ type: 'error', message: new InjectedFault('optimizer').message }),
    ]);
    lab.dispose();
  });
});

describe('a lost GPU device', () => {
  it('is said at once, naming the backend, without waiting for a command', async () => {
    const reports: Report[] = [];
    let lose: (message: string) => void = () => {};
    const lab = new LabSession({
      post: (body, runId, answers) => reports.push({ ...body, runId, answers } as Report),
      chooseBackend: startCpuBackend,
      deviceLost: () => new Promise<string>((resolve) => (lose = resolve)),
    });
    await lab.receive({ type: 'start', settings: SCENARIO_DEFAULTS, backend: 'auto', id: 1, runId: 1 });
    lose('device destroyed');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reports.at(-1)).toEqual({
      type: 'deviceLost',
      backend: 'cpu',
      message: 'device destroyed',
      runId: 1,
      answers: null,
    });
    lab.dispose();
  });
});

describe('checkpoints', () => {
  it('one follows pretraining, and one every CHECKPOINT_EVERY steps, each after the metrics that reach it', async () => {
    const { lab, reports, send } = session();
    await send(1, { type: 'start', settings: SCENARIO_DEFAULTS, backend: 'auto' }).done;
    expect(reports.slice(-2).map((r) => r.type)).toEqual(['ready', 'checkpoint']);
    await send(1, { type: 'run', steps: CHECKPOINT_EVERY - 1 }).done;
    expect(reports.at(-1)?.type).toBe('metrics');
    await send(1, { type: 'run', steps: 3 }).done;
    const [metrics, saved] = reports.slice(-2);
    if (metrics.type !== 'metrics' || saved.type !== 'checkpoint')
      throw new Error('expected metrics, then a checkpoint');
    expect(metrics.steps.map((m) => m.step)).toEqual([
      CHECKPOINT_EVERY,
      CHECKPOINT_EVERY + 1,
      CHECKPOINT_EVERY + 2,
    ]);
    expect(saved.checkpoint.step).toBe(CHECKPOINT_EVERY);
    lab.dispose();
  });

  it('a new session resumed from one retrains the steps after it, settings changes where they applied, and goes on as the first would', async () => {
    const first = session();
    await first.send(1, { type: 'start', settings: SCENARIO_DEFAULTS, backend: 'auto' }).done;
    const saved = first.reports.at(-1);
    if (saved?.type !== 'checkpoint') throw new Error('expected the checkpoint after pretraining');
    await first.send(1, { type: 'run', steps: 1 }).done;
    const changed = { ...SCENARIO_DEFAULTS, lambda: 3, lr: 0.02 };
    const settings = first.send(1, { type: 'settings', settings: changed });
    await settings.done;
    expect(first.answersTo(settings.command)).toEqual([
      expect.objectContaining({ outcome: 'applied', afterStep: 1 }),
    ]);
    await first.send(1, { type: 'run', steps: 2 }).done;
    const expected = first.send(1, { type: 'run', steps: 2 });
    await expected.done;
    first.lab.dispose();

    const second = session();
    const resume = second.send(1, {
      type: 'resume',
      settings: changed,
      checkpoint: saved.checkpoint,
      replay: [{ afterStep: 1, settings: changed }],
      to: 3,
      backend: 'cpu',
      skip: [],
    });
    await resume.done;
    expect(second.answersTo(resume.command)).toEqual([
      expect.objectContaining({ type: 'resumed', snapshot: expect.objectContaining({ step: 3 }) }),
    ]);
    const again = second.send(1, { type: 'run', steps: 2 });
    await again.done;
    const steps = (c: Command) => {
      const [r] = (c === expected.command ? first : second).answersTo(c);
      return r.type === 'metrics' ? r.steps : null;
    };
    expect(steps(again.command)).toEqual(steps(expected.command));
    expect(steps(again.command)?.map((m) => m.step)).toEqual([4, 5]);
    second.lab.dispose();
  });
});
