import { useEffect, useState } from 'react';
import type { LessonsRequest, ResultOf } from '../worker/lessonsProtocol';
import { askLessonsEngine, type LessonsAnswer } from './lessonsEngine';

/** The engine's answer to a request, or null before the first one arrives. */
export type EngineAnswer<T> = LessonsAnswer<T> | null;

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
    return askLessonsEngine(JSON.parse(key) as R, setAnswer);
  }, [key]);

  return answer;
}
