/**
 * Starts an engine worker in the first way this page allows (docs/EMBED.md, "Sandboxed frames and
 * static hosting"). A frame sandboxed without allow-same-origin has an opaque origin, which may not
 * start a worker from the site's URL but may start one from a Blob URL it made itself; a page whose
 * policy refuses workers altogether can still run the engine on its own thread.
 */

import { type EnginePort, FAILED, STARTED } from './enginePort';

/** How the engine ended up running. */
export type WorkerWay = 'module' | 'blob' | 'mainThread';

export interface EngineSource {
  /** The worker chunk's URL, from a `./x.ts?worker&url` import (relative to the page, or absolute). */
  url: string;
  /** Loads the engine's logic onto the page (a dynamic import) and connects it to `port`. */
  onMainThread(port: EnginePort): Promise<void>;
}

import { whenLockFree } from './exitWatch';

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface StartedWorker {
  worker: Worker;
  /** The lock the worker holds while it lives, or null where locks are unavailable. */
  lifeLock: string | null;
}

/** Resolves once `worker` announces itself; rejects (and ends it) if it errors first, e.g. failing to load. */
function whenStarted(worker: Worker): Promise<StartedWorker> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
    const fail = (message: string) => {
      stop();
      worker.terminate();
      reject(new Error(message));
    };
    const onMessage = (event: MessageEvent) => {
      if (Array.isArray(event.data) && event.data[0] === FAILED) fail(String(event.data[1]));
      if (!Array.isArray(event.data) || event.data[0] !== STARTED) return;
      stop();
      resolve({ worker, lifeLock: event.data[1] ?? null });
    };
    // A script that fails to load gives a bare Event; one that throws gives an ErrorEvent.
    const onError = (event: Event) => fail((event as ErrorEvent).message || 'the worker script did not load');
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

/**
 * A classic worker from a Blob URL that imports the chunk by absolute URL: the chunk's own relative
 * imports (WASM binaries) still resolve against the site, while the worker has the page's origin,
 * opaque or not. Classic, because Chromium refuses module workers to an opaque origin even from a
 * Blob URL; dynamic `import()` works in a classic worker. A failed import is reported as a message,
 * since a worker's unhandled rejection never reaches the page.
 */
function blobWorker(url: string): Worker {
  const code = `import(${JSON.stringify(url)}).catch((e) => postMessage([${JSON.stringify(FAILED)}, String(e)]));`;
  // Not revoked: the worker may fetch it after the constructor returns, and it is a few bytes.
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
}

async function onMainThread(source: EngineSource): Promise<MessagePort> {
  const channel = new MessageChannel();
  await source.onMainThread(channel.port2);
  return channel.port1;
}

/**
 * The page's end of the engine, whichever way it runs: `postMessage` and `message` / `error` events,
 * as on a Worker, and an `exit` event when a worker is gone (`exitWatch.ts`). Messages posted before
 * the engine starts, or while it restarts, wait and are delivered in order.
 */
export class EngineConnection extends EventTarget {
  /** Resolves with the way the engine runs; rejects, with every way's reason, if none could start. */
  readonly started: Promise<WorkerWay>;
  private target: Worker | MessagePort | null = null;
  private waiting: [unknown, Transferable[]][] = [];
  private stopWatching = new AbortController();

  constructor(private readonly source: EngineSource) {
    super();
    this.started = this.start(source);
    // The owner handles the failure; this only keeps it from also counting as unhandled.
    this.started.catch(() => {});
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (this.target) this.target.postMessage(message, transfer);
    else this.waiting.push([message, transfer]);
  }

  /**
   * Ends the engine (a worker that still runs is terminated; nothing it sent after this arrives) and
   * starts another; what is posted meanwhile waits for it.
   */
  restart(): Promise<WorkerWay> {
    this.stopWatching.abort();
    this.stopWatching = new AbortController();
    if (this.target instanceof Worker) this.target.terminate();
    else this.target?.close();
    this.target = null;
    return this.start(this.source);
  }

  private async start(source: EngineSource): Promise<WorkerWay> {
    const url = new URL(source.url, document.baseURI).href;
    const ways: [WorkerWay, () => Promise<StartedWorker | MessagePort>][] = [
      // The constructor throws a SecurityError where the page may not use the URL (an opaque origin).
      ['module', async () => whenStarted(new Worker(url, { type: 'module' }))],
      ['blob', async () => whenStarted(blobWorker(url))],
      ['mainThread', () => onMainThread(source)],
    ];
    const failures: string[] = [];
    for (const [way, attempt] of ways) {
      try {
        this.connect(await attempt());
        return way;
      } catch (e) {
        failures.push(`${way}: ${reason(e)}`);
      }
    }
    throw new Error(failures.join('; '));
  }

  private connect(started: StartedWorker | MessagePort): void {
    const target = started instanceof MessagePort ? started : started.worker;
    target.addEventListener('message', (event) => {
      if (target !== this.target) return;
      this.dispatchEvent(new MessageEvent('message', { data: (event as MessageEvent).data }));
    });
    target.addEventListener('error', (event) => {
      if (target !== this.target) return;
      this.dispatchEvent(new ErrorEvent('error', { message: (event as ErrorEvent).message ?? '' }));
    });
    if (!(started instanceof MessagePort) && started.lifeLock) {
      whenLockFree(started.lifeLock, this.stopWatching.signal).then(() => {
        if (target === this.target) this.dispatchEvent(new Event('exit'));
      });
    }
    if (target instanceof MessagePort) target.start();
    this.target = target;
    for (const [message, transfer] of this.waiting) target.postMessage(message, transfer);
    this.waiting = [];
  }
}
