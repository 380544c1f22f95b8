import { createContext, type ReactNode, useContext, useState, useSyncExternalStore } from 'react';

/** The quantities the code, the formula and the loss chart show, each under one id. */
export type TermId = 'lossNew' | 'klPenalty' | 'lambdaKl' | 'totalLoss' | 'modes' | 'teacher';

/** Where a highlight came from. The pointer outranks focus, focus outranks a pin (a click or tap). */
type Source = 'pointer' | 'focus' | 'pin';
const PRIORITY: readonly Source[] = ['pointer', 'focus', 'pin'];

type Listener = () => void;

/** Which term is highlighted, per source, so leaving with the mouse falls back to what has focus. */
export class HighlightStore {
  private readonly held: Record<Source, TermId | null> = { pointer: null, focus: null, pin: null };
  private readonly listeners = new Set<Listener>();
  private term: TermId | null = null;

  getTerm = (): TermId | null => this.term;
  getPinned = (): TermId | null => this.held.pin;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(source: Source, term: TermId | null): void {
    if (this.held[source] === term) return;
    this.held[source] = term;
    this.term = PRIORITY.map((s) => this.held[s]).find((t) => t !== null) ?? null;
    for (const listener of this.listeners) listener();
  }

  /** Ends a source's highlight only if it is still that term (a newer one may have replaced it). */
  release(source: Source, term: TermId): void {
    if (this.held[source] === term) this.set(source, null);
  }

  togglePin(term: TermId): void {
    this.set('pin', this.held.pin === term ? null : term);
  }
}

/** Without a provider the page shares one store, so the linking works before anyone wraps the app. */
const pageStore = new HighlightStore();
const HighlightContext = createContext<HighlightStore>(pageStore);

/** Scopes the highlight to its subtree (one per embedded lab). */
export function HighlightProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new HighlightStore());
  return <HighlightContext.Provider value={store}>{children}</HighlightContext.Provider>;
}

export function useHighlightStore(): HighlightStore {
  return useContext(HighlightContext);
}

/** The highlighted term, or null. */
export function useHighlightedTerm(): TermId | null {
  const store = useHighlightStore();
  return useSyncExternalStore(store.subscribe, store.getTerm);
}

/** Whether `term` is highlighted; re-renders only when that answer changes. */
export function useIsHighlighted(term: TermId | undefined): boolean {
  const store = useHighlightStore();
  return useSyncExternalStore(store.subscribe, () => term !== undefined && store.getTerm() === term);
}

/** Whether `term` is pinned (clicked or tapped), for `aria-pressed`. */
export function useIsPinned(term: TermId): boolean {
  const store = useHighlightStore();
  return useSyncExternalStore(store.subscribe, () => store.getPinned() === term);
}

export interface HighlightSourceProps {
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onFocus: () => void;
  onBlur: () => void;
}

/** Event props that make an element highlight `term` while hovered or focused. */
export function useHighlightSource(term: TermId | undefined): Partial<HighlightSourceProps> {
  const store = useHighlightStore();
  if (term === undefined) return {};
  return {
    onPointerEnter: () => store.set('pointer', term),
    onPointerLeave: () => store.release('pointer', term),
    onFocus: () => store.set('focus', term),
    onBlur: () => store.release('focus', term),
  };
}
