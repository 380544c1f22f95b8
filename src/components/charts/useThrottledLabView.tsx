import { useEffect, useState } from 'react';
import { useLabStore } from '../../state/LabContext';
import type { LabView } from '../../state/store';

/**
 * A slice of the lab's view that changes at most once per `intervalMs`: the first change shows at
 * once (a single step answers immediately), later ones within the interval merge into one trailing
 * update, so the latest value always arrives. The store may change every animation frame while
 * training; redrawing every chart that often would take the page below 60 fps, and a chart read
 * by a person needs a few updates a second, not sixty.
 *
 * `select` must be stable (a module-level function) and return part of the view, like `useLabView`.
 */
export function useThrottledLabView<T>(select: (view: LabView) => T, intervalMs: number): T {
  const store = useLabStore();
  const [value, setValue] = useState(() => select(store.getView()));
  useEffect(() => {
    let shownAt = Number.NEGATIVE_INFINITY;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      timer = undefined;
      shownAt = performance.now();
      const next = select(store.getView());
      setValue(() => next);
    };
    const onChange = () => {
      if (timer !== undefined) return;
      const wait = shownAt + intervalMs - performance.now();
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    };
    const unsubscribe = store.subscribe(onChange);
    onChange(); // the view may have changed between the first render and this subscription
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, select, intervalMs]);
  return value;
}

/** How often the line charts redraw while training runs. */
export const CHART_UPDATE_MS = 200;

/** How often the numbers in the panel change while training runs: a person reads ~10 a second. */
export const READOUT_UPDATE_MS = 100;

export const selectSteps = (view: LabView) => view.steps;
export const selectLastStep = (view: LabView) => view.steps.at(-1);
export const selectLastSnapshot = (view: LabView) => view.snapshots.at(-1);
export const selectSnapshots = (view: LabView) => view.snapshots;
