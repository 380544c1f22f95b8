import { useSyncExternalStore } from 'react';
import { useLabStore } from './LabContext';
import { sweepOf } from './sweepEngine';
import type { SweepStore, SweepView } from './sweepStore';

/** The frontier's sweep (started on first use) for the lab this component is in. */
export function useSweepStore(): SweepStore {
  return sweepOf(useLabStore());
}

/** A slice of the sweep's view; like `useLabView`, `select` must return a part of it, not a new object. */
export function useSweepView<T>(select: (view: SweepView) => T): T {
  const sweep = useSweepStore();
  return useSyncExternalStore(sweep.subscribe, () => select(sweep.getView()));
}
