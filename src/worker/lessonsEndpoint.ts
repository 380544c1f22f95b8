/**
 * The lessons' engine: answers small, stateless requests with the engine's `F` functions, so every
 * number the lessons show comes from the same code that trains the lab. It runs in a worker
 * (`lessonsWorker.ts`), or on the page where workers are refused (`workerStarter.ts`).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as F from '../engine/functional';
import type { EnginePort } from './enginePort';
import type {
  KLDivCalls,
  KLDivResult,
  LessonsMessage,
  LessonsReply,
  LessonsRequest,
  LessonsResults,
  Matrix,
  Reductions,
  SoftmaxResult,
} from './lessonsProtocol';
import { onRunningBackend } from './threadBackend';

/** `tf.tidy` for work that returns plain numbers: every tensor made inside is freed afterwards. */
function tidy<T>(work: () => T): T {
  let out: T | undefined;
  tf.tidy(() => {
    out = work();
  });
  return out as T;
}

const rows = (t: tf.Tensor): Matrix => t.arraySync() as Matrix;
const values = (t: tf.Tensor): number[] => t.arraySync() as number[];
const scalar = (t: tf.Tensor): number => t.dataSync()[0];

function softmaxOf(logits: Matrix, scale = 1): SoftmaxResult {
  return tidy(() => {
    const x = tf.mul(tf.tensor2d(logits), scale);
    const p = F.softmax(x);
    return {
      softmax: rows(p),
      logSoftmax: rows(F.logSoftmax(x)),
      naiveLogSoftmax: rows(tf.log(p)),
      softmaxRowSums: values(tf.sum(p, 1)),
    };
  });
}

function rowSums(matrix: Matrix, exponentiate: boolean): number[] {
  return tidy(() => {
    const x = tf.tensor2d(matrix);
    return values(tf.sum(exponentiate ? tf.exp(x) : x, 1));
  });
}

function reductions(input: tf.Tensor, target: tf.Tensor, logTarget: boolean): Reductions {
  const none = F.klDiv(input, target, { reduction: 'none', logTarget });
  return {
    none: rows(none),
    sum: scalar(F.klDiv(input, target, { reduction: 'sum', logTarget })),
    mean: scalar(F.klDiv(input, target, { reduction: 'mean', logTarget })),
    batchmean: scalar(F.klDiv(input, target, { reduction: 'batchmean', logTarget })),
    perSample: values(tf.sum(none, 1)),
  };
}

/** KL(target ‖ model): F.kl_div(log model, target), with the target given both ways. */
function calls(logModel: tf.Tensor, target: tf.Tensor, logTarget: tf.Tensor): KLDivCalls {
  return {
    probabilityTarget: reductions(logModel, target, false),
    logTarget: reductions(logModel, logTarget, true),
  };
}

function klDivOf(pWeights: Matrix, qWeights: Matrix): KLDivResult {
  return tidy(() => {
    const normalise = (w: Matrix) => {
      const x = tf.tensor2d(w);
      return tf.div(x, tf.sum(x, 1, true));
    };
    const p = normalise(pWeights);
    const q = normalise(qWeights);
    const logP = tf.log(p);
    const logQ = tf.log(q);
    return {
      p: rows(p),
      q: rows(q),
      logP: rows(logP),
      logQ: rows(logQ),
      pq: calls(logQ, p, logP),
      qp: calls(logP, q, logQ),
    };
  });
}

function answer(request: LessonsRequest): LessonsResults[keyof LessonsResults] {
  switch (request.type) {
    case 'softmax':
      return softmaxOf(request.logits, request.scale);
    case 'rowSums':
      return rowSums(request.rows, request.exponentiate);
    case 'klDiv':
      return klDivOf(request.p, request.q);
  }
}

/** Answers every request that arrives through `port`. */
export function serveLessons(port: EnginePort): void {
  port.onmessage = async (event: MessageEvent<LessonsMessage>) => {
    const { id, request } = event.data;
    let reply: LessonsReply;
    try {
      // A few dozen numbers per request: in its own worker the CPU backend, exact float32, leaving
      // the GPU to the lab; on the page's thread, whichever backend the lab runs there.
      reply = { id, result: await onRunningBackend('cpu', () => answer(request)) };
    } catch (e) {
      reply = { id, error: (e as Error).message };
    }
    port.postMessage(reply, []);
  };
}
