import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../state/schema';
import type { Phase } from '../state/store';
import type { StepMetrics } from '../worker/protocol';
import { type Clock, type HostEvent, type WatchedStore, watchForHost } from './hostEvents';

type View = ReturnType<WatchedStore['getView']>;

function fakeStore() {
  let view: View = {
    settings: DEFAULT_STATE,
    phase: 'paused' as Phase,
    runId: 1,
    steps: [],
    snapshots: [{ oldTaskAcc: 0.9, newTaskAcc: 0.1 }],
    divergence: null,
    error: null,
  };
  const listeners = new Set<() => void>();
  return {
    getView: () => view,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(patch: Partial<View>) {
      view = { ...view, ...patch };
      for (const listener of listeners) listener();
    },
  };
}

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    later: (callback, ms) => {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((t) => t !== timer);
      timer.callback();
    }
  };
  return { clock, advance };
}

const metric = (step: number): StepMetrics => ({
  step,
  lossNew: 1,
  klPenalty: 0.5,
  totalLoss: 1.5,
  lambda: 1,
});

describe('Host API events', () => {
  it('state follows settings, phase and run; metrics at most 10 a second, the latest always last', () => {
    const store = fakeStore();
    const { clock, advance } = manualClock();
    const events: HostEvent[] = [];
    watchForHost(store, (e) => events.push(e), clock);

    store.update({ settings: { ...DEFAULT_STATE, lambda: 0 } });
    expect(events).toEqual([
      {
        kllab: 1,
        type: 'state',
        settings: { ...DEFAULT_STATE, lambda: 0 },
        phase: 'paused',
        runId: 1,
        step: 0,
      },
    ]);
    events.length = 0;

    store.update({ phase: 'playing' });
    const steps: StepMetrics[] = [];
    for (let i = 1; i <= 30; i++) {
      steps.push(metric(i));
      store.update({ steps: [...steps] });
      advance(10);
    }
    advance(200);
    const metrics = events.filter((e) => e.type === 'metrics');
    // 300 ms of steps: about 4 events, never closer than 100 ms, ending with step 30.
    expect(metrics.length).toBeGreaterThanOrEqual(3);
    expect(metrics.length).toBeLessThanOrEqual(5);
    expect(metrics.at(-1)).toEqual({
      kllab: 1,
      type: 'metrics',
      runId: 1,
      step: 30,
      lossNew: 1,
      klPenalty: 0.5,
      totalLoss: 1.5,
      oldTaskAcc: 0.9,
      newTaskAcc: 0.1,
    });
  });

  it('the last metrics come before finished and diverged; failure is an error event', () => {
    const store = fakeStore();
    const { clock } = manualClock();
    const events: HostEvent[] = [];
    watchForHost(store, (e) => events.push(e), clock);
    store.update({ steps: [metric(1)] });
    store.update({ steps: [metric(1), metric(2)], phase: 'finished' });
    expect(events.map((e) => `${e.type}${'step' in e ? e.step : ''}`)).toEqual([
      'metrics1',
      'metrics2',
      'state2',
      'finished2',
    ]);
    events.length = 0;
    store.update({ runId: 2, steps: [], phase: 'paused' });
    store.update({ steps: [metric(1)], phase: 'diverged', divergence: { step: 1, value: Number.NaN } });
    expect(events.filter((e) => e.type !== 'state')).toEqual([
      expect.objectContaining({ type: 'metrics', runId: 2, step: 1 }),
      { kllab: 1, type: 'diverged', runId: 2, step: 1, value: Number.NaN },
    ]);
    events.length = 0;
    store.update({ phase: 'failed', error: 'no backend' });
    expect(events.at(-1)).toEqual({ kllab: 1, type: 'error', runId: 2, message: 'no backend' });
  });
});
