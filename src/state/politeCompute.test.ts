import { describe, expect, it } from 'vitest';
import type { Command } from '../worker/protocol';
import { PoliteCompute } from './politeCompute';
import { DEFAULT_STATE } from './schema';
import { LabStore } from './store';

/** A real store whose worker is this test: `ready()` ends pretraining; frames run only on `frame()`. */
function lab() {
  const sent: Command[] = [];
  let frames: (() => void)[] = [];
  const store = new LabStore(
    (command) => sent.push(command),
    { state: DEFAULT_STATE, corrections: [] },
    () => {},
    {
      request: (callback) => frames.push(callback),
      cancel: () => {
        frames = [];
      },
    },
  );
  store.start();
  const ready = () => {
    const start = sent.filter((c) => c.type === 'start').at(-1) as Command;
    store.receive({
      type: 'ready',
      runId: start.runId,
      answers: start.id,
      pretrainOldTaskAcc: 0.9,
      points: { oldTask: { x: [], y: [] }, newTask: { x: [], y: [] } },
      snapshot: {
        step: 0,
        oldTaskAcc: 0.9,
        newTaskAcc: 0.3,
        batchNorm: {
          model: { runningMean: [], runningVar: [] },
          modelOld: { runningMean: [], runningVar: [] },
        },
        batch: null,
        modelOldGradNorm: 0,
      },
      boundaries: {
        size: 1,
        extent: 1,
        classes: 3,
        model: new Float32Array(3),
        modelOld: new Float32Array(3),
      },
    });
  };
  const frame = () => {
    const now = frames;
    frames = [];
    for (const callback of now) callback();
  };
  const runCommands = () => sent.filter((c) => c.type === 'run').length;
  const phase = () => store.getView().phase;
  return { store, ready, frame, runCommands, phase };
}

describe('polite compute', () => {
  it('pauses a playing run scrolled out of view and resumes it when seen again', () => {
    const { store, ready, phase } = lab();
    const polite = new PoliteCompute(store);
    ready();
    store.play();
    polite.see({ panelInView: false });
    expect(phase()).toBe('paused');
    expect(store.getView().pausedUnseen).toBe(true);
    polite.see({ panelInView: true });
    expect(phase()).toBe('playing');
    expect(store.getView().pausedUnseen).toBe(false);
  });

  it('pauses when the page is hidden, and waits for both the page and the panel to be seen', () => {
    const { store, ready, phase } = lab();
    const polite = new PoliteCompute(store);
    ready();
    store.play();
    polite.see({ pageShown: false });
    expect(phase()).toBe('paused');
    polite.see({ panelInView: false });
    polite.see({ pageShown: true });
    expect(phase()).toBe('paused');
    polite.see({ panelInView: true });
    expect(phase()).toBe('playing');
  });

  it('asks the worker for no steps while unseen, even when something presses play (autoplay, a host)', () => {
    const { store, ready, frame, runCommands, phase } = lab();
    const polite = new PoliteCompute(store);
    polite.see({ panelInView: false });
    ready();
    store.play();
    frame();
    expect(phase()).toBe('paused');
    expect(runCommands()).toBe(0);
    expect(store.getView().pausedUnseen).toBe(true);
    polite.see({ panelInView: true });
    frame();
    expect(phase()).toBe('playing');
    expect(runCommands()).toBe(1);
  });

  it('keeps a run the learner paused paused', () => {
    const { store, ready, phase } = lab();
    const polite = new PoliteCompute(store);
    ready();
    store.play();
    store.pause();
    polite.see({ panelInView: false });
    expect(store.getView().pausedUnseen).toBe(false);
    polite.see({ panelInView: true });
    expect(phase()).toBe('paused');
  });

  it('does not resume a run that was reset meanwhile, nor start the new one', () => {
    const { store, ready, phase } = lab();
    const polite = new PoliteCompute(store);
    ready();
    store.play();
    polite.see({ pageShown: false });
    store.reset();
    expect(store.getView().pausedUnseen).toBe(false);
    ready();
    polite.see({ pageShown: true });
    expect(phase()).toBe('paused');
    expect(store.getView().runId).toBe(2);
  });

  it('resumes only once: seen, paused by the learner, unseen and seen again stays paused', () => {
    const { store, ready, phase } = lab();
    const polite = new PoliteCompute(store);
    ready();
    store.play();
    polite.see({ panelInView: false });
    polite.see({ panelInView: true });
    store.pause();
    polite.see({ panelInView: false });
    polite.see({ panelInView: true });
    expect(phase()).toBe('paused');
  });

  it('a pause that comes while the lab waits unseen (from a host) keeps it paused when seen', () => {
    const { store, ready, phase } = lab();
    const polite = new PoliteCompute(store);
    ready();
    store.play();
    polite.see({ panelInView: false });
    store.pause();
    expect(store.getView().pausedUnseen).toBe(false);
    polite.see({ panelInView: true });
    expect(phase()).toBe('paused');
  });

  it('lets go of the store when stopped', () => {
    const { store, ready, phase } = lab();
    const polite = new PoliteCompute(store);
    ready();
    polite.see({ panelInView: false });
    polite.stop();
    store.play();
    expect(phase()).toBe('playing');
  });
});
