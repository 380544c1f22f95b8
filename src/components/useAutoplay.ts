import { useEffect, useRef } from 'react';
import { useLabStore, useLabView } from '../state/LabContext';

/** Starts training once, the first time the run is ready (pretraining done), when the page asks for it. */
export function useAutoplay(enabled: boolean): void {
  const store = useLabStore();
  const phase = useLabView((v) => v.phase);
  const started = useRef(false);
  useEffect(() => {
    if (!enabled || started.current || phase !== 'paused') return;
    started.current = true;
    store.play();
  }, [enabled, phase, store]);
}
