import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DEFAULTS, type ScenarioSettings } from '../engine/scenarioSettings';
import { Sweep } from '../engine/sweep';
import { startCpuBackend } from './cpuBackendForTests';
import type { SweepCommand, SweepCommandBody, SweepReport } from './sweepProtocol';
import { SweepSession } from './sweepSession';

const SETTINGS: ScenarioSettings = { ...SCENARIO_DEFAULTS, dropout: 0.2 };
const LAMBDAS = [0, 1, 10];

/** A sweep session on TF.js's CPU backend, recording every report it posts. */
function session() {
  const reports: SweepReport[] = [];
  const sweep = new SweepSession({
    post: (body, sweepId, answers) => reports.push({ ...body, sweepId, answers } as SweepReport),
    joinBackend: async () => (await startCpuBackend()).name,
  });
  let id = 0;
  const send = (sweepId: number, body: SweepCommandBody) => {
    const command = { ...body, id: ++id, sweepId } as SweepCommand;
    return { command, done: sweep.receive(command) };
  };
  const answersTo = (command: SweepCommand) => reports.filter((r) => r.answers === command.id);
  return { sweep, send, answersTo };
}

const start = (seeds: number[], settings = SETTINGS): SweepCommandBody => ({
  type: 'start',
  settings,
  lambdas: LAMBDAS,
  seeds,
  backend: 'cpu',
});

describe('the sweep session', () => {
  it('trains every run as `Sweep` stepped directly does, and reports after each chunk', async () => {
    const { sweep, send, answersTo } = session();
    const started = send(1, start([1, 2]));
    const first = send(1, { type: 'run', steps: 3 });
    const second = send(1, { type: 'run', steps: 2 });
    await second.done;
    const [ready] = answersTo(started.command);
    const [afterThree] = answersTo(first.command);
    const [afterFive] = answersTo(second.command);
    if (ready.type !== 'ready' || afterThree.type !== 'progress' || afterFive.type !== 'progress')
      throw new Error('expected ready, then progress twice');
    expect(ready.runs).toEqual([1, 2].flatMap((seed) => LAMBDAS.map((lambda) => ({ lambda, seed }))));
    expect(ready.backend).toBe('cpu');

    const direct = new Sweep(SETTINGS, LAMBDAS, [1, 2]);
    expect(ready.point).toEqual({ step: 0, ...(await direct.accuracies()) });
    const stepAndMeasure = async (steps: number) => {
      let last: number[] = [];
      for (let i = 0; i < steps; i++) {
        const losses = direct.step();
        last = Array.from(await losses.totalLoss.data());
        tf.dispose([losses.lossNew, losses.klPenalty, losses.totalLoss]);
      }
      return { point: { step: direct.fineTuneStepsDone, ...(await direct.accuracies()) }, totalLoss: last };
    };
    const three = await stepAndMeasure(3);
    expect(afterThree.point).toEqual(three.point);
    expect(afterThree.totalLoss).toEqual(three.totalLoss);
    const five = await stepAndMeasure(2);
    expect(afterFive.point).toEqual(five.point);
    expect(afterFive.totalLoss).toEqual(five.totalLoss);
    // Training moved the runs apart: λ = 0 forgets more of the old task than λ = 10.
    expect(new Set(afterFive.totalLoss).size).toBe(LAMBDAS.length * 2);
    direct.dispose();
    sweep.dispose();
  });

  it('answers every command once: a replaced sweep is stale, a run before any start is not ready', async () => {
    const { sweep, send, answersTo } = session();
    const early = send(0, { type: 'run', steps: 1 });
    await early.done; // no start has arrived yet
    const first = send(1, start([1]));
    const second = send(2, start([3]));
    const stale = send(1, { type: 'run', steps: 1 });
    const run = send(2, { type: 'run', steps: 1 });
    await run.done;
    const outcome = (c: SweepCommand) => answersTo(c).map((r) => (r.type === 'ack' ? r.outcome : r.type));
    expect(outcome(early.command)).toEqual(['not-ready']);
    expect(outcome(first.command)).toEqual(['stale']);
    expect(outcome(second.command)).toEqual(['ready']);
    expect(outcome(stale.command)).toEqual(['stale']);
    expect(outcome(run.command)).toEqual(['progress']);
    sweep.dispose();
  });

  it('refuses the pitfalls with an error answer, and leaves no tensors behind', async () => {
    const { sweep, send, answersTo } = session();
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const refused = send(1, start([1], { ...SETTINGS, shareModelOld: true }));
    await refused.done;
    const [answer] = answersTo(refused.command);
    expect(answer.type === 'error' && answer.message).toMatch(/pitfalls/);
    const ok = send(2, start([1]));
    await send(2, { type: 'run', steps: 2 }).done;
    expect(answersTo(ok.command)[0].type).toBe('ready');
    sweep.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
