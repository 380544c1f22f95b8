import { describe, expect, it } from 'vitest';
import { recordOfView } from '../export/viewRecord';
import { DEFAULT_STATE } from './schema';
import { storeHarness } from './storeHarness';

function afterOneStep(state = DEFAULT_STATE) {
  const h = storeHarness(state);
  h.store.start();
  h.ready(h.lastOf('start'));
  h.store.step();
  h.metrics(h.lastOf('run'), 1, 1);
  return h;
}

describe('the PyTorch script', () => {
  it('is asked of the worker for the steps shown, and lands in the view once per answer', () => {
    const h = storeHarness();
    h.store.start();
    h.ready(h.lastOf('start'));
    h.store.exportPyTorch(false);
    expect(h.sent.some((c) => c.type === 'pytorch')).toBe(false); // nothing to export yet
    h.store.step();
    h.metrics(h.lastOf('run'), 1, 1);
    h.store.exportPyTorch(true);
    expect(h.lastOf('pytorch')).toMatchObject({ type: 'pytorch', steps: 1, notebook: true });
    expect(h.store.getView().pytorch.writing).toBe(true);
    h.reply(h.lastOf('pytorch'), { type: 'pytorch', notebook: true, text: '{}' });
    expect(h.store.getView().pytorch).toEqual({
      file: { notebook: true, text: '{}', serial: 1 },
      writing: false,
      error: null,
      errorAbout: null,
    });
    h.store.exportPyTorch(false);
    h.reply(h.lastOf('pytorch'), { type: 'pytorch', notebook: false, text: 'import torch' });
    expect(h.store.getView().pytorch.file?.serial).toBe(2);
  });

  it('a stale answer ends the wait; a failure says why and leaves the run alone', () => {
    const h = afterOneStep();
    h.store.exportPyTorch(false);
    h.reply(h.lastOf('pytorch'), { type: 'ack', outcome: 'stale' });
    expect(h.store.getView().pytorch).toEqual({ file: null, writing: false, error: null, errorAbout: null });
    h.store.exportPyTorch(false);
    h.reply(h.lastOf('pytorch'), { type: 'error', message: 'no memory' });
    expect(h.store.getView().pytorch).toMatchObject({ writing: false, error: 'no memory', errorAbout: null });
    expect(h.store.getView().phase).toBe('paused');
    // A refusal the page has its own words for keeps its kind, and the next request clears it.
    h.store.exportPyTorch(false);
    h.reply(h.lastOf('pytorch'), { type: 'error', message: 'part-way', about: 'replayPartWay' });
    expect(h.store.getView().pytorch).toMatchObject({ error: 'part-way', errorAbout: 'replayPartWay' });
    h.store.exportPyTorch(false);
    expect(h.store.getView().pytorch).toMatchObject({ writing: true, error: null, errorAbout: null });
  });
});

describe('importing a run', () => {
  it('takes its settings (not the page’s backend, language or theme), starts a new run, and shows it as a ghost', () => {
    const h = afterOneStep({ ...DEFAULT_STATE, backend: 'wasm', lang: 'zh' });
    const settings = {
      ...DEFAULT_STATE,
      lambda: 0.7,
      seed: 9,
      backend: 'webgl' as const,
      lang: 'en' as const,
    };
    const steps = [1, 2].map((step) => ({
      step,
      total_loss: step / 10,
      old_task_acc: 0.8,
      new_task_acc: 0.5,
    }));
    h.store.importRun({ settings, steps });
    const view = h.store.getView();
    expect(view.settings).toEqual({ ...settings, backend: 'wasm', lang: 'zh' });
    expect(h.lastOf('start')).toMatchObject({
      type: 'start',
      runId: 2,
      settings: { lambda: 0.7, seed: 9 },
      backend: 'wasm',
    });
    // The page's own run became a ghost too; the imported one is marked as such.
    expect(view.ghosts).toHaveLength(2);
    const imported = view.ghosts[1];
    expect(imported).toMatchObject({ lambda: 0.7, differences: [] });
    expect(imported.accuracy).toEqual([
      { step: 1, oldTaskAcc: 0.8, newTaskAcc: 0.5 },
      { step: 2, oldTaskAcc: 0.8, newTaskAcc: 0.5 },
    ]);
    expect(imported.imported?.totalLoss).toEqual([
      { step: 1, value: 0.1 },
      { step: 2, value: 0.2 },
    ]);
    expect(view.runSettings.seed).toBe(9);
  });
});

describe('the run record of the page', () => {
  it('names the seed the run has, not one changed since, and the backend that ran it', () => {
    const h = afterOneStep();
    h.store.setSetting('seed', 42); // applies only at the next reset
    const record = recordOfView(h.store.getView());
    expect(record.seed).toBe(DEFAULT_STATE.seed);
    expect(record.settings.seed).toBe(DEFAULT_STATE.seed);
    expect(record.steps).toHaveLength(1);
    expect(record.pretrain.old_task_acc).toBe(0.9);
    expect(record.backend).toBe(DEFAULT_STATE.backend); // no backend report yet: the setting
  });
});
