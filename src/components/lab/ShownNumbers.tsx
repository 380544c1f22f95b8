import { createContext, type ReactNode, useContext } from 'react';
import type { LabView } from '../../state/store';
import { READOUT_UPDATE_MS, useThrottledLabView } from '../charts/useThrottledLabView';

const selectView = (view: LabView) => view;

const ShownView = createContext<LabView | null>(null);

/**
 * The view as the panel's numbers show it: at most ~10 updates a second while training (a person
 * reads no faster, and re-rendering every frame costs frames), and one view for all of them, so the
 * step, the losses and the accuracies on screen always belong to the same report.
 */
export function ShownNumbers({ children }: { children: ReactNode }) {
  const view = useThrottledLabView(selectView, READOUT_UPDATE_MS);
  return <ShownView.Provider value={view}>{children}</ShownView.Provider>;
}

export function useShownNumbers() {
  const view = useContext(ShownView);
  if (!view) throw new Error('useShownNumbers needs a <ShownNumbers>');
  return { last: view.steps.at(-1), snapshot: view.snapshots.at(-1) };
}
