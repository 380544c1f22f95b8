import { type RefObject, useEffect } from 'react';
import { useLabStore } from '../../state/LabContext';
import { PoliteCompute } from '../../state/politeCompute';
import { watchSight } from './watchSight';

/** Pauses training while the lab's panel cannot be seen and resumes it when it can (see `PoliteCompute`). */
export function usePoliteCompute(panel: RefObject<HTMLElement | null>): void {
  const store = useLabStore();
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const compute = new PoliteCompute(store);
    // Seen means any pixel of the panel: a learner watching only the chart, or the readouts at the
    // bottom of the window, is watching the run.
    const stopWatching = watchSight(element, (change) => compute.see(change));
    return () => {
      stopWatching();
      compute.stop();
    };
  }, [panel, store]);
}
