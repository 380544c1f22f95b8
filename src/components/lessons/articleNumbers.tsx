/**
 * Numbers from the source article. The logits are its worked example; the "printed" tables are what
 * it shows as the output of softmax and log_softmax, kept only so the errata can show they are wrong.
 */
export const ARTICLE_LOGITS: readonly (readonly number[])[] = [
  [1, 3, 0.5, 2],
  [0.1, -1, 2, 0.5],
  [-2, -1, -0.5, -3],
];

export const PRINTED_SOFTMAX: number[][] = [
  [0.0863, 0.6375, 0.0521, 0.2241],
  [0.1174, 0.039, 0.7858, 0.1778],
  [0.0531, 0.1444, 0.2384, 0.0195],
];

export const PRINTED_LOG_SOFTMAX: number[][] = [
  [-2.4499, -0.4499, -2.9499, -1.4999],
  [-2.1423, -3.2423, -0.2423, -1.7223],
  [-2.9351, -1.9351, -1.4351, -3.9351],
];
