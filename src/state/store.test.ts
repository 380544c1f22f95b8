import { describe, expect, it } from 'vitest';
import { SCENARIO_TRAINING } from '../engine/scenarioSettings';
import { DEFAULT_STATE } from './schema';
import type { LabStore } from './store';
import { storeHarness as harness, metricsOf } from './storeHarness';

const stepsOf = (store: LabStore) => store.getView().steps.map((s) => s.step);

/** Pretrains, presses Play, then Reset while the first run's command is still out. */
function resetWhilePlaying() {
  const h = harness();
  h.store.start();
  h.ready(h.lastOf('start'));
  h.store.play();
  const oldRun = h.lastOf('run');
  h.store.reset();
  return { h, oldRun };
}

describe('the run lifecycle', () => {
  it('choosing the digits brings their rate and batch size to the next run, unless chosen by hand', () => {
    const { store, lastOf } = harness();
    store.start();
    store.setSetting('scenario', 'digits');
    expect(store.getView().settings).toMatchObject({ scenario: 'digits', ...SCENARIO_TRAINING.digits });
    store.reset();
    const start = lastOf('start');
    expect(start.type === 'start' && start.settings).toMatchObject({
      scenario: 'digits',
      ...SCENARIO_TRAINING.digits,
    });
    store.setSetting('lr', 0.05);
    store.setSetting('scenario', 'sectors');
    expect(store.getView().settings).toMatchObject({
      lr: 0.05,
      batchSize: SCENARIO_TRAINING.sectors.batchSize,
    });
  });

  it('every command carries an id and the run id; a reset moves to a new run id', () => {
    const { store, sent } = harness();
    store.start();
    store.setSetting('lambda', 3);
    store.reset();
    expect(sent.map((c) => [c.type, c.runId])).toEqual([
      ['start', 1],
      ['settings', 1],
      ['start', 2],
    ]);
    expect(new Set(sent.map((c) => c.id)).size).toBe(sent.length);
  });

  it('drops a metrics report of the previous run that lands after Reset', () => {
    const { h, oldRun } = resetWhilePlaying();
    h.metrics(oldRun, 61, 1); // in flight when Reset was pressed
    h.ready(h.lastOf('start'));
    h.store.step();
    h.metrics(h.lastOf('run'), 1, 1);
    h.store.step();
    h.metrics(h.lastOf('run'), 2, 1);
    expect(stepsOf(h.store)).toEqual([1, 2]);
  });

  it('a late answer of the old run does not free the new run’s command slot', () => {
    const { h, oldRun } = resetWhilePlaying();
    h.ready(h.lastOf('start'));
    h.store.play();
    const newRun = h.lastOf('run');
    expect(newRun.runId).toBe(2);
    h.metrics(oldRun, 61, 1);
    h.runFrame();
    // Still one run command in flight: the old answer did not open the slot for a second one.
    expect(h.sent.filter((c) => c.type === 'run' && c.runId === 2)).toHaveLength(1);
    h.metrics(newRun, 1, 1);
    h.runFrame();
    expect(h.sent.filter((c) => c.type === 'run' && c.runId === 2)).toHaveLength(2);
  });

  it('a run command answered without training (not ready, stale) does not stall Play or Step', () => {
    const h = harness();
    h.store.start();
    h.ready(h.lastOf('start'));
    h.store.play();
    h.reply(h.lastOf('run'), { type: 'ack', outcome: 'not-ready' });
    h.runFrame();
    expect(h.sent.filter((c) => c.type === 'run')).toHaveLength(2);
    h.store.pause();
    h.reply(h.lastOf('run'), { type: 'ack', outcome: 'stale' });
    h.store.step();
    expect(h.sent.filter((c) => c.type === 'run')).toHaveLength(3);
  });

  it('a diverged run shows the step it names: the readouts reach that step', () => {
    const h = harness();
    h.store.start();
    h.ready(h.lastOf('start'));
    h.store.play();
    h.reply(h.lastOf('run'), {
      type: 'diverged',
      steps: [...metricsOf(1, 2), ...metricsOf(3, 1, Number.NaN)],
    });
    const view = h.store.getView();
    expect(view.phase).toBe('diverged');
    expect(view.divergence?.step).toBe(3);
    expect(view.steps.at(-1)?.step).toBe(3);
  });

  it('stops at the step limit; Continue extends it and applies a setting changed after the end', () => {
    const h = harness({ ...DEFAULT_STATE, steps: 10 });
    h.store.start();
    h.ready(h.lastOf('start'));
    h.store.setSpeed(10);
    h.store.play();
    h.metrics(h.lastOf('run'), 1, 10);
    expect(h.store.getView().phase).toBe('finished');
    h.store.setSetting('lambda', 0);
    expect(h.lastOf('settings')).toMatchObject({ type: 'settings', settings: { lambda: 0 } });
    h.store.continueRun();
    expect(h.store.getView()).toMatchObject({ phase: 'playing', settings: { steps: 20 } });
    expect(h.lastOf('run')).toMatchObject({ type: 'run', steps: 10 });
  });
});

describe('where the engine runs', () => {
  it('records the way the engine started', () => {
    const { store } = harness();
    expect(store.getView().engineWay).toBeNull();
    store.engineStarted('blob');
    expect(store.getView().engineWay).toBe('blob');
  });

  it('fails the run with every reason when no way could start it, and Reset keeps saying so', () => {
    const h = harness();
    h.store.start();
    h.store.engineCannotStart('module: refused; blob: refused; mainThread: no file');
    expect(h.store.getView()).toMatchObject({
      engineWay: 'none',
      phase: 'failed',
      error: 'module: refused; blob: refused; mainThread: no file',
    });
    h.store.reset();
    expect(h.store.getView()).toMatchObject({ phase: 'failed', runId: 1 });
    expect(h.sent.map((c) => c.type)).toEqual(['start']);
  });
});

describe('ghost runs', () => {
  it('Reset keeps the run’s accuracy as a ghost named by λ and by what else differed', () => {
    const h = harness({ ...DEFAULT_STATE, lambda: 0 });
    h.store.start();
    h.ready(h.lastOf('start'));
    h.store.step();
    h.metrics(h.lastOf('run'), 1, 1);
    h.store.setSetting('lambda', 10);
    h.store.setSetting('seed', 7);
    h.store.reset();
    const [ghost] = h.store.getView().ghosts;
    // Named by the settings its steps ran with, not by a λ chosen after its last step.
    expect(ghost.lambda).toBe(0);
    expect(ghost.differences).toEqual([{ name: 'seed', value: '1' }]);
    expect(ghost.accuracy.map((a) => a.step)).toEqual([0, 1]);
  });

  it('a run without fine-tuning steps leaves no ghost; at most five are kept; Clear removes them', () => {
    const h = harness();
    h.store.start();
    h.store.reset();
    expect(h.store.getView().ghosts).toEqual([]);
    for (let i = 0; i < 7; i++) {
      h.ready(h.lastOf('start'));
      h.store.setSetting('lambda', i);
      h.store.step();
      h.metrics(h.lastOf('run'), 1, 1);
      h.store.reset();
    }
    expect(h.store.getView().ghosts.map((g) => g.lambda)).toEqual([2, 3, 4, 5, 6]);
    h.store.clearGhosts();
    expect(h.store.getView().ghosts).toEqual([]);
  });
});
