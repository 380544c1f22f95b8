/**
 * Counting for the digits view, on plain arrays: which test digits to show, and how often a model
 * was right on each class.
 */

/** The index of the first item of each class 0…classes−1 (−1 where a class never occurs). */
export function firstOfEachClass(labels: ArrayLike<number>, classes: number): number[] {
  const first = new Array<number>(classes).fill(-1);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label >= 0 && label < classes && first[label] < 0) first[label] = i;
  }
  return first;
}

/** For each class, the fraction of its items predicted right; NaN for a class with no items. */
export function perClassAccuracy(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number[] {
  if (predicted.length !== labels.length)
    throw new Error(`${predicted.length} predictions for ${labels.length} labels`);
  const right = new Array<number>(classes).fill(0);
  const seen = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    seen[labels[i]] += 1;
    if (predicted[i] === labels[i]) right[labels[i]] += 1;
  }
  return right.map((r, k) => (seen[k] === 0 ? Number.NaN : r / seen[k]));
}
