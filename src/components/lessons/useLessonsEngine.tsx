import { useEffect, useState } from 'react';
import type { LessonsMessage, LessonsReply, LessonsRequest, ResultOf } from '../../worker/lessonsProtocol';
import lessonsWorkerUrl from '../../worker/lessonsWorker.ts?worker&url';
import { EngineConnection } from '../../worker/workerStarter';

// One engine for all lessons, started on first use; TF.js and the engine load in its chunk only.
let engine: EngineConnection | null = null;
let lastId = 0;

function lessonsEngine(): EngineConnection {
  engine ??= new EngineConnection({
    url: lessonsWorkerUrl,
    onMainThread: async (port) => (await import('../../worker/lessonsEndpoint')).serveLessons(port),
  });
  return engine;
}

export type EngineAnswer<T> = { result: T; error: null } | { result: null; error: string } | null;

/**
 * The engine's answer to `request`, recomputed whenever the request changes. While a newer request
 * is out, the previous answer stays; answers to superseded requests are dropped. A null request
 * asks nothing and keeps the last answer (for example while a typed number is incomplete).
 */
export function useLessonsEngine<R extends LessonsRequest>(request: R | null): EngineAnswer<ResultOf<R>> {
  // Requests are rebuilt on every render; their text says whether one really changed.
  const key = request === null ? null : JSON.stringify(request);
  const [answer, setAnswer] = useState<EngineAnswer<ResultOf<R>>>(null);

  useEffect(() => {
    if (key === null) return;
    const target = lessonsEngine();
    lastId += 1;
    const id = lastId;
    let current = true;
    const onMessage = (event: Event) => {
      const reply = (event as MessageEvent<LessonsReply>).data;
      if (reply.id !== id) return;
      setAnswer(
        'error' in reply
          ? { result: null, error: reply.error }
          : { result: reply.result as ResultOf<R>, error: null },
      );
    };
    // A worker that fails to load may give no message; the page then says so in its own words.
    const onError = (event: Event) => setAnswer({ result: null, error: (event as ErrorEvent).message ?? '' });
    target.addEventListener('message', onMessage);
    target.addEventListener('error', onError);
    // No way of starting the engine worked: say why, as for a failed request.
    target.started.catch((e: Error) => {
      if (current) setAnswer({ result: null, error: e.message });
    });
    const message: LessonsMessage = { id, request: JSON.parse(key) as LessonsRequest };
    target.postMessage(message);
    return () => {
      current = false;
      target.removeEventListener('message', onMessage);
      target.removeEventListener('error', onError);
    };
  }, [key]);

  return answer;
}
