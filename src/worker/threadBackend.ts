/**
 * The TF.js backend of this thread. In a worker one engine has the thread to itself. On the page's
 * own thread (a page whose policy refuses workers) the lab, the sweep and the lessons share one
 * TF.js and so one backend. Two rules keep them from breaking each other there:
 * - backends change one at a time: TF.js abandons a backend's start when another start begins,
 *   and a switch in the middle of another engine's start leaves TF.js naming one backend while
 *   running another;
 * - an engine that needs only *a* backend takes the running one rather than switching it under
 *   the engine that chose it.
 */
import * as tf from '@tensorflow/tfjs-core';

let changes: Promise<unknown> = Promise.resolve();
/** The backend the last successful switch made current; null before any. */
let running: string | null = null;

/** Runs `change` once no other backend change on this thread is under way, and lets none start until it ends. */
export function changeBackend<T>(change: () => Promise<T>): Promise<T> {
  const result = changes.then(change);
  changes = result.catch(() => {});
  return result;
}

/** Makes `name` (already registered) TF.js's current backend; throws if it will not initialise. Call inside `changeBackend`. */
export async function switchTo(name: string): Promise<void> {
  // setBackend resolves false (rather than throwing) when initialisation fails.
  if (!(await tf.setBackend(name))) throw new Error(`TF.js could not initialise the ${name} backend`);
  await tf.ready();
  running = name;
}

/** The running backend's name, or null where none has started on this thread. */
export const runningBackend = (): string | null => running;

/**
 * Runs `work` on the backend this thread already runs, or on `fallback` (registered) started now
 * if none does; no backend changes while it runs, so `work` must be synchronous.
 */
export function onRunningBackend<T>(fallback: string, work: () => T): Promise<T> {
  return changeBackend(async () => {
    if (running === null) await switchTo(fallback);
    return work();
  });
}
