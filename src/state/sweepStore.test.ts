import { describe, expect, it } from 'vitest';
import type { SweepCommand, SweepPoint, SweepReport, SweepReportBody } from '../worker/sweepProtocol';
import { DEFAULT_STATE } from './schema';
import { storeHarness } from './storeHarness';
import { type Pace, SWEEP_CHUNK, SWEEP_LAMBDAS, SWEEP_REST_RATIO, SweepStore } from './sweepStore';

/** A clock the test moves by hand; timers fire when it passes them. */
function manualPace() {
  let time = 0;
  let timers: { at: number; then: () => void }[] = [];
  const pace: Pace = { now: () => time, after: (ms, then) => timers.push({ at: time + ms, then }) };
  const advance = (ms: number) => {
    time += ms;
    const due = timers.filter((t) => t.at <= time);
    timers = timers.filter((t) => t.at > time);
    for (const t of due) t.then();
  };
  return { pace, advance };
}

/** A sweep store following a real lab store; the test plays the sweep worker's part. */
function harness(state = DEFAULT_STATE) {
  const lab = storeHarness(state);
  const sent: SweepCommand[] = [];
  const clock = manualPace();
  const sweep = new SweepStore((c) => sent.push(c), lab.store, clock.pace);
  const last = () => sent.at(-1) as SweepCommand;
  const reply = (command: SweepCommand, body: SweepReportBody) =>
    sweep.receive({ ...body, sweepId: command.sweepId, answers: command.id } as SweepReport);
  const runs = SWEEP_LAMBDAS.map((lambda) => ({ lambda, seed: state.seed }));
  const point = (step: number): SweepPoint => ({
    step,
    oldTaskAcc: runs.map((_, i) => 0.9 - step * 0.001 * i),
    newTaskAcc: runs.map((_, i) => 0.3 + step * 0.001 * i),
  });
  const ready = (start: SweepCommand) =>
    reply(start, { type: 'ready', runs, backend: 'cpu', point: point(0) });
  const progress = (run: SweepCommand, step: number) =>
    reply(run, { type: 'progress', point: point(step), totalLoss: runs.map(() => 1) });
  return { lab, sweep, sent, last, reply, ready, progress, clock };
}

