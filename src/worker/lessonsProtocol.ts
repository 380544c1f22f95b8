/**
 * The typed messages between the lessons and their small worker. Every request carries an id and
 * is answered once, with that id, so a component can drop answers to requests it no longer wants.
 */

/** Rows of logits, one sample per row, one column per class. */
export type Matrix = number[][];

/** Softmax, log-softmax and the naive log(softmax) of `scale · logits`, row by row. */
export interface SoftmaxRequest {
  type: 'softmax';
  logits: Matrix;
  /** Multiplies the logits (in float32, by the engine) first; 1 when absent. */
  scale?: number;
}

/** Each row's sum; with `exponentiate`, the sum of exp(row), for rows of log-probabilities. */
export interface RowSumsRequest {
  type: 'rowSums';
  rows: Matrix;
  exponentiate: boolean;
}

/**
 * `F.kl_div` on two batches of non-negative class weights, each row normalised to a distribution
 * first: P is the target (the reference), Q the distribution behind `input`.
 */
export interface KLDivRequest {
  type: 'klDiv';
  p: Matrix;
  q: Matrix;
}

export type LessonsRequest = SoftmaxRequest | RowSumsRequest | KLDivRequest;

export interface SoftmaxResult {
  softmax: Matrix;
  logSoftmax: Matrix;
  /** log(softmax(x)): −Infinity where a probability underflowed to 0 in float32. */
  naiveLogSoftmax: Matrix;
  softmaxRowSums: number[];
}

/** `F.kl_div(input, target, reduction=…)` under every reduction, plus each sample's own KL. */
export interface Reductions {
  none: Matrix;
  sum: number;
  mean: number;
  batchmean: number;
  /** The rows of `none` summed: the KL divergence of each sample. */
  perSample: number[];
}

/** One direction, called both ways: target as probabilities, and as log-probabilities. */
export interface KLDivCalls {
  probabilityTarget: Reductions;
  logTarget: Reductions;
}

export interface KLDivResult {
  p: Matrix;
  q: Matrix;
  logP: Matrix;
  logQ: Matrix;
  /** KL(P ‖ Q) = F.kl_div(log Q, P). */
  pq: KLDivCalls;
  /** KL(Q ‖ P) = F.kl_div(log P, Q). */
  qp: KLDivCalls;
}

export interface LessonsResults {
  softmax: SoftmaxResult;
  rowSums: number[];
  klDiv: KLDivResult;
}

export type ResultOf<R extends LessonsRequest> = LessonsResults[R['type']];

export interface LessonsMessage {
  id: number;
  request: LessonsRequest;
}

export type LessonsReply =
  | { id: number; result: LessonsResults[keyof LessonsResults] }
  | { id: number; error: string };
