import { describe, expect, it } from 'vitest';
import type { DigitScores } from '../worker/protocol';
import { DEFAULT_STATE } from './schema';
import { metricsOf, snapshot, storeHarness } from './storeHarness';

const DIGITS = { ...DEFAULT_STATE, scenario: 'digits' as const };

const perClass = (fraction: number) => ({
  step: 0,
  modelOld: { oldTask: [fraction], newTask: [fraction] },
  model: { oldTask: [fraction], newTask: [fraction] },
});

const scores = (step: number, measured: ReturnType<typeof perClass> | null): DigitScores => ({
  step,
  predicted: { modelOld: [step], model: [step] },
  perClass: measured,
});

describe('the store with the digits scenario', () => {
  it('tells the worker where the digits are when it starts a run', () => {
    const h = storeHarness(DIGITS);
    h.store.start();
    expect(h.lastOf('start')).toMatchObject({ settings: { scenario: 'digits' }, digitsUrl: 'digits.bin' });
  });

  it('shows the loading until pretraining reports, and a failed load in the page’s own words', () => {
    const h = storeHarness(DIGITS);
    h.store.start();
    const start = h.lastOf('start');
    h.reply(start, { type: 'loadingDigits' });
    expect(h.store.getView().loading).toBe('digits');
    h.reply(start, { type: 'pretraining', done: 20, total: 300 });
    expect(h.store.getView().loading).toBeNull();
    h.reply(start, { type: 'error', message: '404', about: 'digits' });
    expect(h.store.getView()).toMatchObject({ phase: 'failed', error: '404', errorAbout: 'digits' });
  });

  it('keeps the last accuracy per class while newer reports bring only predictions', () => {
    const h = storeHarness(DIGITS);
    h.store.start();
    const start = h.lastOf('start');
    const sample = { perTask: 1, side: 1, pixels: new Uint8Array(2), labels: [0] };
    h.reply(start, {
      type: 'ready',
      pretrainOldTaskAcc: 0.9,
      points: { oldTask: { x: [], y: [] }, newTask: { x: [], y: [] } },
      snapshot: snapshot(0),
      boundaries: null,
      digits: { sample, scores: scores(0, perClass(0.9)) },
    });
    expect(h.store.getView().digitSample).toBe(sample);
    h.store.step(10);
    h.reply(h.lastOf('run'), {
      type: 'metrics',
      steps: metricsOf(1, 10),
      snapshot: snapshot(10),
      boundaries: null,
      modesGrid: null,
      digitScores: scores(10, null),
    });
    expect(h.store.getView().digitScores).toEqual({ ...scores(10, null), perClass: perClass(0.9) });
  });
});
