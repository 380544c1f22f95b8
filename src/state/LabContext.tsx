import { createContext, type ReactNode, useContext } from 'react';
import { type LabStore, type LabView, useLab } from './store';

const LabStoreContext = createContext<LabStore | null>(null);

export function LabProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

export function useLabStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLabStore needs a <LabProvider>');
  return store;
}

/**
 * A slice of the lab's view. `select` must return a part of the view (or a primitive), never a new
 * object, or React would re-render forever.
 */
export function useLabView<T>(select: (view: LabView) => T): T {
  return useLab(useLabStore(), select);
}
