import type { Phase } from './store';

/** The part of the store polite compute drives. */
export interface PlayableStore {
  getView(): { phase: Phase; pausedUnseen: boolean };
  play(): void;
  pauseUnseen(): void;
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
 * that was playing, or that starts playing (autoplay, a host's `play`), is paused with the store's
 * `pauseUnseen`. When the lab is seen again, that run plays on, unless someone paused it, reset it
 * or it ended meanwhile (the store forgets `pausedUnseen` then).
 */
export class PoliteCompute {
  private sight: Sight = { pageShown: true, panelInView: true };
  private readonly unsubscribe: () => void;

  constructor(private readonly store: PlayableStore) {
    this.unsubscribe = store.subscribe(this.follow);
  }

  see(change: Partial<Sight>): void {
    this.sight = { ...this.sight, ...change };
    if (!this.isSeen()) this.follow();
    else if (this.store.getView().pausedUnseen && this.store.getView().phase === 'paused') this.store.play();
  }

  stop(): void {
    this.unsubscribe();
  }

  private isSeen(): boolean {
    return this.sight.pageShown && this.sight.panelInView;
  }

  /** On every change of the store: a run that plays unseen pauses at once, before its next frame. */
  private follow = (): void => {
    if (!this.isSeen() && this.store.getView().phase === 'playing') this.store.pauseUnseen();
  };
}
