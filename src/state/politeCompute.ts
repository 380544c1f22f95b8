import type { Phase } from './store';

/** The part of the store polite compute drives. */
export interface PlayableStore {
  getView(): { phase: Phase; runId: number };
  play(): void;
  pause(): void;
  subscribe(listener: () => void): () => void;
}

/** What the page knows about whether the lab can be seen. */
export interface Sight {
  /** The tab is in front and not minimised (`!document.hidden`). */
  pageShown: boolean;
  /** Some of the lab's panel is inside the viewport. */
  panelInView: boolean;
}

/**
 * Training nobody can see only burns a core (and a laptop's battery, and the other lab's share of
 * the machine when a course page embeds two). While the lab is out of sight it does not play: a run
 * that was playing, or that starts playing (autoplay, a host's `play`), is paused. When the lab is
 * seen again, polite compute resumes the run it paused, and only that run, only if it is still
 * paused: a learner's Pause, a Reset or the end of the run are theirs to keep.
 */
export class PoliteCompute {
  private sight: Sight = { pageShown: true, panelInView: true };
  /** The run polite compute paused and will resume, or null. */
  private pausedRun: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly store: PlayableStore) {
    this.unsubscribe = store.subscribe(this.follow);
  }

  /** Whether the run is paused because the lab is out of sight (and will resume when seen). */
  isPausedOutOfSight = (): boolean => this.pausedRun !== null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  see(change: Partial<Sight>): void {
    this.sight = { ...this.sight, ...change };
    if (!this.isSeen()) {
      this.follow();
      return;
    }
    const run = this.pausedRun;
    if (run === null) return;
    this.remember(null);
    const { phase, runId } = this.store.getView();
    if (phase === 'paused' && runId === run) this.store.play();
  }

  stop(): void {
    this.unsubscribe();
    this.remember(null);
  }

  private isSeen(): boolean {
    return this.sight.pageShown && this.sight.panelInView;
  }

  /** On every change of the store: pause a run that plays unseen; forget one that moved on. */
  private follow = (): void => {
    const { phase, runId } = this.store.getView();
    if (!this.isSeen() && phase === 'playing') {
      this.remember(runId);
      this.store.pause();
    } else if (this.pausedRun !== null && (phase !== 'paused' || runId !== this.pausedRun)) {
      this.remember(null);
    }
  };

  private remember(run: number | null): void {
    if (run === this.pausedRun) return;
    this.pausedRun = run;
    for (const listener of this.listeners) listener();
  }
}
