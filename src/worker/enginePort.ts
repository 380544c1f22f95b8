/**
 * The engine's side of starting up, shared by both workers and the main-thread fallback: the port
 * it talks through and the handshake that tells `workerStarter.ts` it has loaded. No DOM here: this
 * runs inside workers.
 */

import { holdLifeLock } from './exitWatch';

/** What the engine side talks through: a worker's own scope, or one end of a MessageChannel on the page. */
export interface EnginePort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => unknown) | null;
}

/** The engine's first message: it loaded and listens. The page never sees it. */
export const STARTED = 'kllab:engine-started';
/** Tags the message a Blob URL worker sends when it could not import the engine. */
export const FAILED = 'kllab:engine-failed';

/**
 * Called by a worker once its module has loaded and its `onmessage` is set. The announcement names a
 * Web Lock the worker holds for as long as it lives (`exitWatch.ts`), when the page may use locks.
 */
export function announceStarted(port: EnginePort): void {
  holdLifeLock((name) => port.postMessage([STARTED, name], []));
}
