import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../engine/checkpoint';
import type { Command } from '../worker/protocol';
import { DEFAULT_STATE, scenarioSettings } from './schema';
import { storeHarness as harness, metricsOf, snapshot } from './storeHarness';

/** The store never looks inside a checkpoint: a labelled stand-in will do. */
const checkpointAt = (step: number) =>
  ({ step, settings: scenarioSettings(DEFAULT_STATE), randomState: step }) as unknown as Checkpoint;

const resumed = { type: 'resumed', boundaries: null, digits: null } as const;

/** A run that reached step 5, with checkpoints at 0 and (if given) `at`, and λ=3 applied after step 2. */
function runToFive(checkpointStep = 0) {
  const h = harness();
  h.store.start();
  const start = h.lastOf('start');
  h.ready(start);
  h.store.receive({ type: 'checkpoint', checkpoint: checkpointAt(0), runId: 1, answers: null });
  h.store.step(2);
  h.metrics(h.lastOf('run'), 1, 2);
  h.store.setSetting('lambda', 3);
  h.reply(h.lastOf('settings'), { type: 'ack', outcome: 'applied', afterStep: 2 });
  h.store.step(3);
  h.metrics(h.lastOf('run'), 3, 3);
  if (checkpointStep > 0)
    h.store.receive({
      type: 'checkpoint',
      checkpoint: checkpointAt(checkpointStep),
      runId: 1,
      answers: null,
    });
  return h;
}

const resumeOf = (sent: Command[]) =>
  sent.filter((c) => c.type === 'resume').at(-1) as Extract<Command, { type: 'resume' }>;

describe('a lost engine', () => {
  it('is replaced and the run retrained from the checkpoint to the last step shown, with each setting where it applied', () => {
    const h = runToFive();
    h.store.play();
    h.store.engineLost('crash');
    const resume = resumeOf(h.sent);
    expect(resume).toMatchObject({ runId: 1, to: 5, skip: [], checkpoint: { step: 0 } });
    expect(resume.replay.map((c) => [c.afterStep, c.settings.lambda])).toEqual([[2, 3]]);
    expect(resume.settings.lambda).toBe(3);
    // Nothing shown is taken back, and the run asks for its next steps (queued behind the resume).
    expect(h.store.getView().steps.map((m) => m.step)).toEqual([1, 2, 3, 4, 5]);
    expect(h.store.getView().recovery).toEqual({ cause: 'crash', lostBackend: null, from: 0, to: null });
    h.runFrame();
    expect(h.sent.at(-1)?.type).toBe('run');
    h.reply(resume, { ...resumed, snapshot: snapshot(5) } as never);
    expect(h.store.getView().recovery?.to).toBe(5);
  });

  it('replays only the settings changed since the latest checkpoint', () => {
    const h = runToFive(4);
    h.store.engineLost('crash');
    expect(resumeOf(h.sent)).toMatchObject({ to: 5, replay: [], checkpoint: { step: 4 } });
  });

  it('after a lost GPU device, leaves that backend out, whichever run the report names', () => {
    const h = runToFive();
    h.store.receive({ type: 'deviceLost', backend: 'webgpu', message: 'destroyed', runId: 0, answers: null });
    expect(resumeOf(h.sent)).toMatchObject({ to: 5, skip: ['webgpu'] });
    expect(h.store.getView().recovery).toMatchObject({ cause: 'deviceLost', lostBackend: 'webgpu' });
  });

  it('forgets the error the old engine reported on its way out (a command on the lost device failing) and plays on', () => {
    const h = runToFive();
    h.store.play();
    h.reply(h.lastOf('run'), { type: 'error', message: 'mapAsync failed' });
    expect(h.store.getView().phase).toBe('failed');
    const runs = h.sent.filter((c) => c.type === 'run').length;
    h.store.receive({ type: 'deviceLost', backend: 'webgpu', message: 'destroyed', runId: 1, answers: null });
    expect(h.store.getView()).toMatchObject({ phase: 'playing', error: null });
    expect(h.sent.filter((c) => c.type === 'run')).toHaveLength(runs + 1);
  });

  it('without a checkpoint yet, pretrains again in the same run', () => {
    const h = harness();
    h.store.start();
    h.store.engineLost('crash');
    expect(h.sent.map((c) => [c.type, c.runId])).toEqual([
      ['start', 1],
      ['start', 1],
    ]);
    expect(h.store.getView().recovery?.from).toBeNull();
  });

  it('is given up after three restarts in one run', () => {
    const h = runToFive();
    for (let i = 0; i < 3; i++) h.store.engineLost('crash');
    expect(h.store.getView().phase).not.toBe('failed');
    h.store.engineLost('crash');
    expect(h.store.getView()).toMatchObject({ phase: 'failed', engineGaveUp: 4, recovery: null });
    expect(h.sent.filter((c) => c.type === 'resume')).toHaveLength(3);
    h.store.reset(); // a new run may restart the engine again
    expect(h.store.getView().engineGaveUp).toBeNull();
  });
});

describe('a roll back after divergence', () => {
  it('returns to the latest checkpoint with a tenth of the learning rate, the history cut there, and plays on', () => {
    const h = runToFive(4);
    h.store.play();
    h.reply(h.lastOf('run'), { type: 'diverged', steps: metricsOf(6, 1, Number.NaN) });
    expect(h.store.canRollBack()).toBe(true);
    expect(h.store.rollBackLr()).toBeCloseTo(DEFAULT_STATE.lr / 10);
    h.store.rollBack();
    const view = h.store.getView();
    expect(view.steps.map((m) => m.step)).toEqual([1, 2, 3, 4]);
    expect(view).toMatchObject({ phase: 'playing', divergence: null, rolledBack: { step: 4 } });
    expect(view.settings.lr).toBeCloseTo(DEFAULT_STATE.lr / 10);
    const resume = resumeOf(h.sent);
    expect(resume).toMatchObject({ to: 4, replay: [], checkpoint: { step: 4 } });
    expect(resume.settings.lr).toBeCloseTo(DEFAULT_STATE.lr / 10);
    expect(h.sent.at(-1)?.type).toBe('run');
  });

  it('is offered only while diverged', () => {
    const h = runToFive();
    expect(h.store.canRollBack()).toBe(false);
    h.store.rollBack();
    expect(h.sent.some((c) => c.type === 'resume')).toBe(false);
  });
});