describe('the frontier sweep', () => {
  it('starts only when its view is open and the lab seen, with every λ preset and the lab’s settings', () => {
    const h = harness({ ...DEFAULT_STATE, dropout: 0.3, optimizer: 'sgd' });
    h.sweep.see({ panelInView: false });
    h.sweep.setShown(true);
    expect(h.sent).toEqual([]);
    h.sweep.see({ panelInView: true });
    expect(h.sent).toHaveLength(1);
    expect(h.last()).toMatchObject({
      type: 'start',
      lambdas: [0, 0.1, 0.3, 1, 3, 10],
      seeds: [1],
      settings: { dropout: 0.3, optimizer: 'sgd' },
    });
    expect(h.sweep.getView().phase).toBe('starting');
  });

  it('rests after each chunk as long as the chunk took, so that the lab’s own run keeps the cores', () => {
    const h = harness();
    h.sweep.setShown(true);
    h.ready(h.last());
    const runs = () => h.sent.filter((c) => c.type === 'run').length;
    expect(runs()).toBe(1);
    h.clock.advance(40); // the chunk takes 40 ms
    h.progress(h.last(), 5);
    expect(runs()).toBe(1);
    h.clock.advance(40 * SWEEP_REST_RATIO - 1);
    expect(runs()).toBe(1);
    h.clock.advance(1);
    expect(runs()).toBe(2);
  });

  it('asks for the next chunk only once the previous one is answered, and stops at the step limit', () => {
    const h = harness({ ...DEFAULT_STATE, steps: 12 });
    h.sweep.setShown(true);
    h.ready(h.last());
    expect(h.sweep.getView()).toMatchObject({ phase: 'training', points: [{ step: 0 }] });
    expect(h.last()).toMatchObject({ type: 'run', steps: SWEEP_CHUNK });
    h.sweep.see({ pageShown: true }); // nothing new: still one run in flight
    expect(h.sent.filter((c) => c.type === 'run')).toHaveLength(1);
    h.progress(h.last(), 5);
    h.progress(h.last(), 10);
    expect(h.last()).toMatchObject({ type: 'run', steps: 2 });
    h.progress(h.last(), 12);
    expect(h.sweep.getView().phase).toBe('finished');
    expect(h.sweep.getView().points.map((p) => p.step)).toEqual([0, 5, 10, 12]);
    expect(h.sent).toHaveLength(4);
    // A longer run in the lab: the sweep goes on to the new limit.
    h.lab.store.setSetting('steps', 20);
    expect(h.last()).toMatchObject({ type: 'run', steps: 5 });
    expect(h.sweep.getView().phase).toBe('training');
  });

  it('pauses when the page is hidden or its view closed, and goes on where it stopped', () => {
    const h = harness();
    h.sweep.setShown(true);
    h.ready(h.last());
    h.sweep.see({ pageShown: false });
    h.progress(h.last(), 5); // the chunk in flight still lands
    expect(h.sent).toHaveLength(2);
    h.sweep.see({ pageShown: true });
    expect(h.last()).toMatchObject({ type: 'run', sweepId: 1 });
    expect(h.sent).toHaveLength(3);
    h.sweep.setShown(false);
    h.progress(h.last(), 10);
    expect(h.sent).toHaveLength(3);
    h.sweep.setShown(true);
    expect(h.sent.map((c) => c.type)).toEqual(['start', 'run', 'run', 'run']);
    expect(h.sweep.getView().points.at(-1)?.step).toBe(10);
  });

  it('starts again when a setting other than λ changes, dropping what the old sweep still sends', () => {
    const h = harness();
    h.sweep.setShown(true);
    h.ready(h.last());
    const oldRun = h.last();
    h.lab.store.setSetting('lambda', 3); // the main run's λ: every λ is already in the sweep
    expect(h.sent).toHaveLength(2);
    h.lab.store.setSetting('direction', 'new||old');
    const restart = h.last();
    expect(restart).toMatchObject({ type: 'start', sweepId: 2, settings: { direction: 'new||old' } });
    expect(h.sweep.getView()).toMatchObject({ phase: 'starting', points: [] });
    h.progress(oldRun, 5);
    expect(h.sweep.getView().points).toEqual([]);
    expect(h.sent).toHaveLength(3);
    h.ready(restart);
    expect(h.last()).toMatchObject({ type: 'run', sweepId: 2 });
  });

  it('follows the seed the lab’s run started with: a new seed starts the sweep again at the reset', () => {
    const h = harness();
    h.sweep.setShown(true);
    h.lab.store.setSetting('seed', 9);
    expect(h.sent.map((c) => c.type)).toEqual(['start']);
    h.lab.store.reset();
    expect(h.last()).toMatchObject({ type: 'start', sweepId: 2, seeds: [9] });
  });

  it('with three seeds, runs the seeds after the lab’s own', () => {
    const h = harness({ ...DEFAULT_STATE, seed: 4 });
    h.sweep.setShown(true);
    h.sweep.setSeedCount(3);
    expect(h.sent.map((c) => c.type)).toEqual(['start', 'start']);
    expect(h.last()).toMatchObject({ seeds: [4, 5, 6], sweepId: 2 });
  });

  it('refuses the pitfalls and says which are on; turning them off starts the sweep', () => {
    const h = harness({ ...DEFAULT_STATE, teacherNoGrad: false });
    h.sweep.setShown(true);
    expect(h.sent).toEqual([]);
    expect(h.sweep.getView()).toMatchObject({ phase: 'refused', refusedBy: ['teacherNoGrad'] });
    h.lab.store.setSetting('probsAsInput', true);
    expect(h.sweep.getView().refusedBy).toEqual(['teacherNoGrad', 'probsAsInput']);
    h.lab.store.setSetting('teacherNoGrad', true);
    h.lab.store.setSetting('probsAsInput', false);
    expect(h.last()).toMatchObject({ type: 'start' });
  });

  it('an error stops the sweep until a setting changes; a replaced engine starts it again', () => {
    const h = harness();
    h.sweep.setShown(true);
    h.reply(h.last(), { type: 'error', message: 'out of memory' });
    expect(h.sweep.getView()).toMatchObject({ phase: 'failed', error: 'out of memory' });
    h.sweep.see({ pageShown: true });
    expect(h.sent).toHaveLength(1);
    h.lab.store.setSetting('lr', 0.001);
    expect(h.last()).toMatchObject({ type: 'start', sweepId: 2 });
    h.sweep.engineLost();
    expect(h.last()).toMatchObject({ type: 'start', sweepId: 3 });
  });
});
