/**
 * Telling, without timers, that a worker has gone: it holds a Web Lock for as long as it lives, and
 * the browser frees a lock when its holder ends (terminated, closed, or crashed), which grants the
 * page's request for the same lock. Where locks are unavailable (an insecure or opaque origin)
 * nothing is watched, and only the worker's `error` events tell.
 */

const pageLocks = (): LockManager | undefined =>
  (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;

/** In the worker: takes a lock of its own for the rest of its life, then calls `announce` with its name (null if none). */
export function holdLifeLock(announce: (name: string | null) => void): void {
  const locks = pageLocks();
  // One name per worker: another tab of the lab shares this origin's locks.
  const name = `kllab-engine-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  try {
    if (!locks) throw new Error('no Web Locks here');
    locks
      .request(name, () => {
        announce(name);
        return new Promise<never>(() => {}); // held until the worker ends
      })
      .catch(() => announce(null));
  } catch {
    announce(null);
  }
}

/** On the page: resolves once the lock is free, i.e. its worker has ended; never, if `signal` aborts first. */
export function whenLockFree(name: string, signal: AbortSignal): Promise<void> {
  const locks = pageLocks();
  if (!locks) return new Promise(() => {});
  return new Promise((resolve) => {
    locks.request(name, { signal }, () => resolve()).catch(() => {}); // aborted: the page let the worker go
  });
}
