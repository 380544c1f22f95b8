/**
 * How the page prints numbers. One function per need, so that a quantity prints the same wherever
 * it appears; every function prints NaN and infinities rather than hiding them.
 */

/** Printed for a number that does not exist yet (no run, no step). */
export const NO_VALUE = '–';

/**
 * `digits` significant digits, trailing zeros kept so that a live value keeps its width while it
 * changes: the readouts (5), the code panel and the pitfalls (4).
 */
export function formatSignificant(value: number | undefined, digits: number): string {
  return value === undefined ? NO_VALUE : value.toPrecision(digits);
}

/** `digits` significant digits without trailing zeros, for a value someone set: λ = 0.3, not 0.3000. */
export function formatShort(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

/** Chart axes and tooltips: three significant digits, and an exponent where that says nothing. */
export function formatCompact(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 || magnitude < 1e-3) return value.toExponential(1);
  return formatShort(value, 3);
}

/**
 * A fixed number of decimals, so that the lessons' columns line up: ∞ signs for infinities (float32
 * underflow is part of a lesson), and no "-0.0000" for a value that only rounds to zero.
 */
export function formatDecimals(value: number, digits = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

/** A fraction as a percentage with one decimal: 0.8123 → "81.2%". */
export function formatPercent(fraction: number | undefined): string {
  return fraction === undefined ? NO_VALUE : `${(100 * fraction).toFixed(1)}%`;
}
