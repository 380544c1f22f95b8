import { describe, expect, it } from 'vitest';
import { PoliteCompute } from './politeCompute';
import { storeHarness } from './storeHarness';

/**
 * A real store whose worker is this test, watched by polite compute: `ready()` ends pretraining;
 * frames run only on `frame()`.
 */
function lab() {
  const h = storeHarness();
  h.store.start();
  return {
    store: h.store,
    polite: new PoliteCompute(h.store),
    ready: () => h.ready(h.lastOf('start')),
    frame: h.runFrame,
    runCommands: () => h.sent.filter((c) => c.type === 'run').length,
    phase: () => h.store.getView().phase,
  };
}

/** A lab whose run is pretrained and playing, in view. */
function playingLab() {
  const playing = lab();
  playing.ready();
  playing.store.play();
  return playing;
}

describe('polite compute', () => {
  it('pauses a playing run scrolled out of view and resumes it when seen again', () => {
    const { store, polite, phase } = playingLab();
    polite.see({ panelInView: false });
    expect(phase()).toBe('paused');
    expect(store.getView().pausedUnseen).toBe(true);
    polite.see({ panelInView: true });
    expect(phase()).toBe('playing');
    expect(store.getView().pausedUnseen).toBe(false);
  });

  it('pauses when the page is hidden, and waits for both the page and the panel to be seen', () => {
    const { polite, phase } = playingLab();
    polite.see({ pageShown: false });
    expect(phase()).toBe('paused');
    polite.see({ panelInView: false });
    polite.see({ pageShown: true });
    expect(phase()).toBe('paused');
    polite.see({ panelInView: true });
    expect(phase()).toBe('playing');
  });

  it('asks the worker for no steps while unseen, even when something presses play (autoplay, a host)', () => {
    const { store, polite, ready, frame, runCommands, phase } = lab();
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

  it.each([
    { who: 'the learner, then out of view', order: ['pause', 'hide'] },
    { who: 'a host while unseen', order: ['hide', 'pause'] },
  ] as const)('a pause by $who keeps the run paused when seen', ({ order }) => {
    const { store, polite, phase } = playingLab();
    const act = { pause: () => store.pause(), hide: () => polite.see({ panelInView: false }) };
    for (const step of order) act[step]();
    expect(store.getView().pausedUnseen).toBe(false);
    polite.see({ panelInView: true });
    expect(phase()).toBe('paused');
  });

  it('does not resume a run that was reset meanwhile, nor start the new one', () => {
    const { store, polite, ready, phase } = playingLab();
    polite.see({ pageShown: false });
    store.reset();
    expect(store.getView().pausedUnseen).toBe(false);
    ready();
    polite.see({ pageShown: true });
    expect(phase()).toBe('paused');
    expect(store.getView().runId).toBe(2);
  });

  it('resumes only once: seen, paused by the learner, unseen and seen again stays paused', () => {
    const { store, polite, phase } = playingLab();
    polite.see({ panelInView: false });
    polite.see({ panelInView: true });
    store.pause();
    polite.see({ panelInView: false });
    polite.see({ panelInView: true });
    expect(phase()).toBe('paused');
  });

  it('lets go of the store when stopped', () => {
    const { store, polite, ready, phase } = lab();
    ready();
    polite.see({ panelInView: false });
    polite.stop();
    store.play();
    expect(phase()).toBe('playing');
  });
});
