import type { LessonsMessage, LessonsReply, LessonsRequest, ResultOf } from '../worker/lessonsProtocol';
import lessonsWorkerUrl from '../worker/lessonsWorker.ts?worker&url';
import { EngineConnection } from '../worker/workerStarter';

/** What the lessons' engine made of a request: its result, or why there is none. */
export type LessonsAnswer<T> = { result: T; error: null } | { result: null; error: string };

// One engine for all lessons, started on first use; TF.js and the engine load in its chunk only.
let engine: EngineConnection | null = null;
let lastId = 0;

function lessonsEngine(): EngineConnection {
  engine ??= new EngineConnection({
    url: lessonsWorkerUrl,
    onMainThread: async (port) => (await import('../worker/lessonsEndpoint')).serveLessons(port),
  });
  return engine;
}

/**
 * Sends `request` to the lessons' engine; `onAnswer` hears its result or why it failed. Returns a
 * function that stops listening, so that the answer to a superseded request is dropped.
 */
export function askLessonsEngine<R extends LessonsRequest>(
  request: R,
  onAnswer: (answer: LessonsAnswer<ResultOf<R>>) => void,
): () => void {
  const target = lessonsEngine();
  lastId += 1;
  const id = lastId;
  let listening = true;
  const onMessage = (event: Event) => {
    const reply = (event as MessageEvent<LessonsReply>).data;
    if (reply.id !== id) return;
    onAnswer(
      'error' in reply
        ? { result: null, error: reply.error }
        : { result: reply.result as ResultOf<R>, error: null },
    );
  };
  // A worker that fails to load may give no message; the page then says so in its own words.
  const onError = (event: Event) => onAnswer({ result: null, error: (event as ErrorEvent).message ?? '' });
  target.addEventListener('message', onMessage);
  target.addEventListener('error', onError);
  // No way of starting the engine worked: say why, as for a failed request.
  target.started.catch((e: Error) => {
    if (listening) onAnswer({ result: null, error: e.message });
  });
  const message: LessonsMessage = { id, request };
  target.postMessage(message);
  return () => {
    listening = false;
    target.removeEventListener('message', onMessage);
    target.removeEventListener('error', onError);
  };
}
