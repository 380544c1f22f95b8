/**
 * A number as the lessons print it: a fixed number of decimals, ∞ signs for infinities (float32
 * underflow is part of a lesson), and no "-0.0000" for a value that only rounds to zero.
 */
export function formatValue(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  const text = x.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}
