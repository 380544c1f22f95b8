import { describe, expect, it } from 'vitest';
import { PoliteCompute } from './politeCompute';
import { storeHarness } from './storeHarness';

/** A real store whose worker is this test: `ready()` ends pretraining; frames run only on `frame()`. */
function lab() {
  const h = storeHarness();
  h.store.start();
  return {
    store: h.store,
    ready: () => h.ready(h.lastOf('start')),
    frame: h.runFrame,
    runCommands: () => h.sent.filter((c) => c.type === 'run').length,
    phase: () => h.store.getView().phase,
  };
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
